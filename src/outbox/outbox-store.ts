import type { EntityManager } from "typeorm";
import type { TypedCommand } from "../commands/command-payloads.js";
import { CREATING_COMMANDS, type AggregateType, type CommandType } from "../commands/command-types.js";
import { OutboxEntity, type OutboxStatus } from "../db/entities/index.js";
import { queryCount, queryRow, queryRows, type Queryable } from "../db/query-rows.js";

/*
 * Every statement on the `command` and `outbox` tables, and the delivery jobs
 * that go with them. The tables are TypeORM entities (`src/db/entities/`);
 * statements on the write and delivery paths stay hand-written SQL, each saying why.
 */

/** Name of the graphile-worker task that delivers an aggregate's outbox rows. */
export const DELIVER_TASK = "deliver_outbox";

/** Identifies the stream of outbox rows the relay delivers in order. */
export interface AggregateStream {
  connector: string;
  aggregateType: string;
  aggregateId: string;
}

/** The graphile-worker job key of a stream: at most one waiting job per stream. */
export function jobKeyOf(stream: AggregateStream): string {
  return `deliver:${stream.connector}:${stream.aggregateType}:${stream.aggregateId}`;
}

/** A command to record: one row of `command`, whatever its targets. */
export interface NewCommandRow {
  type: CommandType;
  aggregateType: AggregateType;
  aggregateId: string;
  payload: object;
  idempotencyKey: string;
  principal: string;
  /** The connector the change came from, if it came in from one. */
  origin?: string;
  /** Aggregates (`Account:<id>`, see {@link aggregateKey}) whose earlier commands must reach the same connector first. */
  dependsOn?: readonly string[];
}

/** How `outbox.depends_on` names an aggregate: `<Type>:<id>` (`Account:3f2c…`). */
export function aggregateKey(aggregateType: string, aggregateId: string): string {
  return `${aggregateType}:${aggregateId}`;
}

// The two inserts of enqueueCommand are hand-written: they run for every mutation, and building them with
// TypeORM's query builder cost about 90 µs of CPU per statement on a 2-core machine, for the same SQL.

