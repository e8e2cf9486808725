import { EntityManager, type DataSource } from "typeorm";
import { aggregateKeyOf, InboundChangeSchema, MAX_CHANGES_PER_BATCH, MAX_OCCURRED_AHEAD_MS, type InboundChange } from "../../commands/inbound-changes.js";
import type { Router } from "../../connectors/router.js";
import { queryRow, queryRows, type Queryable } from "../../db/query-rows.js";
import type { Logger } from "../../logger.js";
import { INBOUND_RETRY_TASK, scheduleInboundRetry } from "../../outbox/projections.js";
import type { ScheduledTask } from "../../outbox/scheduled-task.js";
import { applyChange, refsOf, staleNote } from "./apply-change.js";
import type { ChangeOutcome } from "./change-outcome.js";
import * as inboundEvents from "./tables/inbound-events.js";

/*
 * The inbound path: changes a backend reported (pushed or pulled) are stored
 * once by event id, then applied one transaction each, per aggregate in the
 * order they happened, parked while what they refer to is missing, and never
 * sent back to the connector they came from.
 */

/** The relay task that applies one connector's waiting changes (payload `{ connector }`). */
export const APPLY_INBOUND_TASK = "apply_inbound_changes";

/** How long a change may stay parked before it is rejected ("gave up after 7 days"), counted from its arrival. */
const GIVE_UP_MS = 7 * 24 * 60 * 60 * 1000;

/** Most waiting changes one pass of {@link applyWaitingChanges} reads at once (it reads again until none is left). */
const BATCH = 500;

/** How long settled changes are kept (the latest applied one of each record stays): 30 days. */
export const KEEP_SETTLED_CHANGES_DAYS = 30;

/**
 * Forgets applied and rejected changes older than {@link KEEP_SETTLED_CHANGES_DAYS}
 * (keeping each record's latest applied one), 10,000 at a time, and returns how
 * many went; the relay's hourly purge runs it.
 */
export async function purgeSettledChanges(dataSource: DataSource): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await inboundEvents.purgeSettled(dataSource, KEEP_SETTLED_CHANGES_DAYS, 10_000);
    purged += batch;
    if (batch < 10_000) return purged;
  }
}

/** What one {@link applyWaitingChanges} call did. */
export interface ApplyReport {
  /** Changes applied (stale ones not included). */
  applied: number;
  /** Changes that cannot be applied yet (tried again later). */
  parked: number;
  /** Changes that can never be applied. */
  rejected: number;
  /** Changes older than what the store has: applied as no-ops. */
  stale: number;
  /** True when nothing was done: another process was applying the connector's changes and the call did not wait. */
  busy?: boolean;
}

/**
 * Stores changes durably (inbound_event, ON CONFLICT (connector, event_id) DO NOTHING) and schedules their application, in one transaction.
 * A change dated more than an hour ahead of our clock is refused (RangeError naming it), with the whole batch.
 */
export async function ingestChanges(db: DataSource | EntityManager, connector: string, changes: readonly InboundChange[]): Promise<{ accepted: number; duplicates: number }> {
  if (changes.length > MAX_CHANGES_PER_BATCH) throw new RangeError(`at most ${MAX_CHANGES_PER_BATCH} changes per batch, got ${changes.length}: split the batch`);
  const latest = Date.now() + MAX_OCCURRED_AHEAD_MS;
  const ahead = changes.find((change) => change.occurredAt.getTime() > latest);
  if (ahead) throw new RangeError(`change ${ahead.id}: occurredAt ${ahead.occurredAt.toISOString()} is more than one hour ahead of our clock: fix the backend's clock or the change's time`);
  const rows = changes.map((change) => ({ eventId: change.id, type: change.type, aggregateKey: aggregateKeyOf(change), occurredAt: change.occurredAt, payload: change, refs: refsOf(change) }));
  const store = async (tx: EntityManager) => {
    const accepted = await inboundEvents.insertMany(tx, connector, rows);
    if (accepted > 0) await scheduleApply(tx, connector);
    return { accepted, duplicates: changes.length - accepted };
  };
  // The caller's transaction when it has one (stored with whatever else it writes), else one of its own.
  if (db instanceof EntityManager && db.queryRunner?.isTransactionActive) return store(db);
  return db.transaction(store);
}

