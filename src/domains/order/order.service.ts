import { parseDateTime } from "../../common/arguments.js";
import { expectGlobalId } from "../../common/ids.js";
import type { ConnectionModel } from "../../common/pagination.js";
import type { Path } from "graphql/jsutils/Path.js";
import type { RequestContext } from "../../context.js";
import type { OrderFilter, OrderSortKey } from "../../generated/graphql.js";
import type { OrderModel } from "../../models/order.js";
import { assertMayReadAccount, listOwned, type OwnedListArgs } from "../account/account.service.js";

/** Checks that the principal may read an order (it must be its account's). */
async function authorise(ctx: RequestContext, order: OrderModel | null): Promise<OrderModel | null> {
  if (order) await assertMayReadAccount(ctx, { source: order.source, key: order.accountKey }, "order");
  return order;
}

/** An order by reference; null when not found. */
export async function orderByRef(ctx: RequestContext, ref: { source: string; key: string }): Promise<OrderModel | null> {
  if (!ctx.router.serves("orders", ref.source)) return null;
  return authorise(ctx, await ctx.loaders.order.load(ref));
}

/** An order by global ID; null when not found. */
export function orderById(ctx: RequestContext, id: string): Promise<OrderModel | null> {
  const gid = expectGlobalId(id, "Order");
  return orderByRef(ctx, { source: gid.connector, key: gid.key });
}

/** A page of orders, newest first by default; `accountId` limits it to one account (customers: always their own). */
export async function listOrders(
  ctx: RequestContext,
  args: OwnedListArgs<OrderFilter, OrderSortKey>,
  path?: Path,
): Promise<ConnectionModel<OrderModel>> {
  const filter = args.filter ?? {};
  const createdAfter = parseDateTime(filter.createdAfter, "filter.createdAfter");
  const createdBefore = parseDateTime(filter.createdBefore, "filter.createdBefore");
  return listOwned(ctx, "orders", args, path, (reader, page, accountKey) =>
    reader.list({
      page,
      sort: args.sortKey ?? "CREATED_AT",
      filter: { accountKey, statuses: filter.statuses ? [...filter.statuses] : null, kinds: filter.kinds ? [...filter.kinds] : null, createdAfter, createdBefore },
    }),
  );
}
