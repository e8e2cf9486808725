import type { Pool } from "pg";
import type { OutboxCommand } from "../connectors/connector.js";
import { PermanentDeliveryError, TransientDeliveryError } from "../connectors/errors.js";
import type { Router } from "../connectors/router.js";
import type { Logger } from "../logger.js";
import { nextDelayMs, type BackoffPolicy } from "./backoff.js";
import { markDelivered, markDelivering, markFailed, markRetrying, markWaiting, nextDeliverable, scheduleDelivery, type AggregateStream, type Blocker, type DeliverableRow } from "./outbox-store.js";
import type { FailureNotifier } from "./failure-notifier.js";
import { applyDeliveryToProjection, changesProjection, type Delivery } from "./projections.js";
import { relayDeliveries } from "./relay-metrics.js";

/** What {@link deliverStream} needs. */
export interface DeliveryDeps {
  pool: Pool;
  router: Router;
  backoff: BackoffPolicy;
  notify: FailureNotifier;
  logger: Logger;
}

/**
 * Delivers a stream's outbox rows to its connector, oldest first, one at a
 * time. Stops at the first row that cannot be delivered now (rescheduled with
 * backoff) or has `FAILED` (later rows wait until an operator retries it), so
 * commands for one aggregate are never applied out of order. It stops too at
 * a row that depends on another aggregate whose earlier rows have not reached
 * this connector yet: that row stays `PENDING`, its attempts unchanged, with a
 * note saying what it waits for, until the delivery (or failure) of the row
 * it waits for wakes the stream. The caller holds the stream's lock.
 */
export async function deliverStream(deps: DeliveryDeps, stream: AggregateStream): Promise<void> {
  const writer = deps.router.writerOf(stream.connector);
  for (;;) {
    const row = await nextDeliverable(deps.pool, stream);
    if (!row || row.status === "FAILED") return;
    if (row.blocker) {
      // A stream looked at again while it still waits for the same thing writes nothing.
      const note = waitingNote(row.blocker, stream.connector);
      if (note !== row.last_error) await markWaiting(deps.pool, row.id, note);
      deps.logger.debug({ outboxId: row.id, connector: stream.connector, waitsFor: row.blocker }, "delivery waits for another aggregate");
      return;
    }
    if (row.next_attempt_at.getTime() > Date.now()) {
      await scheduleDelivery(deps.pool, stream, row.next_attempt_at);
      return;
    }
    const attempts = row.attempts + 1;
    await markDelivering(deps.pool, row.id, attempts);
    let result: Awaited<ReturnType<typeof writer.apply>>;
    try {
      result = await writer.apply(outboxCommandOf(row, stream));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentDeliveryError;
      if (permanent || attempts >= deps.backoff.maxAttempts) {
        const reason = permanent ? message : `gave up after ${attempts} attempts: ${message}`;
        await markFailed(deps.pool, row.id, reason);
        relayDeliveries.inc({ connector: stream.connector, outcome: "failed" });
        await deps.notify({ outboxId: row.id, commandId: row.command_id, type: row.type, connector: stream.connector, aggregateType: stream.aggregateType, aggregateId: stream.aggregateId, attempts, error: reason, payload: row.payload });
        return;
      }
      const delay = nextDelayMs(deps.backoff, attempts, error instanceof TransientDeliveryError ? error.retryAfterMs : undefined);
      const next = new Date(Date.now() + delay);
      await markRetrying(deps.pool, row.id, message, next);
      await scheduleDelivery(deps.pool, stream, next);
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

/**
 * Marks an outbox row DELIVERED and stores what the backend returned on our
 * entity (the ERP's order number on the order) in one transaction: a crash or
 * an error between the two leaves neither, and the row is delivered again.
 */
async function recordDelivered(pool: Pool, outboxId: string, delivery: Delivery, details: unknown): Promise<void> {
  if (!changesProjection(delivery)) {
    await markDelivered(pool, outboxId, delivery.reference, details);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await markDelivered(client, outboxId, delivery.reference, details);
    await applyDeliveryToProjection(client, delivery);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * What a waiting delivery shows as its `lastError`: the aggregate and command
 * it waits for, and, when that command has `FAILED`, that an operator must retry it.
 */
export function waitingNote(blocker: Blocker, connector: string): string {
  const waits = `waiting for ${blocker.aggregate_type} ${blocker.aggregate_id} to reach ${connector} first`;
  return blocker.status === "FAILED"
    ? `${waits}: its command ${blocker.command_id} FAILED there; retry it (commandRetry) to go on`
    : `${waits} (command ${blocker.command_id})`;
}

/** The command a connector applies, from its outbox row. */
function outboxCommandOf(row: DeliverableRow, stream: AggregateStream): OutboxCommand {
  const { id, command_id: _commandId, status: _status, attempts: _attempts, next_attempt_at: _nextAttemptAt, last_error: _lastError, previous_reference: previousReference, blocker: _blocker, ...typed } = row;
  return { ...typed, id, aggregateType: stream.aggregateType, aggregateId: stream.aggregateId, idempotencyKey: id, previousReference };
}