/**
 * Asks the relay to apply a connector's received changes, `delaySeconds` from
 * now: one waiting job per connector (job key), run one at a time (its own
 * queue), so that pushes arriving while one applies never take more relay slots.
 */
async function scheduleApply(db: Queryable, connector: string, delaySeconds = 0): Promise<void> {
  await queryRows(
    db,
    `SELECT graphile_worker.add_job($1, json_build_object('connector', $2::text), queue_name := 'inbound:' || $2, run_at := now() + $3 * interval '1 second',
            job_key := 'apply_inbound:' || $2, job_key_mode := 'preserve_run_at')`,
    [APPLY_INBOUND_TASK, connector, delaySeconds],
  );
}

/** Dependencies of {@link applyWaitingChanges}. */
export interface ApplyDeps {
  dataSource: DataSource;
  router: Router;
  logger: Logger;
}

/** Which changes {@link applyWaitingChanges} applies, and whether it waits for another process applying the same connector. */
export interface ApplyOptions {
  /** These aggregates' waiting changes (a sync page's). */
  aggregateKeys?: string[];
  /** Else which aggregates (default: those with received changes, i.e. a push's). */
  select?: inboundEvents.WaitingSelection;
  /** False: when another process is applying the connector's changes, return at once (`busy`); default true: wait for it. */
  wait?: boolean;
}

/**
 * Applies a connector's waiting changes of the selected aggregates (received
 * ones, and parked ones of the same aggregates, which wait in front of them),
 * per aggregate in occurredAt order. A change parked for more than 7 days is
 * rejected ("gave up after 7 days: <reason>"). One process at a time per
 * connector (a session advisory lock): two relays never apply a change twice or out of order.
 */
export async function applyWaitingChanges(deps: ApplyDeps, connector: string, options: ApplyOptions = {}): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, parked: 0, rejected: 0, stale: 0 };
  const selection: inboundEvents.WaitingSelection = options.aggregateKeys ? { keys: options.aggregateKeys } : (options.select ?? { received: true });
  const runner = deps.dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `inbound-apply\n${connector}`;
  try {
    if (options.wait === false) {
      const lock = await queryRow<{ taken: boolean }>(runner.manager, `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken`, [lockKey]);
      if (!lock?.taken) return { ...report, busy: true };
    } else {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    }
    try {
      // Aggregates already blocked in this call (a change parked): their later changes wait behind it.
      const blocked = new Map<string, string>();
      // Where the next read resumes: after the last change read (by id; the table compares the positions).
      let after: string | null = null;
      for (;;) {
        const waiting = await inboundEvents.waiting(runner.manager, connector, selection, after, BATCH);
        for (const event of waiting) {
          after = event.id;
          const behind = blocked.get(event.aggregate_key);
          let outcome = behind !== undefined ? waitBehind(behind) : await applyOne(deps, runner.manager, connector, event);
          if (outcome === null) continue;
          if (outcome.status === "parked" && Date.now() - event.received_at.getTime() > GIVE_UP_MS) outcome = { status: "rejected", reason: `gave up after 7 days: ${outcome.reason}` };
          if (outcome.status === "parked" && behind === undefined) blocked.set(event.aggregate_key, event.event_id);
          if (outcome.status === "rejected" || outcome.status === "parked") {
            await inboundEvents.settle(runner.manager, event.id, outcome.status === "parked" ? "PARKED" : "REJECTED", outcome.reason);
          }
          report[outcome.status] += 1;
        }
        if (waiting.length < BATCH) break;
      }
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    }
  } finally {
    await runner.release();
  }
  if (report.applied + report.parked + report.rejected + report.stale > 0) deps.logger.info({ connector, ...report }, "applied inbound changes");
  return report;
}

