import type { EntityManager } from "typeorm";
import { queryCount, queryRow, type Queryable } from "../db/query-rows.js";

// Statements on `idempotency_record` (its entity: `IdempotencyRecordEntity`), and the advisory lock of one key.

/** What a mutation answered to one (principal, key), as stored for replays. */
export interface StoredAnswer<Response extends object> {
  operation: string;
  requestHash: string;
  response: Response;
}

/**
 * Takes the transaction-level advisory lock of one (principal, key), without
 * waiting: false when another transaction holds it (the same key still being processed).
 */
export async function tryLockKey(manager: EntityManager, principal: string, key: string): Promise<boolean> {
  const row = await queryRow<{ locked: boolean }>(manager, `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [`${principal}\n${key}`]);
  return row?.locked === true;
}

/**
 * The unexpired answer stored for (principal, key), if any. Hand-written: it runs
 * for every mutation, and TypeORM's `findOne` builds the same primary-key lookup
 * at a CPU cost (tens of µs) that the write path should not pay.
 */
export async function findLiveAnswer<Response extends object>(manager: EntityManager, principal: string, key: string): Promise<StoredAnswer<Response> | null> {
  const row = await queryRow<{ operation: string; request_hash: string; response: Response }>(
    manager,
    `SELECT operation, request_hash, response FROM idempotency_record WHERE principal = $1 AND key = $2 AND expires_at > now()`,
    [principal, key],
  );
  return row ? { operation: row.operation, requestHash: row.request_hash, response: row.response } : null;
}

/**
 * Stores the answer for (principal, key) for `ttlHours`, replacing an expired
 * one. Hand-written: an upsert whose expiry is computed by the database
 * (`now() + make_interval`), clearer as SQL than as a query builder chain.
 */
export async function saveAnswer(manager: EntityManager, principal: string, key: string, answer: StoredAnswer<object>, ttlHours: number): Promise<void> {
  await queryCount(
    manager,
    `INSERT INTO idempotency_record (principal, key, operation, request_hash, response, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))
     ON CONFLICT (principal, key) DO UPDATE SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash,
       response = EXCLUDED.response, created_at = now(), expires_at = EXCLUDED.expires_at`,
    [principal, key, answer.operation, answer.requestHash, JSON.stringify(answer.response), ttlHours],
  );
}

/**
 * Forgets expired answers; returns how many. Hand-written: one bulk `DELETE` on
 * the expiry index, run on the relay's pg pool (no TypeORM there).
 */
export async function purgeExpiredIdempotencyRecords(db: Queryable): Promise<number> {
  return queryCount(db, `DELETE FROM idempotency_record WHERE expires_at < now()`);
}
