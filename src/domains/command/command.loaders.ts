import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../common/ids.js";
import { keyLoader } from "../../common/loaders.js";
import type { CommandModel } from "../../models/command.js";
import { commandsByIds, type CommandWithDeliveriesRow } from "../../outbox/outbox-store.js";

/** Maps a command row with its deliveries (see `COMMAND_SELECT`). */
export function commandOf(row: CommandWithDeliveriesRow): CommandModel {
  return {
    key: row.id,
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    principal: row.principal,
    createdAt: row.created_at,
    deliveries: (row.deliveries ?? []).map((d) => ({
      connector: d.connector,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError ?? null,
      nextAttemptAt: d.nextAttemptAt ? new Date(d.nextAttemptAt) : null,
      deliveredAt: d.deliveredAt ? new Date(d.deliveredAt) : null,
      reference: d.reference ?? null,
    })),
  };
}

/** Per-request loaders for commands (kept in Commerce Graph's own database, not in a connector). */
export function createCommandLoaders(dataSource: DataSource | EntityManager) {
  return {
    command: keyLoader<CommandModel | null>(async (ids) => {
      const wanted = ids.filter(isUuid);
      const rows = wanted.length ? await commandsByIds(dataSource, wanted) : [];
      const byId = new Map(rows.map((row) => [row.id, commandOf(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
