import type { Path } from "graphql/jsutils/Path.js";
import { expectGlobalId } from "../../common/ids.js";
import type { ConnectionModel } from "../../common/pagination.js";
import type { RequestContext } from "../../context.js";
import type { QuoteFilter, QuoteSortKey } from "../../generated/graphql.js";
import type { QuoteModel } from "../../models/quote.js";
import { assertMayReadAccount, listOwned, type OwnedListArgs } from "../account/account.service.js";

/** A quote by global ID; null when not found. */
export async function quoteById(ctx: RequestContext, id: string): Promise<QuoteModel | null> {
  const gid = expectGlobalId(id, "Quote");
  if (!ctx.router.serves("quotes", gid.connector)) return null;
  const quote = await ctx.loaders.quote.load({ source: gid.connector, key: gid.key });
  if (quote) await assertMayReadAccount(ctx, { source: quote.source, key: quote.accountKey }, "quote");
  return quote;
}

/** A page of quotes, newest first by default. */
export async function listQuotes(ctx: RequestContext, args: OwnedListArgs<QuoteFilter, QuoteSortKey>, path?: Path): Promise<ConnectionModel<QuoteModel>> {
  const filter = args.filter ?? {};
  return listOwned(ctx, "quotes", args, path, (reader, page, accountKey) =>
    reader.list({ page, sort: args.sortKey ?? "CREATED_AT", filter: { accountKey, statuses: filter.statuses ? [...filter.statuses] : null } }),
  );
}
