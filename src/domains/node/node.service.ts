import { badUserInput } from "../../common/errors.js";
import { parseGlobalId } from "../../common/ids.js";
import type { RequestContext } from "../../context.js";
import { accountById, paymentMethodById, shipToById } from "../account/account.service.js";
import { invoiceById } from "../invoice/invoice.service.js";
import { orderById } from "../order/order.service.js";
import { categoryById, productById } from "../product/product.service.js";
import { commandById } from "../command/command.service.js";
import { quoteById } from "../quote/quote.service.js";
import { reservationById } from "../warehouse/stock-reservation.commands.js";
import { warehouseById } from "../warehouse/warehouse.service.js";

/** How each `Node` type is fetched by global ID (with the same access checks as its own root field). */
const FETCHERS: Record<string, (ctx: RequestContext, id: string) => Promise<object | null>> = {
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

/** Most IDs `nodes` accepts in one call. */
export const MAX_NODES = 100;

/**
 * Fetches any object by global ID. A malformed ID or an unknown type is
 * `BAD_USER_INPUT`; a well-formed ID of nothing that exists is null.
 * The result carries `__typename` so the `Node` interface can resolve its type.
 */
export async function nodeById(ctx: RequestContext, id: string): Promise<object | null> {
  const gid = parseGlobalId(id);
  if (!gid) throw badUserInput(`"${id}" is not a valid ID: expected gid://<connector>/<Type>/<key>.`, "id");
  const fetch = FETCHERS[gid.type];
  if (!fetch) throw badUserInput(`"${gid.type}" is not a type that can be fetched by ID; known types: ${Object.keys(FETCHERS).join(", ")}.`, "id");
  const model = await fetch(ctx, id);
  return model ? { ...model, __typename: gid.type } : null;
}

/** Fetches several objects by global ID, in order. */
export function nodesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Array<object | null>> {
  if (ids.length > MAX_NODES) throw badUserInput(`\`ids\` may hold at most ${MAX_NODES} IDs, got ${ids.length}.`, "ids");
  return Promise.all(ids.map((id) => nodeById(ctx, id)));
}
