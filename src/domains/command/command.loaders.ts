import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../common/ids.js";
import { keyLoader } from "../../common/loaders.js";
import type { CommandModel } from "../../models/command.js";

/** The command columns and its deliveries as one JSON list, for `SELECT … FROM command c`. */
export const COMMAND_SELECT = `c.id, c.type, c.aggregate_type, c.aggregate_id, c.principal, c.created_at,
  (SELECT json_agg(json_build_object('connector', o.connector, 'status', o.status, 'attempts', o.attempts, 'lastError', o.last_error,
     'nextAttemptAt', CASE WHEN o.status = 'RETRYING' THEN o.next_attempt_at END, 'deliveredAt', o.delivered_at, 'reference', o.reference) ORDER BY o.connector)
   FROM outbox o WHERE o.command_id = c.id) AS deliveries`;

/** Maps a row selected with {@link COMMAND_SELECT}. */
export function commandOf(row: Record<string, unknown>): CommandModel {
  const deliveries = (row.deliveries as Array<Record<string, unknown>> | null) ?? [];
  return {
    key: String(row.id),
    type: String(row.type),
    aggregateType: String(row.aggregate_type),
    aggregateId: String(row.aggregate_id),
    principal: String(row.principal),
    createdAt: row.created_at as Date,
    deliveries: deliveries.map((d) => ({
      connector: String(d.connector),
      status: d.status as CommandModel["deliveries"][number]["status"],
      attempts: Number(d.attempts),
      lastError: (d.lastError as string | null) ?? null,
      nextAttemptAt: d.nextAttemptAt ? new Date(String(d.nextAttemptAt)) : null,
      deliveredAt: d.deliveredAt ? new Date(String(d.deliveredAt)) : null,
      reference: (d.reference as string | null) ?? null,
    })),
  };
}

/** Per-request loaders for commands (kept in Commerce Graph's own database, not in a connector). */
export function createCommandLoaders(dataSource: DataSource | EntityManager) {
  return {
    command: keyLoader<CommandModel | null>(async (ids) => {
      const wanted = ids.filter(isUuid);
      const rows = wanted.length ? ((await dataSource.query(`SELECT ${COMMAND_SELECT} FROM command c WHERE c.id = ANY($1::uuid[])`, [wanted])) as Array<Record<string, unknown>>) : [];
      const byId = new Map(rows.map((row) => [String(row.id), commandOf(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
