import type { EntityManager } from "typeorm";
import type { Router } from "../connectors/router.js";
import { COMMAND_TYPES, type CommandType } from "./command-types.js";

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

/** SQL that schedules delivery of a stream (inside the caller's transaction). */
export const SCHEDULE_SQL = `SELECT graphile_worker.add_job($1, json_build_object('connector', $2::text, 'aggregateType', $3::text, 'aggregateId', $4::text),
  run_at := $5::timestamptz, job_key := $6, job_key_mode := 'preserve_run_at', max_attempts := 1000)`;

/** Parameters of {@link SCHEDULE_SQL}. */
export function scheduleParams(stream: AggregateStream, runAt: Date = new Date()): unknown[] {
  return [DELIVER_TASK, stream.connector, stream.aggregateType, stream.aggregateId, runAt, jobKeyOf(stream)];
}

/**
 * Records a command in the caller's transaction: the command, one outbox row
 * per target connector (from the write routes), and a delivery job for each
 * target. Nothing is sent now: once the transaction commits, the relay delivers.
 */
export async function enqueueCommand(
  manager: EntityManager,
  router: Router,
  command: { type: CommandType; aggregateId: string; payload: Record<string, unknown>; idempotencyKey: string; principal: string },
): Promise<string> {
  const aggregateType = COMMAND_TYPES[command.type];
  const [row] = (await manager.query(
    `INSERT INTO command (type, aggregate_type, aggregate_id, payload, idempotency_key, principal) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [command.type, aggregateType, command.aggregateId, JSON.stringify(command.payload), command.idempotencyKey, command.principal],
  )) as Array<{ id: string }>;
  for (const connector of router.targetsOf(command.type)) {
    await manager.query(
      `INSERT INTO outbox (aggregatetype, aggregateid, type, payload, command_id, connector) VALUES ($1, $2, $3, $4, $5, $6)`,
      [aggregateType, command.aggregateId, command.type, JSON.stringify(command.payload), row!.id, connector],
    );
    await manager.query(SCHEDULE_SQL, scheduleParams({ connector, aggregateType, aggregateId: command.aggregateId }));
  }
  return row!.id;
}