/** A change behind an earlier one of its aggregate that is parked: it waits too. */
function waitBehind(eventId: string): ChangeOutcome {
  return { status: "parked", reason: `waits behind change ${eventId} of the same aggregate, which is parked` };
}

/**
 * Applies one change in a transaction of its own, marked APPLIED in it; a
 * change parked or rejected leaves nothing of its work behind (rolled back).
 * An unexpected error parks the change with its message (tried again later).
 * Null: another process had settled it already (nothing done here).
 */
async function applyOne(deps: ApplyDeps, manager: EntityManager, connector: string, event: inboundEvents.InboundEventRow): Promise<ChangeOutcome | null> {
  const parsed = InboundChangeSchema.safeParse(event.payload);
  if (!parsed.success) return { status: "rejected", reason: `the stored change is not a valid change: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  const change = parsed.data;
  try {
    return await manager.transaction(async (tx) => {
      const ctx = { tx, router: deps.router, connector, eventId: change.id, principal: `connector:${connector}`, idempotencyKey: `inbound:${connector}:${change.id}` };
      const outcome = await applyChange(ctx, change, event.aggregate_key);
      if (outcome.status === "parked" || outcome.status === "rejected") throw new Unapplied(outcome);
      // A stale change is applied as a no-op, visibly: why it changed nothing is its error text.
      const note = outcome.status === "stale" ? await staleNote(ctx, change, event.aggregate_key) : null;
      // Settled meanwhile by a process that did not hold the lock (it cannot happen under it): undo this work.
      if (!(await inboundEvents.settle(tx, event.id, "APPLIED", note))) throw new Unapplied(null);
      // It created a record: the parked changes that refer to it are tried at once.
      if (outcome.status === "applied" && outcome.created) await scheduleInboundRetry(tx, [event.aggregate_key]);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Unapplied) return error.outcome;
    deps.logger.warn({ err: error, connector, eventId: event.event_id, type: event.type }, "an inbound change failed; parked");
    return { status: "parked", reason: `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000) };
  }
}

/** Thrown to roll back a change that was parked or rejected. */
class Unapplied extends Error {
  constructor(readonly outcome: ChangeOutcome | null) {
    super("unapplied");
  }
}

/**
 * The relay tasks: `apply_inbound_changes` (payload `{ connector }`: its
 * received changes) and `retry_parked_inbound_changes` (each minute: the parked
 * changes due and received changes left waiting over a minute; with payload
 * `{ keys }`: the parked changes that refer to these records, at once).
 * Neither waits for another process applying the same connector: each tries again later.
 */
export function inboundTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return [
    {
      name: APPLY_INBOUND_TASK,
      run: async (logger, payload) => {
        const connector = (payload as { connector?: unknown } | null)?.connector;
        if (typeof connector !== "string") throw new Error(`${APPLY_INBOUND_TASK}: the job's payload names no connector`);
        const report = await applyWaitingChanges({ dataSource, router, logger }, connector, { wait: false });
        // Another process applies this connector's changes: look again in a second rather than hold a slot waiting.
        if (report.busy) await scheduleApply(dataSource, connector, 1);
      },
    },
    {
      name: INBOUND_RETRY_TASK,
      schedule: "* * * * *",
      run: async (logger, payload) => {
        const { keys, connector } = (payload ?? {}) as { keys?: unknown; connector?: unknown };
        if (Array.isArray(keys) && keys.every((k) => typeof k === "string")) {
          const connectors = typeof connector === "string" ? [connector] : await inboundEvents.connectorsWoken(dataSource, keys);
          for (const name of connectors) {
            const report = await applyWaitingChanges({ dataSource, router, logger }, name, { select: { woken: keys }, wait: false });
            if (report.busy) await scheduleInboundRetry(dataSource, keys, { connector: name, delaySeconds: 1 });
          }
          return;
        }
        // A connector busy now is tried at the next minute.
        for (const name of await inboundEvents.connectorsDue(dataSource)) {
          await applyWaitingChanges({ dataSource, router, logger }, name, { select: { due: true }, wait: false });
        }
      },
    },
  ];
}
