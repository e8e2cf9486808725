import { EntityManager, type DataSource } from "typeorm";
import { aggregateKeyOf, InboundChangeSchema, MAX_CHANGES_PER_BATCH, type InboundChange } from "../../commands/inbound-changes.js";
import type { Router } from "../../connectors/router.js";
import { queryRows } from "../../db/query-rows.js";
import type { Logger } from "../../logger.js";
import { INBOUND_RETRY_TASK, scheduleInboundRetry } from "../../outbox/projections.js";
import type { ScheduledTask } from "../../outbox/scheduled-task.js";
import { applyChange } from "./apply-change.js";
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

/** Most waiting changes one pass of {@link applyWaitingChanges} reads at once (it reads again until none is left). */
const BATCH = 500;

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
}

/** Stores changes durably (inbound_event, ON CONFLICT (connector, event_id) DO NOTHING) and schedules their application, in one transaction. */
export async function ingestChanges(db: DataSource | EntityManager, connector: string, changes: readonly InboundChange[]): Promise<{ accepted: number; duplicates: number }> {
  if (changes.length > MAX_CHANGES_PER_BATCH) throw new RangeError(`at most ${MAX_CHANGES_PER_BATCH} changes per batch, got ${changes.length}: split the batch`);
  const rows = changes.map((change) => ({ eventId: change.id, type: change.type, aggregateKey: aggregateKeyOf(change), occurredAt: change.occurredAt, payload: change }));
  const store = async (tx: EntityManager) => {
    const accepted = await inboundEvents.insertMany(tx, connector, rows);
    if (accepted > 0) await scheduleApply(tx, connector);
    return { accepted, duplicates: changes.length - accepted };
  };
  // The caller's transaction when it has one (stored with whatever else it writes), else one of its own.
  if (db instanceof EntityManager && db.queryRunner?.isTransactionActive) return store(db);
  return db.transaction(store);
}

/** Asks the relay to apply a connector's waiting changes (one waiting job per connector). */
async function scheduleApply(tx: EntityManager, connector: string): Promise<void> {
  await queryRows(
    tx,
    `SELECT graphile_worker.add_job($1, json_build_object('connector', $2::text), job_key := 'apply_inbound:' || $2, job_key_mode := 'preserve_run_at')`,
    [APPLY_INBOUND_TASK, connector],
  );
}

/** Dependencies of {@link applyWaitingChanges}. */
export interface ApplyDeps {
  dataSource: DataSource;
  router: Router;
  logger: Logger;
}

/**
 * Applies a connector's waiting changes (RECEIVED, and PARKED ones whose cause may be gone), per aggregate in occurredAt order.
 * One process at a time per connector (a session advisory lock): two relays never apply a change twice or out of order.
 */
export async function applyWaitingChanges(deps: ApplyDeps, connector: string, options: { aggregateKeys?: string[] } = {}): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, parked: 0, rejected: 0, stale: 0 };
  const runner = deps.dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `inbound-apply\n${connector}`;
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    try {
      // Aggregates already blocked in this call (a change parked): their later changes wait behind it.
      const blocked = new Map<string, string>();
      // Where the next read resumes: after the last change read (by id; the table compares the positions).
      let after: string | null = null;
      for (;;) {
        const waiting = await inboundEvents.waiting(runner.manager, connector, options.aggregateKeys ?? null, after, BATCH);
        for (const event of waiting) {
          after = event.id;
          const behind = blocked.get(event.aggregate_key);
          const outcome = behind !== undefined ? waitBehind(behind) : await applyOne(deps, runner.manager, connector, event);
          if (outcome === null) continue;
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
      const outcome = await applyChange(
        { tx, router: deps.router, connector, eventId: change.id, principal: `connector:${connector}`, idempotencyKey: `inbound:${connector}:${change.id}` },
        change,
        event.aggregate_key,
      );
      if (outcome.status === "parked" || outcome.status === "rejected") throw new Unapplied(outcome);
      // Settled meanwhile by a process that did not hold the lock (it cannot happen under it): undo this work.
      if (!(await inboundEvents.settle(tx, event.id, "APPLIED", null))) throw new Unapplied(null);
      if (outcome.status === "applied" && outcome.created) await scheduleInboundRetry(tx);
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

/** The relay tasks: `apply_inbound_changes` (on demand, payload { connector }) and a each-minute retry of parked changes. */
export function inboundTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return [
    {
      name: APPLY_INBOUND_TASK,
      run: async (logger, payload) => {
        const connector = (payload as { connector?: unknown } | null)?.connector;
        if (typeof connector !== "string") throw new Error(`${APPLY_INBOUND_TASK}: the job's payload names no connector`);
        await applyWaitingChanges({ dataSource, router, logger }, connector);
      },
    },
    {
      name: INBOUND_RETRY_TASK,
      schedule: "* * * * *",
      run: async (logger) => {
        for (const connector of await inboundEvents.connectorsWithParked(dataSource)) {
          await applyWaitingChanges({ dataSource, router, logger }, connector);
        }
      },
    },
  ];
}
