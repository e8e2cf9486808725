import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { SignInLimits } from "../common/input-limits.js";
import { TokenBucket } from "../common/token-bucket.js";
import { throttledAddressOf } from "../common/ip-address.js";
import { clientAddress } from "./api-keys.js";

/** `THROTTLED`, HTTP 429 with `Retry-After`: the same shape as the cost bucket's refusal. */
export function throttledError(what: string, retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(`Throttled: ${what}. Retry in ${seconds} s.`, {
    extensions: { code: "THROTTLED", retryAfterSeconds: seconds, http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) } },
  });
}

/** The client's address as throttling counts it: an IPv6 client usually holds a whole /64, one allowance for all of it. */
function addressKey(clientIp: string): string {
  return throttledAddressOf(clientAddress(clientIp));
}

/**
 * Throttles guessing: failed sign-ins per account (and per e-mail address when
 * it finds none, so that the answer says nothing about which exist) and per client address, and
 * unknown or malformed credentials per client address. Allowances are token
 * buckets in PostgreSQL ({@link TokenBucket}), shared by every replica; each
 * refills over `windowSeconds`, continuously.
 */
export class SignInThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: SignInLimits,
  ) {}

  private bucket(key: string, requests: number): TokenBucket {
    return new TokenBucket(this.dataSource, key, { requests, perSeconds: this.limits.windowSeconds });
  }

  /**
   * Takes one sign-in attempt from the client address's and the account's
   * allowances, before the password is checked: when either is spent the
   * attempt is refused (`THROTTLED`), even with the right password. `account`
   * names the account the e-mail found, however it was spelt (see
   * `findSignInAccount`). The returned function gives the attempt back once it
   * succeeded, so that only failures count.
   */
  async attempt(account: string, clientIp: string): Promise<() => Promise<void>> {
    const byAddress = this.bucket(`signin:ip:${addressKey(clientIp)}`, this.limits.addressFailures);
    const address = await byAddress.take();
    if (!address.allowed) throw throttledError("too many failed sign-ins from this address", address.retryAfterMs);
    const byAccount = this.bucket(`signin:account:${account}`, this.limits.accountFailures);
    const taken = await byAccount.take();
    if (!taken.allowed) throw throttledError("too many failed sign-ins for this e-mail address", taken.retryAfterMs);
    return async () => {
      await byAccount.refund(1);
      await byAddress.refund(1);
    };
  }

  /** Counts a request whose credentials were unknown or malformed; throws `THROTTLED` once the address's allowance is spent. */
  async credentialFailure(clientIp: string): Promise<void> {
    const take = await this.bucket(`auth:ip:${addressKey(clientIp)}`, this.limits.credentialFailures).take();
    if (!take.allowed) throw throttledError("too many requests with unknown or malformed credentials from this address", take.retryAfterMs);
  }
}
