import { setTimeout as sleep } from "node:timers/promises";
import type { DataSource } from "typeorm";
import { TokenBucket, type Quota } from "../../../common/token-bucket.js";

/**
 * The share of a connector's request quota a sync leaves to live reads: a sync
 * takes a token only while more than this share of the bucket is left, and
 * otherwise waits for the bucket to refill. Reads take tokens down to zero.
 */
export const SYNC_QUOTA_HEADROOM = 0.2;

/**
 * The `takeTurn` of a sync run: takes one token of the connector's quota (the
 * bucket `connector:<name>` its reads use, so reads and syncs share one budget),
 * leaving {@link SYNC_QUOTA_HEADROOM} of it to reads; waits while there is not
 * enough, and stops waiting (throwing the signal's reason) when `signal` aborts.
 * Without a quota, a turn is only a check of `signal`.
 */
export function quotaTurns(dataSource: DataSource, connector: string, quota: Quota | undefined, signal: AbortSignal): () => Promise<void> {
  if (!quota) return async () => signal.throwIfAborted();
  const bucket = new TokenBucket(dataSource, `connector:${connector}`, quota);
  const reserve = Math.floor(quota.requests * SYNC_QUOTA_HEADROOM);
  const msPerToken = (quota.perSeconds * 1000) / quota.requests;
  return async () => {
    for (;;) {
      signal.throwIfAborted();
      const take = await bucket.take();
      if (take.allowed && take.available >= reserve) return;
      // Too little left for reads: give the token back and wait until the bucket holds more than the reserve.
      if (take.allowed) await bucket.refund(1);
      const waitMs = take.allowed ? Math.ceil((reserve - take.available) * msPerToken) : take.retryAfterMs + Math.ceil(reserve * msPerToken);
      await sleep(Math.max(waitMs, 10), undefined, { signal });
    }
  };
}
