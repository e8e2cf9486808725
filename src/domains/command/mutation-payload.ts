import type { RequestContext } from "../../context.js";
import type { CommandModel } from "../../models/command.js";
import type { MutationOutcome } from "../../outbox/idempotency.js";

/**
 * The common part of a mutation payload: the command (read fresh, not from
 * this request's cache) and the user errors.
 */
export async function commandPayload(ctx: RequestContext, outcome: MutationOutcome): Promise<{ command: CommandModel | null; userErrors: never }> {
  return {
    command: outcome.commandId ? await ctx.loaders.command.clear(outcome.commandId).load(outcome.commandId) : null,
    userErrors: outcome.userErrors as never,
  };
}

/** Loads the entity a mutation changed, bypassing this request's cache; null when it made none. */
export async function freshEntity<K, V>(loader: { clear(key: K): { load(key: K): Promise<V> } }, key: K | null): Promise<V | null> {
  return key === null ? null : loader.clear(key).load(key);
}
