import { GraphQLError } from "graphql";
import { toGlobalId } from "../../common/ids.js";
import type { RequestContext } from "../../context.js";
import { databaseUnavailableOr } from "../../db/database-unavailable.js";
import type { CommandModel } from "../../models/command.js";
import type { MutationOutcome } from "../../outbox/idempotency.js";
import type { UserErrorModel } from "../../common/user-errors.js";
import { COMMAND_SOURCE } from "./command.service.js";

/**
 * The common part of a mutation payload: the command (read fresh, not from
 * this request's cache) and the user errors.
 */
export async function commandPayload(ctx: RequestContext, outcome: MutationOutcome): Promise<{ command: CommandModel | null; userErrors: UserErrorModel[] }> {
  const { commandId } = outcome;
  return {
    command: commandId ? await afterCommit(ctx, outcome, () => ctx.loaders.command.clear(commandId).load(commandId)) : null,
    userErrors: outcome.userErrors,
  };
}

/**
 * Loads the entity a mutation changed, bypassing this request's cache; null when it made none.
 * Called after the mutation committed: a failure says so (see {@link afterCommit}).
 */
export async function freshEntity<K, V>(ctx: RequestContext, outcome: MutationOutcome, loader: { clear(key: K): { load(key: K): Promise<V> } }, key: K | null): Promise<V | null> {
  return key === null ? null : afterCommit(ctx, outcome, () => loader.clear(key).load(key));
}

/**
 * Runs a read of a mutation's payload after its transaction committed. When
 * it fails, the error keeps its code (`CONNECTOR_UNAVAILABLE`,
 * `DATABASE_UNAVAILABLE`…) but says that the change was stored, with the
 * command's id (`extensions.changeStored`, `extensions.commandId`): a client
 * that retried with a new key would make the change twice.
 */
export async function afterCommit<T>(ctx: RequestContext, outcome: MutationOutcome, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw changeStoredError(ctx, outcome, databaseUnavailableOr(error));
  }
}

/** The error of a payload read that failed after the change was stored. */
function changeStoredError(ctx: RequestContext, outcome: MutationOutcome, error: unknown): GraphQLError {
  const cause = error instanceof GraphQLError ? error : undefined;
  const code = String(cause?.extensions.code ?? "INTERNAL_SERVER_ERROR");
  const commandId = outcome.commandId ? toGlobalId(COMMAND_SOURCE, "Command", outcome.commandId) : null;
  ctx.log.warn({ err: error, commandId }, "a mutation's change was stored, but its payload could not be read");
  const stored = commandId ? `The change was stored (command ${commandId})` : "The change was stored";
  const { http: _http, ...extensions } = cause?.extensions ?? {};
  return new GraphQLError(`${stored}, but its result could not be read now (${code}). Read it again, or retry with the same idempotency key: it is answered, not applied again.`, {
    originalError: error instanceof Error ? error : undefined,
    // Not a 503 with Retry-After: the request did its work.
    extensions: { ...extensions, code, changeStored: true, commandId },
  });
}