/** Inserts a command row and returns its id. */
export async function insertCommand(manager: EntityManager, command: NewCommandRow): Promise<string> {
  const row = await queryRow<{ id: string }>(
    manager,
    `INSERT INTO command (type, aggregate_type, aggregate_id, payload, idempotency_key, principal, origin) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [command.type, command.aggregateType, command.aggregateId, JSON.stringify(command.payload), command.idempotencyKey, command.principal, command.origin ?? null],
  );
  return row!.id;
}

/** Inserts the outbox row of a command for one target connector. */
export async function insertOutboxRow(manager: EntityManager, commandId: string, command: NewCommandRow, connector: string): Promise<void> {
  await queryCount(
    manager,
    `INSERT INTO outbox (aggregatetype, aggregateid, type, payload, command_id, connector, depends_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [command.aggregateType, command.aggregateId, command.type, JSON.stringify(command.payload), commandId, connector, command.dependsOn ?? []],
  );
}

/**
 * Schedules delivery of a stream at `runAt` (now by default), in `db`'s
 * transaction. Hand-written: a call of graphile-worker's `add_job`, whose job
 * key keeps at most one waiting job per stream (`preserve_run_at`: the earlier time wins).
 */
export async function scheduleDelivery(db: Queryable, stream: AggregateStream, runAt: Date = new Date()): Promise<void> {
  await queryRows(
    db,
    `SELECT graphile_worker.add_job($1, json_build_object('connector', $2::text, 'aggregateType', $3::text, 'aggregateId', $4::text),
       run_at := $5::timestamptz, job_key := $6, job_key_mode := 'preserve_run_at', max_attempts := 1000)`,
    [DELIVER_TASK, stream.connector, stream.aggregateType, stream.aggregateId, runAt, jobKeyOf(stream)],
  );
}

/**
 * SQL that ends an outcome update (`WITH done AS (UPDATE outbox … RETURNING
 * connector, aggregatetype, aggregateid, sequence) <this>`): schedules, now,
 * the streams of the same connector whose rows wait for that aggregate (a
 * `PENDING` row with a later `sequence` naming it in `depends_on`), and
 * returns how many it woke. `replace`, not `preserve_run_at`: a waiting
 * stream's job may be due later, and it is due now. The job key matches
 * {@link jobKeyOf}. It reads the `PENDING` rows naming the aggregate through
 * the partial GIN index on `depends_on` (migration 1700000000015), never the delivered history.
 */
const WAKE_DEPENDENTS = `
  SELECT count(graphile_worker.add_job('${DELIVER_TASK}',
           json_build_object('connector', w.connector, 'aggregateType', w.aggregatetype, 'aggregateId', w.aggregateid),
           job_key := 'deliver:' || w.connector || ':' || w.aggregatetype || ':' || w.aggregateid, job_key_mode := 'replace', max_attempts := 1000))::int AS woken
  FROM (SELECT DISTINCT w.connector, w.aggregatetype, w.aggregateid
        FROM done d JOIN outbox w ON w.status = 'PENDING' AND w.connector = d.connector AND w.sequence > d.sequence
          AND w.depends_on @> ARRAY[d.aggregatetype || ':' || d.aggregateid]) w`;

/** An earlier row of another aggregate that a row waits for (see `depends_on`). */
export interface Blocker {
  aggregate_type: string;
  aggregate_id: string;
  command_id: string;
  status: OutboxStatus;
}

/**
 * The oldest outbox row of a stream not yet delivered, as the relay reads it:
 * its type and payload as {@link TypedCommand} (enqueueCommand wrote them together, typed so).
 */
export type DeliverableRow = TypedCommand & {
  id: string;
  command_id: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  /** The last attempt's error, or the note saying what the row waits for. */
  last_error: string | null;
  /** The reference the same connector returned for the stream's latest delivered command. */
  previous_reference: string | null;
  /**
   * The oldest row for the same connector, earlier than this one, of an
   * aggregate this row depends on, not yet delivered: this row waits for it. Null when none.
   */
  blocker: Blocker | null;
};

/**
 * The next row of a stream to deliver (its oldest not `DELIVERED`), or none,
 * and whether it must wait for another aggregate: for a command that creates
 * an aggregate in its `depends_on` (`CREATING_COMMANDS`), enqueued earlier for
 * the same connector and not yet delivered. Hand-written: one statement
 * with the previous delivery's reference and the blocker as subqueries, each
 * on the `(connector, aggregatetype, aggregateid, sequence)` index (one probe
 * per aggregate in `depends_on`). The caller holds the stream's advisory lock,
 * so no row lock is needed.
 */
export async function nextDeliverable(db: Queryable, stream: AggregateStream): Promise<DeliverableRow | undefined> {
  return queryRow<DeliverableRow>(
    db,
    `SELECT o.id, o.command_id, o.type, o.payload, o.status, o.attempts, o.next_attempt_at, o.last_error,
            (SELECT p.reference FROM outbox p
             WHERE p.connector = o.connector AND p.aggregatetype = o.aggregatetype AND p.aggregateid = o.aggregateid
               AND p.status = 'DELIVERED' AND p.reference IS NOT NULL
             ORDER BY p.sequence DESC LIMIT 1) AS previous_reference,
            (SELECT json_build_object('aggregate_type', b.aggregatetype, 'aggregate_id', b.aggregateid, 'command_id', b.command_id, 'status', b.status)
             FROM unnest(o.depends_on) AS d(aggregate)
             JOIN outbox b ON b.connector = o.connector AND b.aggregatetype = split_part(d.aggregate, ':', 1)
               AND b.aggregateid = substr(d.aggregate, strpos(d.aggregate, ':') + 1)
             WHERE b.sequence < o.sequence AND b.status <> 'DELIVERED' AND b.type = ANY($4::text[])
             ORDER BY b.sequence LIMIT 1) AS blocker
     FROM outbox o
     WHERE o.connector = $1 AND o.aggregatetype = $2 AND o.aggregateid = $3 AND o.status <> 'DELIVERED'
     ORDER BY o.sequence LIMIT 1`,
    [stream.connector, stream.aggregateType, stream.aggregateId, CREATING_COMMANDS],
  );
}

/** Notes on a row why it waits (`last_error`; its status stays `PENDING` and its attempts unchanged). */
export async function markWaiting(db: Queryable, outboxId: string, note: string): Promise<void> {
  await queryCount(db, `UPDATE outbox SET last_error = $2, updated_at = clock_timestamp() WHERE id = $1`, [outboxId, note]);
}

// The outcome updates below are hand-written: each stamps `clock_timestamp()` (the moment, not the transaction's start)
// and touches only the columns of its outcome, by primary key, in one statement.

/** Marks a row as being delivered, its `attempts`-th attempt (a note that it was waiting goes; a previous attempt's error stays). */
export async function markDelivering(db: Queryable, outboxId: string, attempts: number): Promise<void> {
  await queryCount(
    db,
    `UPDATE outbox SET status = 'DELIVERING', attempts = $2, last_error = CASE WHEN status = 'PENDING' THEN NULL ELSE last_error END, updated_at = clock_timestamp() WHERE id = $1`,
    [outboxId, attempts],
  );
}

/**
 * Marks a row `FAILED` (an operator may retry it): later rows of its stream
 * wait, and so do rows of other streams that depend on its aggregate; those
 * are woken so that they say so. Returns how many streams it woke.
 */
export async function markFailed(db: Queryable, outboxId: string, reason: string): Promise<number> {
  const row = await queryRow<{ woken: number }>(
    db,
    `WITH done AS (UPDATE outbox SET status = 'FAILED', last_error = $2, updated_at = clock_timestamp() WHERE id = $1
                   RETURNING connector, aggregatetype, aggregateid, sequence) ${WAKE_DEPENDENTS}`,
    [outboxId, reason],
  );
  return row?.woken ?? 0;
}

/** Marks a row `RETRYING` at `next`, with the error of the failed attempt. */
export async function markRetrying(db: Queryable, outboxId: string, error: string, next: Date): Promise<void> {
  await queryCount(db, `UPDATE outbox SET status = 'RETRYING', last_error = $2, next_attempt_at = $3, updated_at = clock_timestamp() WHERE id = $1`, [outboxId, error, next]);
}

/**
 * Marks a row `DELIVERED` with the backend's reference and the details it
 * returned, and in the same statement wakes the streams of that connector
 * whose rows wait for its aggregate. Returns how many streams it woke.
 */
export async function markDelivered(db: Queryable, outboxId: string, reference: string | null, details: unknown): Promise<number> {
  const row = await queryRow<{ woken: number }>(
    db,
    `WITH done AS (UPDATE outbox SET status = 'DELIVERED', delivered_at = clock_timestamp(), reference = $2, result = $3, last_error = NULL, updated_at = clock_timestamp()
                   WHERE id = $1 RETURNING connector, aggregatetype, aggregateid, sequence) ${WAKE_DEPENDENTS}`,
    [outboxId, reference, JSON.stringify(details ?? {})],
  );
  return row?.woken ?? 0;
}

/**
 * Sets a command's `FAILED` deliveries back to `PENDING`, due now, with a fresh
 * count of attempts, and returns their streams (none when nothing had failed).
 * One `UPDATE … RETURNING` over every target of the command, built from the
 * outbox entity (an operator's retry: not a hot path).
 */
export async function resetFailedDeliveries(manager: EntityManager, commandId: string): Promise<AggregateStream[]> {
  const result = await manager
    .createQueryBuilder()
    .update(OutboxEntity)
    .set({ status: "PENDING", attempts: 0, lastError: null, nextAttemptAt: () => "clock_timestamp()", updatedAt: () => "clock_timestamp()" })
    .where("command_id = :commandId AND status = 'FAILED'", { commandId })
    // As SQL text: a list of names is read as entity properties, and the ones that are not (aggregatetype) would be dropped.
    .returning("connector, aggregatetype, aggregateid")
    .updateEntity(false)
    .execute();
  // `raw` holds the rows of the RETURNING list.
  const rows: Array<{ connector: string; aggregatetype: string; aggregateid: string }> = result.raw;
  return rows.map(streamOf);
}

/**
 * Streams with rows still on their way that nobody has touched for `staleMs`:
 * their job was lost with a crashed worker. Hand-written: `DISTINCT` over the
 * status index, no entity to load.
 */
export async function staleStreams(db: Queryable, staleMs: number): Promise<AggregateStream[]> {
  const rows = await queryRows<{ connector: string; aggregatetype: string; aggregateid: string }>(
    db,
    `SELECT DISTINCT connector, aggregatetype, aggregateid FROM outbox
     WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING')
       AND next_attempt_at <= clock_timestamp() - make_interval(secs => $1::float / 1000)
       AND updated_at <= clock_timestamp() - make_interval(secs => $1::float / 1000)`,
    [staleMs],
  );
  return rows.map(streamOf);
}

function streamOf(row: { connector: string; aggregatetype: string; aggregateid: string }): AggregateStream {
  return { connector: row.connector, aggregateType: row.aggregatetype, aggregateId: row.aggregateid };
}

/** One connector's deliveries as the outbox shows them. */
export interface DeliveryStats {
  connector: string;
  /** Pending or being delivered. */
  pending: number;
  retrying: number;
  failed: number;
  /** When the oldest command still on its way was created. */
  oldest: Date | null;
  /** The latest successful delivery. */
  last_success: Date | null;
  last_error_at: Date | null;
  last_error: string | null;
}

/**
 * Each named connector's backlog, latest delivery and latest delivery error, in
 * one statement whose cost does not grow with the delivered history: it counts
 * only rows not yet delivered (the status index), and reads the latest success
 * and the latest error with one `LIMIT 1` each per connector (partial indexes of
 * migration 1700000000013; a delivery clears its row's `last_error`; a `PENDING`
 * row's note says what it waits for, which is no error).
 * Hand-written: aggregates and lateral joins, no entity to load.
 */
export async function readDeliveryStats(db: Queryable, connectors: string[]): Promise<Map<string, DeliveryStats>> {
  const rows = await queryRows<DeliveryStats>(
    db,
    `WITH open AS (
       SELECT connector,
              count(*) FILTER (WHERE status IN ('PENDING', 'DELIVERING'))::int AS pending,
              count(*) FILTER (WHERE status = 'RETRYING')::int AS retrying,
              count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
              min(created_at) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING')) AS oldest
       FROM outbox WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING', 'FAILED') GROUP BY connector)
     SELECT c.name AS connector, coalesce(o.pending, 0) AS pending, coalesce(o.retrying, 0) AS retrying, coalesce(o.failed, 0) AS failed, o.oldest,
            s.delivered_at AS last_success, e.updated_at AS last_error_at, e.last_error
     FROM unnest($1::text[]) AS c(name)
     LEFT JOIN open o ON o.connector = c.name
     LEFT JOIN LATERAL (SELECT delivered_at FROM outbox WHERE connector = c.name AND delivered_at IS NOT NULL ORDER BY delivered_at DESC LIMIT 1) s ON true
     LEFT JOIN LATERAL (SELECT updated_at, last_error FROM outbox WHERE connector = c.name AND last_error IS NOT NULL AND status <> 'PENDING' ORDER BY updated_at DESC LIMIT 1) e ON true`,
    [connectors],
  );
  return new Map(rows.map((row) => [row.connector, row]));
}

/** A connector's backlog as the metrics show it. */
export interface OutboxBacklog {
  connector: string;
  /** Pending, being delivered or retrying. */
  pending: number;
  failed: number;
  /** Age of the oldest command still on its way, in seconds (0 when none). */
  oldest: number;
}

/** The backlog of every connector with rows not yet delivered. Hand-written: one aggregate over the status index. */
export async function readOutboxBacklog(db: Queryable): Promise<OutboxBacklog[]> {
  return queryRows<OutboxBacklog>(
    db,
    `SELECT connector, count(*) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING'))::int AS pending,
            count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING'))), 0)::float8 AS oldest
     FROM outbox WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING', 'FAILED') GROUP BY connector`,
  );
}

/** A command row with its deliveries, as {@link COMMAND_SELECT} reads it. */
export type CommandWithDeliveriesRow = {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  principal: string;
  created_at: Date;
  /** One per target connector, by connector name; null when the command had no target. */
  deliveries: Array<{
    connector: string;
    status: OutboxStatus;
    attempts: number;
    lastError: string | null;
    /** JSON text of a timestamp, only while `RETRYING`. */
    nextAttemptAt: string | null;
    deliveredAt: string | null;
    reference: string | null;
  }> | null;
};

/**
 * The command columns and its deliveries as one JSON list, for `SELECT … FROM command c`
 * (the command loader and the commands page). Hand-written: one statement per
 * batch or page however many targets a command has.
 */
export const COMMAND_SELECT = `c.id, c.type, c.aggregate_type, c.aggregate_id, c.principal, c.created_at,
  (SELECT json_agg(json_build_object('connector', o.connector, 'status', o.status, 'attempts', o.attempts, 'lastError', o.last_error,
     'nextAttemptAt', CASE WHEN o.status = 'RETRYING' THEN o.next_attempt_at END, 'deliveredAt', o.delivered_at, 'reference', o.reference) ORDER BY o.connector)
   FROM outbox o WHERE o.command_id = c.id) AS deliveries`;

/** Commands by id (uuids only), with their deliveries, in one statement. */
export async function commandsByIds(db: Queryable, ids: readonly string[]): Promise<CommandWithDeliveriesRow[]> {
  return queryRows<CommandWithDeliveriesRow>(db, `SELECT ${COMMAND_SELECT} FROM command c WHERE c.id = ANY($1::uuid[])`, [ids]);
}
