/**
 * The `inbound_event` table (every change a backend reported, by its event id):
 * every statement on it, each run in the caller's transaction (`tx`).
 */
import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** Where a change stands: waiting, applied, parked (tried again later) or rejected (never applied). */
export type InboundStatus = "RECEIVED" | "APPLIED" | "PARKED" | "REJECTED";

/** A change to store. */
export interface NewInboundEventRow {
  eventId: string;
  type: string;
  aggregateKey: string;
  occurredAt: Date;
  /** The change as the backend wrote it (JSON). */
  payload: object;
  /** The records it refers to, as aggregate keys (its own among them): a parked change is woken when one of them appears. */
  refs: readonly string[];
}

/** A stored change, as the apply loop and the admin list read it. */
export interface InboundEventRow {
  id: string;
  connector: string;
  event_id: string;
  type: string;
  aggregate_key: string;
  occurred_at: Date;
  payload: unknown;
  status: InboundStatus;
  attempts: number;
  error: string | null;
  received_at: Date;
  applied_at: Date | null;
  /** A parked change: when the each-minute retry tries it again. */
  next_attempt_at: Date | null;
}

/**
 * Stores changes of one connector in one statement, skipping event ids already
 * stored for it; returns how many were new.
 */
export async function insertMany(tx: Queryable, connector: string, events: readonly NewInboundEventRow[]): Promise<number> {
  if (events.length === 0) return 0;
  const inserted = await queryRows<{ id: string }>(
    tx,
    `INSERT INTO inbound_event (connector, event_id, type, aggregate_key, occurred_at, payload, refs)
       SELECT $1, e.event_id, e.type, e.aggregate_key, e.occurred_at, e.payload, ARRAY(SELECT jsonb_array_elements_text(e.refs))
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::jsonb[]) WITH ORDINALITY AS e(event_id, type, aggregate_key, occurred_at, payload, refs, n)
         ORDER BY e.n
       ON CONFLICT (connector, event_id) DO NOTHING RETURNING id`,
    [
      connector,
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.aggregateKey),
      events.map((e) => e.occurredAt),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => JSON.stringify(e.refs)),
    ],
  );
  return inserted.length;
}

/**
 * Which aggregates a pass applies (all their waiting changes, in order):
 * - `keys`: these aggregates (a sync page's);
 * - `received`: those with a received change (a push);
 * - `due`: those with a parked change due for another try, or a change received more than a minute ago and still waiting (its apply job died);
 * - `woken`: those with a parked change that refers to one of these records (it appeared).
 */
export type WaitingSelection = { keys: readonly string[] } | { received: true } | { due: true } | { woken: readonly string[] };

/** SQL condition on `aggregate_key` for a selection ($1 is the connector, $4 the selection's keys). */
function selectionSql(selection: WaitingSelection): string {
  if ("keys" in selection) return `aggregate_key = ANY($4::text[])`;
  const of = (where: string) => `aggregate_key IN (SELECT s.aggregate_key FROM inbound_event s WHERE s.connector = $1 AND (${where}))`;
  if ("received" in selection) return of(`s.status = 'RECEIVED'`);
  if ("due" in selection) return of(`(s.status = 'PARKED' AND s.next_attempt_at <= now()) OR (s.status = 'RECEIVED' AND s.received_at < now() - interval '1 minute')`);
  return of(`s.status = 'PARKED' AND s.refs && $4::text[]`);
}

/**
 * The waiting changes (received or parked) of a connector's selected
 * aggregates, per aggregate in the order they happened (then arrival), from
 * after the change with id `afterId` in that order; `limit` rows at most.
 */
export async function waiting(tx: Queryable, connector: string, selection: WaitingSelection, afterId: string | null, limit: number): Promise<InboundEventRow[]> {
  const keys = "keys" in selection ? selection.keys : "woken" in selection ? selection.woken : null;
  return queryRows<InboundEventRow>(
    tx,
    `SELECT * FROM inbound_event
      WHERE connector = $1 AND status IN ('RECEIVED', 'PARKED') AND ${selectionSql(selection)}
        AND ($2::bigint IS NULL OR (aggregate_key, occurred_at, id) > (SELECT p.aggregate_key, p.occurred_at, p.id FROM inbound_event p WHERE p.id = $2::bigint))
      ORDER BY aggregate_key, occurred_at, id LIMIT $3`,
    keys === null ? [connector, afterId, limit] : [connector, afterId, limit, keys],
  );
}

/** When the latest change of an aggregate the connector reported and that was applied happened; null when none was. */
export async function lastAppliedAt(tx: Queryable, connector: string, aggregateKey: string): Promise<Date | null> {
  const row = await queryRow<{ at: Date | null }>(
    tx,
    `SELECT max(occurred_at) AS at FROM inbound_event WHERE connector = $1 AND status = 'APPLIED' AND aggregate_key = $2`,
    [connector, aggregateKey],
  );
  return row?.at ?? null;
}

