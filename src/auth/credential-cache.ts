import { LRUCache } from "lru-cache";
import type { Principal } from "./principal.js";

/** Bumped whenever this process revokes or rotates a credential: every verification cached before it is void. */
let generation = 0;

/**
 * Voids every verification cached in this process. Called when a credential
 * is revoked or rotated, and again once that change is committed (a lookup
 * between the two still reads the old row).
 */
export function forgetVerifiedCredentials(): void {
  generation++;
}

/** A verified credential: who it is, and until when it may be believed (a customer token's expiry). */
export interface Verified {
  principal: Principal;
  validUntil?: Date;
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

  /**
   * The principal of `key`: remembered, or looked up (and then remembered,
   * never past `validUntil`, and not at all when a credential was revoked
   * while the lookup ran: it may have read the row from before).
   */
  async verify(key: string, lookUp: () => Promise<Verified | null>): Promise<Principal | null> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) return entry.principal;
    const startedIn = generation;
    const found = await lookUp();
    if (!found) return null;
    const left = found.validUntil ? found.validUntil.getTime() - Date.now() : Infinity;
    if (startedIn === generation && left > 0) this.entries.set(key, { principal: found.principal, generation }, left < this.ttlMs ? { ttl: left } : undefined);
    return found.principal;
  }
}
