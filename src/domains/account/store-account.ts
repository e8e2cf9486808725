import { assertCanReadAccount } from "../../auth/access.js";
import { unauthenticated } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import type { AccountModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";

/**
 * Mutations change Commerce Graph's own store, and the outbox tells the other
 * systems. This is the store's record of an account another connector's record
 * (or ID) names, matched by code; null when the store has none, or it is deleted.
 */
export async function storeAccountOf(ctx: RequestContext, ref: SourceRef): Promise<AccountModel | null> {
  if (!ctx.router.serves("accounts", ref.source)) return null;
  const named = await ctx.loaders.account.load(ref);
  const account = !named || named.source === STORE ? named : await ctx.loaders.accountByCodeIn.load({ source: STORE, key: named.code });
  return account && !account.deletedAt ? account : null;
}

/**
 * The account a mutation acts on, as the store's record: the one `accountId`
 * names (customers may only name their own), else the signed-in customer's;
 * null when there is no such live account.
 */
export async function changeableAccount(ctx: RequestContext, accountId: string | null | undefined, argument: string, action: string): Promise<AccountModel | null> {
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated(`Sign in to ${action}.`);
  const gid = accountId != null ? expectGlobalId(accountId, "Account", argument) : null;
  const ref = gid ? { source: gid.connector, key: gid.key } : ctx.principal.kind === "CUSTOMER" ? ctx.principal.account : null;
  if (!ref) return null;
  const account = await storeAccountOf(ctx, ref);
  assertCanReadAccount(ctx.principal, account ?? ref, "account");
  return account;
}
