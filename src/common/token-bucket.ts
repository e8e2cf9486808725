import type { DataSource } from "typeorm";
import { queryCount, queryRow, type Queryable } from "../db/query-rows.js";

/** A request quota: `requests` per `perSeconds`, refilled continuously. */
export interface Quota {
  requests: number;
  perSeconds: number;
}

/** What taking from a bucket gave. */
export interface Take {
  allowed: boolean;
  /** How long until the tokens asked for are there (0 when allowed). */
  retryAfterMs: number;
  /** Tokens left in the bucket now. */
  available: number;
}

/**
 * A token bucket kept in PostgreSQL, so that every process (API replicas,
 * relays) shares one quota. One statement takes `cost` tokens when they are
 * there, atomically under the row's lock; the bucket refills at
 * `requests / perSeconds` per second up to `requests`.
 */
export class TokenBucket {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: string,
    private readonly quota: Quota,
  ) {}

  async take(cost = 1): Promise<Take> {
    const capacity = this.quota.requests;
    const perSecond = this.quota.requests / this.quota.perSeconds;
    const row = await queryRow<{ allowed: boolean; tokens: number }>(
      this.dataSource,
      `WITH clock AS (SELECT clock_timestamp() AS t)
       INSERT INTO rate_limit_bucket AS b (key, tokens, allowed, updated_at)
       SELECT $1, $2::float8 - $3::float8, $2::float8 >= $3::float8, t FROM clock
       ON CONFLICT (key) DO UPDATE SET
         allowed = least($2::float8, b.tokens + extract(epoch FROM EXCLUDED.updated_at - b.updated_at) * $4::float8) >= $3::float8,
         tokens = least($2::float8, b.tokens + extract(epoch FROM EXCLUDED.updated_at - b.updated_at) * $4::float8)
                  - CASE WHEN least($2::float8, b.tokens + extract(epoch FROM EXCLUDED.updated_at - b.updated_at) * $4::float8) >= $3::float8 THEN $3::float8 ELSE 0 END,
         updated_at = EXCLUDED.updated_at
       RETURNING allowed, tokens`,
      [this.key, capacity, cost, perSecond],
    );
    const { allowed, tokens } = row!;
    return { allowed, retryAfterMs: allowed ? 0 : Math.ceil(((cost - tokens) / perSecond) * 1000), available: Math.max(0, Math.floor(tokens)) };
  }

  /** Gives back tokens taken for more than was used (never above the quota); returns the tokens left. */
  async refund(amount: number): Promise<number> {
    const row = await queryRow<{ tokens: number }>(this.dataSource, `UPDATE rate_limit_bucket SET tokens = least($2::float8, tokens + $3::float8) WHERE key = $1 RETURNING tokens`, [
      this.key,
      this.quota.requests,
      amount,
    ]);
    return Math.max(0, Math.floor(row?.tokens ?? 0));
  }

  /**
   * Waits for a token, at most `maxWaitMs`; when the quota would make it wait
   * longer, returns how long instead (the caller fails now rather than late).
   */
  async acquire(maxWaitMs: number): Promise<Take> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const take = await this.take();
      if (take.allowed || Date.now() + take.retryAfterMs > deadline) return take;
      await new Promise((resolve) => setTimeout(resolve, take.retryAfterMs));
    }
  }
}

/** Forgets buckets idle for a day (full again long since); returns how many. Run hourly by the relay (see `scheduled-tasks.ts`). */
export function purgeIdleBuckets(db: Queryable): Promise<number> {
  return queryCount(db, `DELETE FROM rate_limit_bucket WHERE updated_at < now() - interval '1 day'`);
}
