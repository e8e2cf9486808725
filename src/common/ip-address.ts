/** The first 64 bits of an IPv6 address, written out ("2001:db8::1" → "2001:db8:0:0"). */
export function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return groups
    .slice(0, 4)
    .map((group) => parseInt(group || "0", 16).toString(16))
    .join(":");
}

/** The address a client is counted by when throttled: an IPv6 client usually holds a whole /64, so its prefix; an IPv4 address as it is. */
export function throttledAddressOf(address: string): string {
  return address.includes(":") ? ipv6Prefix64(address) : address;
}
