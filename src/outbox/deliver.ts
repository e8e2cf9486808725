import { relayDeliveries } from "./relay-metrics.js";
import type { Pool } from "pg";
import { PermanentDeliveryError, TransientDeliveryError } from "../connectors/connector.js";
import type { Router } from "../connectors/router.js";
import type { Logger } from "../logger.js";
import { nextDelayMs, type BackoffPolicy } from "./backoff.js";
import { SCHEDULE_SQL, scheduleParams, type AggregateStream } from "./enqueue.js";
import type { FailureNotifier } from "./failure-notifier.js";
import { applyDeliveryToProjection, changesProjection, type Delivery } from "./projections.js";

/** What {@link deliverStream} needs. */
export interface DeliveryDeps {
  pool: Pool;
  router: Router;
  backoff: BackoffPolicy;
  notify: FailureNotifier;
  logger: Logger;
}

interface OutboxRow {
  id: string;
  command_id: string;
  type: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  previous_reference: string | null;
}

/**
 * Delivers a stream's outbox rows to its connector, oldest first, one at a
 * time. Stops at the first row that cannot be delivered now (rescheduled with
 * backoff) or has `FAILED` (later rows wait until an operator retries it), so
 * commands for one aggregate are never applied out of order. The caller holds
 * the stream's lock.
 */
export async function deliverStream(deps: DeliveryDeps, stream: AggregateStream): Promise<void> {
  const writer = deps.router.writerOf(stream.connector);
  for (;;) {
    const { rows } = await deps.pool.query<OutboxRow>(
      `SELECT o.id, o.command_id, o.type, o.payload, o.status, o.attempts, o.next_attempt_at,
              (SELECT p.reference FROM outbox p
               WHERE p.connector = o.connector AND p.aggregatetype = o.aggregatetype AND p.aggregateid = o.aggregateid
                 AND p.status = 'DELIVERED' AND p.reference IS NOT NULL
               ORDER BY p.sequence DESC LIMIT 1) AS previous_reference
       FROM outbox o
       WHERE o.connector = $1 AND o.aggregatetype = $2 AND o.aggregateid = $3 AND o.status <> 'DELIVERED'
       ORDER BY o.sequence LIMIT 1`,
      [stream.connector, stream.aggregateType, stream.aggregateId],
    );
    const row = rows[0];
    if (!row || row.status === "FAILED") return;
    if (row.next_attempt_at.getTime() > Date.now()) {
      await deps.pool.query(SCHEDULE_SQL, scheduleParams(stream, row.next_attempt_at));
      return;
    }
    const attempts = row.attempts + 1;
    await deps.pool.query(`UPDATE outbox SET status = 'DELIVERING', attempts = $2, updated_at = clock_timestamp() WHERE id = $1`, [row.id, attempts]);
    let result: Awaited<ReturnType<typeof writer.apply>>;
    try {
      result = await writer.apply({ id: row.id, type: row.type, aggregateType: stream.aggregateType, aggregateId: stream.aggregateId, payload: row.payload, idempotencyKey: row.id, previousReference: row.previous_reference });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentDeliveryError;
      if (permanent || attempts >= deps.backoff.maxAttempts) {
        const reason = permanent ? message : `gave up after ${attempts} attempts: ${message}`;
        await deps.pool.query(`UPDATE outbox SET status = 'FAILED', last_error = $2, updated_at = clock_timestamp() WHERE id = $1`, [row.id, reason]);
        relayDeliveries.inc({ connector: stream.connector, outcome: "failed" });
        await deps.notify({ outboxId: row.id, commandId: row.command_id, type: row.type, connector: stream.connector, aggregateType: stream.aggregateType, aggregateId: stream.aggregateId, attempts, error: reason, payload: row.payload });
        return;
      }
      const delay = nextDelayMs(deps.backoff, attempts, error instanceof TransientDeliveryError ? error.retryAfterMs : undefined);
      const next = new Date(Date.now() + delay);
      await deps.pool.query(`UPDATE outbox SET status = 'RETRYING', last_error = $2, next_attempt_at = $3, updated_at = clock_timestamp() WHERE id = $1`, [row.id, message, next]);
      await deps.pool.query(SCHEDULE_SQL, scheduleParams(stream, next));
      relayDeliveries.inc({ connector: stream.connector, outcome: "retrying" });
      deps.logger.warn({ outboxId: row.id, connector: stream.connector, attempts, retryInMs: delay, err: message }, "delivery failed; will retry");
      return;
    }
    // The backend has applied it. A database error from here on fails the job, which graphile-worker retries:
    // the row is still DELIVERING and is applied again under the same idempotency key, never counted as a failed delivery.
    await recordDelivered(deps.pool, row.id, { connector: stream.connector, type: row.type, aggregateId: stream.aggregateId, reference: result.reference ?? null }, result.details);
    relayDeliveries.inc({ connector: stream.connector, outcome: "delivered" });
  }
}

/** Marks a delivered outbox row: `$1` its id, `$2` the backend's reference, `$3` the details it returned. */
const MARK_DELIVERED_SQL = `UPDATE outbox SET status = 'DELIVERED', delivered_at = clock_timestamp(), reference = $2, result = $3, last_error = NULL, updated_at = clock_timestamp() WHERE id = $1`;

/**
 * Marks an outbox row DELIVERED and stores what the backend returned on our
 * entity (the ERP's order number on the order) in one transaction: a crash or
 * an error between the two leaves neither, and the row is delivered again.
 */
async function recordDelivered(pool: Pool, outboxId: string, delivery: Delivery, details: unknown): Promise<void> {
  const params = [outboxId, delivery.reference, JSON.stringify(details ?? {})];
  if (!changesProjection(delivery)) {
    await pool.query(MARK_DELIVERED_SQL, params);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(MARK_DELIVERED_SQL, params);
    await applyDeliveryToProjection(client, delivery);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
