import { badUserInput } from "../../common/errors.js";
import { parseGlobalId } from "../../common/ids.js";
import type { RequestContext } from "../../context.js";
import type { NodeResolvers, ResolversInterfaceTypes, ResolversTypes } from "../../generated/graphql.js";
import { accountById, paymentMethodById, shipToById } from "../account/account.service.js";
import { invoiceById } from "../invoice/invoice.service.js";
import { orderById } from "../order/order.service.js";
import { categoryById, productById } from "../product/product.service.js";
import { commandById } from "../command/command.service.js";
import { quoteById } from "../quote/quote.service.js";
import { reservationById } from "../warehouse/stock-reservation.commands.js";
import { warehouseById } from "../warehouse/warehouse.service.js";

/** The name of a type that implements `Node` (`Account`, `Order`, …), as the schema knows them. */
export type NodeTypename = NonNullable<Awaited<ReturnType<NodeResolvers["__resolveType"]>>>;

/** Any object that implements `Node`: one of the models, with the name of its type so the interface can resolve it. */
export type NodeModel = ResolversInterfaceTypes<ResolversTypes>["Node"] & { __typename: NodeTypename };

/** How each `Node` type is fetched by global ID (with the same access checks as its own root field). */
const FETCHERS: Record<NodeTypename, (ctx: RequestContext, id: string) => Promise<ResolversInterfaceTypes<ResolversTypes>["Node"] | null>> = {
  Account: accountById,
  ShipTo: shipToById,
  Product: productById,
  Category: categoryById,
  Warehouse: warehouseById,
  Order: orderById,
  Invoice: invoiceById,
  Quote: quoteById,
  Command: commandById,
  PaymentMethod: paymentMethodById,
  StockReservation: reservationById,
};

/** True when `type` names a type that implements `Node`. */
export function isNodeTypename(type: unknown): type is NodeTypename {
  return typeof type === "string" && Object.hasOwn(FETCHERS, type);
}

/** Most IDs `nodes` accepts in one call. */
export const MAX_NODES = 100;

/**
 * Fetches any object by global ID. A malformed ID or an unknown type is
 * `BAD_USER_INPUT`; a well-formed ID of nothing that exists is null.
 * The result carries `__typename` so the `Node` interface can resolve its type.
 */
export async function nodeById(ctx: RequestContext, id: string): Promise<NodeModel | null> {
  const gid = parseGlobalId(id);
  if (!gid) throw badUserInput(`"${id}" is not a valid ID: expected gid://<connector>/<Type>/<key>.`, "id");
  const type = gid.type;
  if (!isNodeTypename(type)) throw badUserInput(`"${type}" is not a type that can be fetched by ID; known types: ${Object.keys(FETCHERS).join(", ")}.`, "id");
  const model = await FETCHERS[type](ctx, id);
  return model ? { ...model, __typename: type } : null;
}

/** Fetches several objects by global ID, in order. */
export function nodesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Array<NodeModel | null>> {
  if (ids.length > MAX_NODES) throw badUserInput(`\`ids\` may hold at most ${MAX_NODES} IDs, got ${ids.length}.`, "ids");
  return Promise.all(ids.map((id) => nodeById(ctx, id)));
}
