import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountOfReference } from "../account/account.service.js";
import { invoicesOfOrder } from "../invoice/invoice.service.js";
import { productOfReference } from "../product/product.service.js";
import { syncStatusOf } from "../../models/command.js";
import type { RequestContext } from "../../context.js";
import type { MutationOutcome } from "../../outbox/idempotency.js";
import { lastCommandOf } from "../command/command.service.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import { returnOrder } from "./order-return.commands.js";
import { cancelOrder } from "./order-cancel.commands.js";
import { completeOrder, createShipment, processOrder } from "./order-fulfilment.commands.js";
import { placeOrder } from "./order.commands.js";
import { listOrders, orderById } from "./order.service.js";

/** The payload of an order mutation: the order and command as they are now. */
export async function orderPayload(ctx: RequestContext, outcome: MutationOutcome) {
  return {
    order: await freshEntity(ctx, outcome, ctx.loaders.order, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null),
    ...(await commandPayload(ctx, outcome)),
  };
}

/** Resolvers of `schema/order.graphql`. */
export const orderResolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => orderById(ctx, id),
    orders: (_, args, ctx, info) => listOrders(ctx, args, info.path),
  },
  Mutation: {
    orderPlace: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await placeOrder(ctx, input, idempotencyKey)),
    orderCancel: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await cancelOrder(ctx, input, idempotencyKey)),
    orderReturn: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await returnOrder(ctx, input, idempotencyKey)),
    orderProcess: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await processOrder(ctx, input, idempotencyKey)),
    orderShipmentCreate: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await createShipment(ctx, input, idempotencyKey)),
    orderComplete: async (_, { input, idempotencyKey }, ctx) => orderPayload(ctx, await completeOrder(ctx, input, idempotencyKey)),
  },
  Order: {
    id: globalIdOf("Order"),
    account: (order, _, ctx) => accountOfReference(ctx, { source: order.source, key: order.accountKey }),
    shipTo: (order, _, ctx) => (order.shipToKey ? ctx.loaders.shipTo.load({ source: order.source, key: order.shipToKey }) : null),
    lines: (order, _, ctx) => ctx.loaders.orderLines.load(order),
    shipments: (order, _, ctx) => ctx.loaders.orderShipments.load(order),
    events: (order, _, ctx) => ctx.loaders.orderEvents.load(order),
    invoices: (order, _, ctx) => invoicesOfOrder(ctx, order),
    syncStatus: async (order, _, ctx) => syncStatusOf(await lastCommandOf(ctx, order.lastCommandId)),
    lastCommand: (order, _, ctx) => lastCommandOf(ctx, order.lastCommandId),
  },
  OrderLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
    warehouse: (line, _, ctx) => (line.warehouseKey ? ctx.loaders.warehouse.load({ source: line.source, key: line.warehouseKey }) : null),
  },
  Shipment: {
    id: (shipment) => shipment.key,
    warehouse: (shipment, _, ctx) =>
      shipment.warehouseKey ? ctx.loaders.warehouse.load({ source: shipment.source, key: shipment.warehouseKey }) : null,
  },
  OrderConnection: connectionResolvers,
};
