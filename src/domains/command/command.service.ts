import { isAdmin } from "../../auth/principal.js";
import { forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import type { ConnectionArgs, ConnectionModel } from "../../common/pagination.js";
import { toConnection, toPageRequest } from "../../common/pagination.js";
import { keysetPage } from "../../connectors/store/keyset.js";
import { queryOf } from "../../connectors/store/sql.js";
import type { RequestContext } from "../../context.js";
import type { CommandModel } from "../../models/command.js";
import { failWith } from "../../common/user-errors.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { COMMAND_SELECT, resetFailedDeliveries, scheduleDelivery, type CommandWithDeliveriesRow } from "../../outbox/outbox-store.js";
import { commandOf } from "./command.loaders.js";

/** Connector segment of command IDs: commands live in Commerce Graph's outbox, not in a backend. */
export const COMMAND_SOURCE = "outbox";

function requireOperator(ctx: RequestContext): void {
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in with an admin API key to read commands.");
  if (!isAdmin(ctx.principal)) throw forbidden("Commands are for operators: use an admin API key.");
}

/** A command by global ID (admin). */
export async function commandById(ctx: RequestContext, id: string): Promise<CommandModel | null> {
  requireOperator(ctx);
  const gid = expectGlobalId(id, "Command");
  return gid.connector === COMMAND_SOURCE ? ctx.loaders.command.load(gid.key) : null;
}

/** A page of commands, newest first (admin). */
export async function listCommands(
  ctx: RequestContext,
  args: ConnectionArgs & { filter?: { status?: string | null; type?: string | null; connector?: string | null } | null },
): Promise<ConnectionModel<CommandModel>> {
  requireOperator(ctx);
  const page = toPageRequest(args);
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const filter = args.filter ?? {};
  if (filter.type) where.push(`c.type = ${bind(filter.type)}`);
  if (filter.connector) where.push(`EXISTS (SELECT 1 FROM outbox o WHERE o.command_id = c.id AND o.connector = ${bind(filter.connector)})`);
  if (filter.status) {
    // The same rule as commandStatusOf: FAILED wins, DELIVERED needs all, else the least advanced delivery.
    const status = bind(filter.status);
    where.push(`(SELECT CASE WHEN bool_or(o.status = 'FAILED') THEN 'FAILED'
                             WHEN bool_and(o.status = 'DELIVERED') THEN 'DELIVERED'
                             WHEN bool_or(o.status = 'PENDING') THEN 'PENDING'
                             WHEN bool_or(o.status = 'RETRYING') THEN 'RETRYING'
                             ELSE 'DELIVERING' END FROM outbox o WHERE o.command_id = c.id) = ${status}`);
  }
  const result = await keysetPage(
    queryOf(ctx.dataSource),
    { select: COMMAND_SELECT, from: "command c", where, params, sort: { column: "c.created_at", type: "timestamptz" }, key: "c.id", descending: true, map: (row) => commandOf(row as CommandWithDeliveriesRow) },
    page,
  );
  return toConnection(result);
}

/** The last command of an entity, if a mutation made one. */
export function lastCommandOf(ctx: RequestContext, lastCommandId: string | null | undefined): Promise<CommandModel | null> {
  return lastCommandId ? ctx.loaders.command.load(lastCommandId) : Promise.resolve(null);
}

/** `commandRetry` (admin): schedules a command's failed deliveries again, now, with a fresh count of attempts. */
export async function retryCommand(ctx: RequestContext, id: string, idempotencyKey: string): Promise<MutationOutcome> {
  const command = await commandById(ctx, id);
  return runIdempotent(ctx, "commandRetry", idempotencyKey, { id }, async (manager) => {
    if (!command) failWith("NOT_FOUND", ["id"], "No such command.");
    const streams = await resetFailedDeliveries(manager, command.key);
    if (streams.length === 0) failWith("INVALID_STATE", ["id"], "Only a FAILED command can be retried.");
    for (const stream of streams) await scheduleDelivery(manager, stream);
    return { entityKey: command.key, commandId: command.key, userErrors: [] };
  });
}