/**
 * Records the outcome of one try of a waiting change (one more attempt); false
 * when it was no longer waiting. A parked change is tried again after
 * min(1 minute × 2^attempts, 1 hour) by the each-minute retry.
 */
export async function settle(tx: Queryable, id: string, status: InboundStatus, error: string | null): Promise<boolean> {
  const count = await queryCount(
    tx,
    `UPDATE inbound_event SET status = $2, error = $3, attempts = attempts + 1, applied_at = CASE WHEN $2 = 'APPLIED' THEN clock_timestamp() END,
            next_attempt_at = CASE WHEN $2 = 'PARKED' THEN now() + least(interval '1 minute' * power(2, least(attempts, 10)), interval '1 hour') END
      WHERE id = $1 AND status IN ('RECEIVED', 'PARKED')`,
    [id, status, error],
  );
  return count > 0;
}

/** The connectors with changes due for the each-minute retry (see {@link WaitingSelection} `due`). */
export async function connectorsDue(tx: Queryable): Promise<string[]> {
  return (
    await queryRows<{ connector: string }>(
      tx,
      `SELECT DISTINCT connector FROM inbound_event
        WHERE (status = 'PARKED' AND next_attempt_at <= now()) OR (status = 'RECEIVED' AND received_at < now() - interval '1 minute') ORDER BY connector`,
    )
  ).map((r) => r.connector);
}

/** The connectors with parked changes that refer to one of these records. */
export async function connectorsWoken(tx: Queryable, refs: readonly string[]): Promise<string[]> {
  return (await queryRows<{ connector: string }>(tx, `SELECT DISTINCT connector FROM inbound_event WHERE status = 'PARKED' AND refs && $1::text[] ORDER BY connector`, [refs])).map(
    (r) => r.connector,
  );
}

/**
 * One page of a connector's changes, newest first (by id), after the change
 * with id `afterId`; `limit` rows at most.
 */
export async function page(tx: Queryable, connector: string, statuses: readonly InboundStatus[] | null, afterId: string | null, limit: number): Promise<InboundEventRow[]> {
  return queryRows<InboundEventRow>(
    tx,
    `SELECT * FROM inbound_event
      WHERE connector = $1 AND ($2::text[] IS NULL OR status = ANY($2::text[])) AND ($3::bigint IS NULL OR id < $3::bigint)
      ORDER BY id DESC LIMIT $4`,
    [connector, statuses, afterId, limit],
  );
}

/** A connector's changes counted by status, and when one was last applied. */
export interface InboundStatsRow {
  connector: string;
  received: number;
  waiting: number;
  applied: number;
  parked: number;
  rejected: number;
  last_applied_at: Date | null;
}

/** The statistics of some connectors, in one statement (connectors without changes get zeros). */
export async function statsOf(tx: Queryable, connectors: readonly string[]): Promise<InboundStatsRow[]> {
  return queryRows<InboundStatsRow>(
    tx,
    `SELECT c.connector,
            count(e.id)::int AS received,
            count(e.id) FILTER (WHERE e.status = 'RECEIVED')::int AS waiting,
            count(e.id) FILTER (WHERE e.status = 'APPLIED')::int AS applied,
            count(e.id) FILTER (WHERE e.status = 'PARKED')::int AS parked,
            count(e.id) FILTER (WHERE e.status = 'REJECTED')::int AS rejected,
            max(e.applied_at) AS last_applied_at
       FROM unnest($1::text[]) AS c(connector) LEFT JOIN inbound_event e ON e.connector = c.connector
      GROUP BY c.connector`,
    [connectors],
  );
}

/**
 * Forgets, at most `limit` at a time, settled changes (applied or rejected)
 * received more than `days` ago, except the latest applied change of each
 * aggregate: the mark a late, older report is judged stale by. A repeat of a
 * forgotten change is therefore still stale (or, for an order, judged by the
 * order's own history). Returns how many were forgotten.
 */
export async function purgeSettled(tx: Queryable, days: number, limit: number): Promise<number> {
  return queryCount(
    tx,
    `DELETE FROM inbound_event WHERE id IN (
       SELECT e.id FROM inbound_event e
       WHERE e.status IN ('APPLIED', 'REJECTED') AND e.received_at < now() - make_interval(days => $1)
         AND (e.status = 'REJECTED' OR EXISTS (
           SELECT 1 FROM inbound_event n
           WHERE n.connector = e.connector AND n.aggregate_key = e.aggregate_key AND n.status = 'APPLIED' AND (n.occurred_at, n.id) > (e.occurred_at, e.id)))
       LIMIT $2)`,
    [days, limit],
  );
}
