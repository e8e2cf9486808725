import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { EntityManager } from "typeorm";
import type { Principal } from "../auth/principal.js";
import { badUserInput, unauthenticated } from "../common/errors.js";
import type { RequestContext } from "../context.js";
import { databaseUnavailableOr } from "../db/database-unavailable.js";
import { canonical } from "./canonical-input.js";
import { userError, UserErrors, type UserErrorModel } from "../common/user-errors.js";
import { findLiveAnswer, saveAnswer, tryLockKey } from "./idempotency-records.js";

/** How long a key is remembered: a retry within this time gets the first answer. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * What a mutation answered, as stored for replays: references, not copies,
 * so a replay shows the entity and command as they are now.
 */
export interface MutationOutcome {
  entityKey: string | null;
  commandId: string | null;
  userErrors: UserErrorModel[];
}

/** The stable name of a principal that scopes its idempotency keys. */
export function principalKeyOf(principal: Principal): string {
  if (principal.kind === "API_KEY") return `api-key:${principal.keyId}`;
  if (principal.kind === "CUSTOMER") return `customer:${principal.account.source}:${principal.account.key}`;
  throw unauthenticated("Sign in to change data.");
}

/** Longest idempotency key, in characters (Unicode code points). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * Refuses a key PostgreSQL could not store as given: a lone surrogate (half of
 * a UTF-16 pair) would be stored as U+FFFD and collide with other keys. Length
 * counts characters (code points), not UTF-16 units.
 */
export function checkIdempotencyKey(key: string): void {
  if (/\p{Surrogate}/u.test(key)) throw badUserInput("`idempotencyKey` holds a lone surrogate (half of a UTF-16 pair), which is not a character; send valid Unicode text.", "idempotencyKey");
  const length = [...key].length;
  if (length < 1 || length > IDEMPOTENCY_KEY_MAX_LENGTH) throw badUserInput(`\`idempotencyKey\` must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`, "idempotencyKey");
}

/**
 * Runs a mutation at most once per (principal, idempotency key), in one transaction:
 * - a new key runs `execute` and stores its outcome with the key, atomically;
 * - the same key and input again returns the stored outcome (`replayed`);
 * - the same key with another input is a `userError` `IDEMPOTENCY_KEY_REUSED`;
 * - the same key while a first request still runs is an `IDEMPOTENCY_KEY_IN_FLIGHT` error: retry.
 * `execute` throws {@link UserErrors} for expected failures: its writes are rolled
 * back, and the user errors are stored and replayed like any other answer.
 * `execute` gets the transaction's context (see {@link RequestContext.inTransaction}) and
 * reads through it, never through the request's: a read on another pool
 * connection while the transaction holds one can wait for ever on a full pool.
 * Commands name it `ctx`, so that the request's context is out of reach.
 */
export async function runIdempotent(
  ctx: RequestContext,
  operation: string,
  idempotencyKey: string,
  input: unknown,
  execute: (manager: EntityManager, principal: string, ctx: RequestContext) => Promise<MutationOutcome>,
): Promise<MutationOutcome> {
  const principal = principalKeyOf(ctx.principal);
  checkIdempotencyKey(idempotencyKey);
  const requestHash = createHash("sha256").update(`${operation}\n${canonical(input)}`).digest("hex");
  ctx.idempotency = { replayed: false };

  // Our database unreachable (before, during or at the commit) is DATABASE_UNAVAILABLE: a retry with the same key is safe.
  return ctx.dataSource.transaction(async (manager) => {
    if (!(await tryLockKey(manager, principal, idempotencyKey))) {
      throw new GraphQLError("A request with this idempotency key is still being processed. Retry in a moment with the same key.", {
        extensions: { code: "IDEMPOTENCY_KEY_IN_FLIGHT", http: { status: 409 } },
      });
    }
    const existing = await findLiveAnswer<MutationOutcome>(manager, principal, idempotencyKey);
    if (existing) {
      if (existing.operation === operation && existing.requestHash === requestHash) {
        ctx.idempotency = { replayed: true };
        return existing.response;
      }
      return {
        entityKey: null,
        commandId: null,
        userErrors: [userError("IDEMPOTENCY_KEY_REUSED", ["idempotencyKey"], "This idempotency key was already used for a different request. Use a new key for a new request.")],
      };
    }
    // User errors undo the mutation's writes but are remembered like any answer.
    await manager.query("SAVEPOINT mutation");
    let outcome: MutationOutcome;
    try {
      outcome = await execute(manager, principal, ctx.inTransaction(manager));
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      await manager.query("ROLLBACK TO SAVEPOINT mutation");
      outcome = { entityKey: null, commandId: null, userErrors: error.userErrors };
    }
    await saveAnswer(manager, principal, idempotencyKey, { operation, requestHash, response: outcome }, IDEMPOTENCY_TTL_HOURS);
    return outcome;
  }).catch((error: unknown) => Promise.reject(databaseUnavailableOr(error)));
}
