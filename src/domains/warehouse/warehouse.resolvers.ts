import { exactlyOne } from "../../common/arguments.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import { toGlobalId } from "../../common/ids.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import type { Resolvers } from "../../generated/graphql.js";
import type { MutationOutcome } from "../../outbox/idempotency.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import { createReservation, releaseReservation, reservationAllowance, reservationById, reservationStatusOf } from "./stock-reservation.commands.js";
import { productOfReference } from "../product/product.service.js";
import { availableOf, inventoryLevelsOfWarehouse, listWarehouses, warehouseByCode, warehouseById, warehouseOfLevel } from "./warehouse.service.js";

/** The payload of a reservation mutation: the reservation and command as they are now. */
async function reservationPayload(ctx: RequestContext, outcome: MutationOutcome) {
  return { reservation: await freshEntity(ctx, outcome, ctx.loaders.stockReservation, outcome.entityKey), ...(await commandPayload(ctx, outcome)) };
}

/** Resolvers of `schema/warehouse.graphql`. */
export const warehouseResolvers: Resolvers = {
  Query: {
    warehouse: (_, args, ctx) => {
      const { name, value } = exactlyOne(args, ["id", "code"]);
      return name === "id" ? warehouseById(ctx, value) : warehouseByCode(ctx, value);
    },
    warehouses: (_, args, ctx, info) => listWarehouses(ctx, args, info.path),
    stockReservation: (_, { id }, ctx) => reservationById(ctx, id),
    stockReservationAllowance: (_, __, ctx) => reservationAllowance(ctx),
  },
  Warehouse: {
    id: globalIdOf("Warehouse"),
    inventoryLevels: (warehouse, args, ctx) => inventoryLevelsOfWarehouse(ctx, warehouse, args),
  },
  InventoryLevel: {
    product: async (level, _, ctx) => (await productOfReference(ctx, { source: level.source, productKey: level.productKey }))!,
    warehouse: (level, _, ctx) => warehouseOfLevel(ctx, level),
    available: (level) => availableOf(level),
    source: (level) => level.synced ?? null,
  },
  Mutation: {
    stockReserve: async (_, { input, idempotencyKey }, ctx) => reservationPayload(ctx, await createReservation(ctx, input, idempotencyKey)),
    stockReservationRelease: async (_, { id, idempotencyKey }, ctx) => reservationPayload(ctx, await releaseReservation(ctx, id, idempotencyKey)),
  },
  StockReservation: {
    id: (reservation) => toGlobalId(STORE, "StockReservation", reservation.key),
    status: (reservation) => reservationStatusOf(reservation),
  },
  StockReservationLine: {
    product: async (line, _, ctx) => (await ctx.loaders.product.load({ source: line.source, key: line.productKey }))!,
    warehouse: async (line, _, ctx) => (await ctx.loaders.warehouse.load({ source: line.source, key: line.warehouseKey }))!,
  },
  WarehouseConnection: connectionResolvers,
  InventoryLevelConnection: connectionResolvers,
};
