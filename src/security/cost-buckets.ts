import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import { TokenBucket, type Quota, type Take } from "../common/token-bucket.js";

/** How far ahead a busy principal draws from its bucket: this many seconds of its own recent use. */
const LEASE_SECONDS = 0.1;

/** What this process holds of one principal's bucket. */
interface Lease {
  /** Tokens taken from the shared bucket and not spent yet. */
  tokens: number;
  /** Spent since the last trip to the shared bucket, and when that was (ms). */
  spent: number;
  since: number;
  /** The shared bucket's level at the last trip. */
  shared: number;
  /** A trip that takes tokens ahead is under way (one at a time, so that the lease stays within its bound). */
  drawing: boolean;
}

/**
 * Every principal's cost bucket as this process draws from it. The buckets
 * live in PostgreSQL ({@link TokenBucket}), shared by every replica; a
 * principal that keeps this process busy (a storefront server's one API key)
 * takes what its next ~100 ms of queries will cost along with the current
 * one (at most a tenth of the bucket, one such trip at a time), and those
 * queries are paid here without a round trip; refunds go to the same lease up
 * to that bound, the rest back to the shared bucket. An occasional
 * principal gets exactly what it asks for, one statement a query. When the
 * shared bucket cannot give the lease, the query gets exactly its own cost
 * or is refused, as without leases.
 */
export class CostBuckets {
  private readonly leases = new LRUCache<string, Lease>({ max: 10_000 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly quota: Quota,
  ) {}

  /** Takes `cost` from `key`'s bucket; `available` is the bucket's level as this process knows it. */
  async take(key: string, cost: number): Promise<Take> {
    const now = Date.now();
    let lease = this.leases.get(key);
    if (!lease) this.leases.set(key, (lease = { tokens: 0, spent: 0, since: now, shared: this.quota.requests, drawing: false }));
    if (lease.tokens >= cost) {
      lease.tokens -= cost;
      lease.spent += cost;
      return { allowed: true, retryAfterMs: 0, available: Math.floor(lease.shared + lease.tokens) };
    }
    // This principal's use here since the last trip, per second: idle for a second or more, no lease.
    const elapsed = (now - lease.since) / 1000;
    const ahead = !lease.drawing && elapsed > 0 && elapsed < 1 ? Math.min(this.leaseCap, ((lease.spent + cost) / elapsed) * LEASE_SECONDS) : 0;
    // The lease's tokens pay part of this query: claimed now, so that no other query spends them meanwhile.
    const held = lease.tokens;
    lease.tokens = 0;
    lease.drawing ||= ahead > 0;
    try {
      const bucket = new TokenBucket(this.dataSource, key, this.quota);
      let take = await bucket.take(cost - held + ahead);
      let got = ahead;
      if (!take.allowed && ahead > 0) {
        take = await bucket.take(cost - held);
        got = 0;
      }
      if (!take.allowed) {
        lease.tokens += held;
        return { ...take, available: take.available + Math.floor(lease.tokens) };
      }
      // Within the bound even if a refund filled the lease meanwhile (the excess is the principal's loss, never a gain).
      lease.tokens = Math.min(this.leaseCap, lease.tokens + got);
      lease.spent = 0;
      lease.since = now;
      lease.shared = take.available;
      return { allowed: true, retryAfterMs: 0, available: Math.floor(take.available + lease.tokens) };
    } finally {
      if (ahead > 0) lease.drawing = false;
    }
  }

  /**
   * Gives back tokens taken for more than a query used: to this process's
   * lease up to its bound, the rest to the shared bucket. Returns the level as
   * this process knows it.
   */
  async refund(key: string, amount: number): Promise<number> {
    const lease = this.leases.get(key);
    const toLease = lease ? Math.max(0, Math.min(amount, this.leaseCap - lease.tokens)) : 0;
    if (lease) lease.tokens += toLease;
    if (amount > toLease) {
      const shared = await new TokenBucket(this.dataSource, key, this.quota).refund(amount - toLease);
      if (lease) lease.shared = shared;
      else return shared;
    }
    return Math.floor(Math.min(this.quota.requests, lease!.shared + lease!.tokens));
  }

  /** The most tokens a lease holds: a tenth of the bucket. */
  private get leaseCap(): number {
    return this.quota.requests / 10;
  }
}
