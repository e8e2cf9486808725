import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountByRef } from "../account/account.service.js";
import { invoicesOfOrder } from "../invoice/invoice.service.js";
import { productOfReference } from "../product/product.service.js";
import { listOrders, orderById } from "./order.service.js";

/** Resolvers of `schema/order.graphql`. */
export const orderResolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => orderById(ctx, id),
    orders: (_, args, ctx) => listOrders(ctx, args),
  },
  Order: {
    id: globalIdOf("Order"),
    account: async (order, _, ctx) => (await accountByRef(ctx, { source: order.source, key: order.accountKey }))!,
    shipTo: (order, _, ctx) => (order.shipToKey ? ctx.loaders.shipTo.load({ source: order.source, key: order.shipToKey }) : null),
    lines: (order, _, ctx) => ctx.loaders.orderLines.load(order),
    shipments: (order, _, ctx) => ctx.loaders.orderShipments.load(order),
    invoices: (order, _, ctx) => invoicesOfOrder(ctx, order),
  },
  OrderLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
    warehouse: (line, _, ctx) => (line.warehouseKey ? ctx.loaders.warehouse.load({ source: line.source, key: line.warehouseKey }) : null),
  },
  Shipment: {
    warehouse: (shipment, _, ctx) =>
      shipment.warehouseKey ? ctx.loaders.warehouse.load({ source: shipment.source, key: shipment.warehouseKey }) : null,
  },
  OrderConnection: connectionResolvers,
};
