import type { Path } from "graphql/jsutils/Path.js";
import { expectGlobalId } from "../../common/ids.js";
import type { ConnectionModel } from "../../common/pagination.js";
import type { RequestContext } from "../../context.js";
import type { QueryInvoicesArgs } from "../../generated/graphql.js";
import type { InvoiceModel } from "../../models/invoice.js";
import type { OrderModel } from "../../models/order.js";
import { assertMayReadAccount, listOwned } from "../account/account.service.js";

async function authorise(ctx: RequestContext, invoice: InvoiceModel | null): Promise<InvoiceModel | null> {
  if (invoice) await assertMayReadAccount(ctx, { source: invoice.source, key: invoice.accountKey }, "invoice");
  return invoice;
}

/** An invoice by global ID; null when not found. */
export async function invoiceById(ctx: RequestContext, id: string): Promise<InvoiceModel | null> {
  const gid = expectGlobalId(id, "Invoice");
  if (!ctx.router.serves("invoices", gid.connector)) return null;
  return authorise(ctx, await ctx.loaders.invoice.load({ source: gid.connector, key: gid.key }));
}

/** The invoices raised for an order (the order was authorised when read). */
export async function invoicesOfOrder(ctx: RequestContext, order: OrderModel): Promise<InvoiceModel[]> {
  return ctx.router.serves("invoices", order.source) ? ctx.loaders.invoicesOfOrder.load(order) : [];
}

/** A page of invoices, newest first by default. */
export async function listInvoices(
  ctx: RequestContext,
  args: QueryInvoicesArgs,
  path?: Path,
): Promise<ConnectionModel<InvoiceModel>> {
  const filter = args.filter ?? {};
  return listOwned(ctx, "invoices", args, path, (reader, page, accountKey) =>
    reader.list({ page, sort: args.sortKey ?? "CREATED_AT", filter: { accountKey, statuses: filter.statuses ? [...filter.statuses] : null, dueBefore: filter.dueBefore } }),
  );
}
