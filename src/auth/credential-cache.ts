import { LRUCache } from "lru-cache";
import type { Principal } from "./principal.js";

/** Bumped whenever this process revokes or rotates a credential: every verification cached before it is void. */
let generation = 0;

/** Voids every verification cached in this process (called on revoke and rotate). */
export function forgetVerifiedCredentials(): void {
  generation++;
}

/**
 * Credentials verified recently, so that a client's every request does not
 * cost a database round trip: a credential revoked here stops working at
 * once, one revoked by another process (replica, CLI) within `ttlMs`.
 * Only successes are kept; unknown tokens are checked every time.
 */
export class CredentialCache {
  private readonly entries: LRUCache<string, { principal: Principal; generation: number }>;

  constructor(
    private readonly ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.entries = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  /** The principal verified for `key`, when it is still fresh. */
  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    return entry && entry.generation === generation ? entry.principal : undefined;
  }

  /** Remembers a verified principal, never past `validUntil` (a customer token's expiry). */
  set(key: string, principal: Principal, validUntil?: Date): void {
    const left = validUntil ? validUntil.getTime() - Date.now() : Infinity;
    if (left <= 0) return;
    this.entries.set(key, { principal, generation }, left < this.ttlMs ? { ttl: left } : undefined);
  }
}
