/**
 * Money arithmetic on decimal strings through integer cents (BigInt), so no
 * amount ever passes through a float.
 */

/** An amount in one currency, as the API shows it. */
export interface MoneyModel {
  /** Decimal string with two decimals. */
  amount: string;
  /** ISO 4217 code. */
  currencyCode: string;
}

/** Parses a decimal string such as `"12.5"` or `"-3.07"` into cents. */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a money amount: ${amount}`);
  const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** Formats cents as a decimal string with two decimals. */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Builds a {@link MoneyModel}. */
export function money(amount: string, currencyCode: string): MoneyModel {
  return { amount: fromCents(toCents(amount)), currencyCode };
}

/** `amount × factor` for an integer factor, exact. */
export function multiply(amount: string, factor: number): string {
  return fromCents(toCents(amount) * BigInt(factor));
}

/** `a − b`, exact. */
export function subtract(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}
