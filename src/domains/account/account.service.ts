import { accountScopeOf, assertCanReadAccount, sameRef } from "../../auth/access.js";
import type { Path } from "graphql/jsutils/Path.js";
import { reportMissingSource } from "../../connectors/partial-errors.js";
import { forbidden } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import { searchWords } from "../../common/search-words.js";
import type { ConnectionArgs, ConnectionModel } from "../../common/pagination.js";
import type { QueryAccountsArgs } from "../../generated/graphql.js";
import { emptyPage, toConnection, toPageRequest, type Page, type PageRequest } from "../../common/pagination.js";
import type { DomainReaders } from "../../connectors/connector.js";
import type { RequestContext } from "../../context.js";
import type { AccountFilterModel, AccountModel, PaymentMethodModel, ShipToModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";

/**
 * A customer's own account as another connector holds it (same code) counts
 * as its own: this maps such a reference to the customer's; any other is kept.
 */
async function asOwnRef(ctx: RequestContext, ref: SourceRef): Promise<SourceRef> {
  const principal = ctx.principal;
  if (principal.kind !== "CUSTOMER" || ref.source === principal.account.source) return ref;
  return (await accountKeyIn(ctx, principal.account, ref.source)) === ref.key ? principal.account : ref;
}

/** Throws unless the principal may read data of the account `ref` names (for a customer: its own, in any connector). */
export async function assertMayReadAccount(ctx: RequestContext, ref: SourceRef, what: string): Promise<void> {
  assertCanReadAccount(ctx.principal, await asOwnRef(ctx, ref), what);
}

/** Loads an account and checks the principal may read it; null when not found. */
export async function accountByRef(ctx: RequestContext, ref: SourceRef): Promise<AccountModel | null> {
  await assertMayReadAccount(ctx, ref, "account");
  return ctx.router.serves("accounts", ref.source) ? ctx.loaders.account.load(ref) : null;
}

/**
 * The account another object (an order, an invoice, a signed-in customer)
 * refers to. When accounts are read from other connectors than the
 * reference's, the account is matched there by its code (the seed's advice
 * for eConnect), falling back to the reference's own record.
 */
export async function accountOfReference(ctx: RequestContext, ref: SourceRef): Promise<AccountModel | null> {
  const own = await accountByRef(ctx, ref);
  if (!own || ctx.router.readsFrom("accounts", ref.source)) return own;
  return (await ctx.loaders.accountByCode.load(own.code)) ?? own;
}

/**
 * An account's references in other systems: the same account found by code in
 * every other connector that reads accounts (else the reference stored with
 * it, else the account with the same e-mail), and for the other connectors
 * the references stored with it. A connector that is down is reported,
 * and its stored reference kept.
 */
export async function externalReferencesOf(ctx: RequestContext, account: AccountModel, path?: Path): Promise<AccountModel["externalReferences"]> {
  let references = [...account.externalReferences];
  const others = ctx.router.all().filter((c) => c.name !== account.source && c.readers.accounts).map((c) => c.name);
  const report = reportMissingSource(ctx, path, "references found there are left out");
  await Promise.all(
    others.map(async (source) => {
      try {
        const stored = references.some((r) => r.connector === source);
        const match = (await ctx.loaders.accountByCodeIn.load({ source, key: account.code })) ?? (stored ? null : await ctx.loaders.accountByEmailIn.load({ source, key: account.email }));
        if (!match) return;
        references = references.filter((r) => r.connector !== source);
        references.push({ connector: source, externalId: match.key });
      } catch (error) {
        report({ source, error });
      }
    }),
  );
  return references.sort((a, b) => a.connector.localeCompare(b.connector));
}

/** An account by global ID. */
export function accountById(ctx: RequestContext, id: string): Promise<AccountModel | null> {
  const gid = expectGlobalId(id, "Account");
  return accountByRef(ctx, { source: gid.connector, key: gid.key });
}

/** An account by e-mail (case-insensitive) or code; the principal must be allowed to read it. */
export async function accountByBusinessKey(ctx: RequestContext, field: "email" | "code", value: string): Promise<AccountModel | null> {
  // Anonymous: UNAUTHENTICATED; storefront keys: FORBIDDEN, before any lookup.
  if (ctx.principal.kind !== "CUSTOMER") accountScopeOf(ctx.principal, null, "accounts");
  const account = await (field === "email" ? ctx.loaders.accountByEmail : ctx.loaders.accountByCode).load(value);
  // A customer learns nothing about other accounts, not even whether they exist: the same answer for both.
  if (ctx.principal.kind === "CUSTOMER" && (!account || !sameRef(await asOwnRef(ctx, account), ctx.principal.account))) {
    throw forbidden("Customers may only read their own account.");
  }
  return account;
}

/** A page of accounts: admin API keys only (customers read their own through `viewer.account`). */
export async function listAccounts(ctx: RequestContext, args: QueryAccountsArgs, path?: Path): Promise<ConnectionModel<AccountModel>> {
  if (ctx.principal.kind === "CUSTOMER") throw forbidden("Customers cannot list accounts; read your own with `viewer { account { … } }`.");
  accountScopeOf(ctx.principal, null, "accounts");
  const page = toPageRequest(args);
  const parent = args.filter?.parentAccountId != null ? expectGlobalId(args.filter.parentAccountId, "Account", "filter.parentAccountId") : null;
  // A search over its limits is refused before any connector is asked.
  searchWords(args.filter?.search);
  const result = await ctx.router.list(
    "accounts",
    page,
    (reader, source, request) => {
      const filter: AccountFilterModel = { search: args.filter?.search, customerGroupCode: args.filter?.customerGroupCode };
      if (parent) filter.parentKey = parent.connector === source ? parent.key : "";
      return reader.list({ page: request, sort: args.sortKey ?? "CODE", filter });
    },
    reportMissingSource(ctx, path),
    (args.sortKey ?? "CODE") === "CODE" ? (account) => account.code : undefined,
  );
  return toConnection(result);
}

/** A ship-to by global ID; its account must be readable. */
export async function shipToById(ctx: RequestContext, id: string): Promise<ShipToModel | null> {
  const gid = expectGlobalId(id, "ShipTo");
  if (!ctx.router.serves("accounts", gid.connector)) return null;
  const shipTo = await ctx.loaders.shipTo.load({ source: gid.connector, key: gid.key });
  if (shipTo) assertCanReadAccount(ctx.principal, { source: shipTo.source, key: shipTo.accountKey }, "ship-to");
  return shipTo;
}

/** A saved payment method by global ID; its account must be readable. */
export async function paymentMethodById(ctx: RequestContext, id: string): Promise<PaymentMethodModel | null> {
  const gid = expectGlobalId(id, "PaymentMethod");
  if (!ctx.router.serves("accounts", gid.connector)) return null;
  const method = await ctx.loaders.paymentMethod.load({ source: gid.connector, key: gid.key });
  if (method) assertCanReadAccount(ctx.principal, { source: method.source, key: method.accountKey }, "payment method");
  return method;
}

/**
 * The key of an account in another connector: its own key when it comes from
 * that connector, else the account with the same code there when it reads
 * accounts, else its stored external reference there (null when there is none).
 */
export async function accountKeyIn(ctx: RequestContext, account: SourceRef, source: string): Promise<string | null> {
  if (account.source === source) return account.key;
  const model = await ctx.loaders.account.load(account);
  if (!model) return null;
  const stored = model.externalReferences.find((ref) => ref.connector === source)?.externalId ?? null;
  if (!ctx.router.serves("accounts", source)) return stored;
  return (await ctx.loaders.accountByCodeIn.load({ source, key: model.code }))?.key ?? stored;
}

/**
 * The account filter of a list of account-owned data (orders, invoices, quotes)
 * read from connector `source`: customers are limited to their own account;
 * `undefined` means every account, `null` an account the source does not know.
 */
export async function accountFilterFor(
  ctx: RequestContext,
  source: string,
  requestedId: string | null | undefined,
  what: string,
): Promise<string | null | undefined> {
  const requested = requestedId != null ? expectGlobalId(requestedId, "Account", "filter.accountId") : null;
  const scope = accountScopeOf(ctx.principal, requested ? await asOwnRef(ctx, { source: requested.connector, key: requested.key }) : null, what);
  return scope ? accountKeyIn(ctx, scope, source) : undefined;
}

/**
 * A connection of account-owned data (orders, invoices, quotes) read from the
 * domain's connectors: each is asked for its page with the account filter as
 * it knows the account (see {@link accountFilterFor}); a connector that does
 * not know the account contributes nothing.
 */
export async function listOwned<D extends "orders" | "invoices" | "quotes", T>(
  ctx: RequestContext,
  domain: D,
  args: ConnectionArgs & { filter?: { accountId?: string | null } | null },
  path: Path | undefined,
  list: (reader: DomainReaders[D], request: PageRequest, accountKey: string | undefined) => Promise<Page<T>>,
): Promise<ConnectionModel<T>> {
  const page = toPageRequest(args);
  const result = await ctx.router.list(
    domain,
    page,
    async (reader, source, request) => {
      const accountKey = await accountFilterFor(ctx, source, args.filter?.accountId, domain);
      return accountKey === null ? emptyPage<T>() : list(reader, request, accountKey);
    },
    reportMissingSource(ctx, path),
  );
  return toConnection(result);
}

/** Connection arguments with an account-owned list's sort and filter. */
export type OwnedListArgs<Filter, Sort> = ConnectionArgs & { filter?: Filter | null; sortKey?: Sort | null };
