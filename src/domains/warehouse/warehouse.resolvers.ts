import { exactlyOne } from "../../common/arguments.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { productOfReference } from "../product/product.service.js";
import { availableOf, inventoryLevelsOfWarehouse, listWarehouses, warehouseByCode, warehouseById, warehouseOfLevel } from "./warehouse.service.js";

/** Resolvers of `schema/warehouse.graphql`. */
export const warehouseResolvers: Resolvers = {
  Query: {
    warehouse: (_, args, ctx) => {
      const { name, value } = exactlyOne(args, ["id", "code"]);
      return name === "id" ? warehouseById(ctx, value) : warehouseByCode(ctx, value);
    },
    warehouses: (_, args, ctx) => listWarehouses(ctx, args),
  },
  Warehouse: {
    id: globalIdOf("Warehouse"),
    inventoryLevels: (warehouse, args, ctx) => inventoryLevelsOfWarehouse(ctx, warehouse, args),
  },
  InventoryLevel: {
    product: async (level, _, ctx) => (await productOfReference(ctx, { source: level.source, productKey: level.productKey }))!,
    warehouse: async (level, _, ctx) => (await warehouseOfLevel(ctx, level))!,
    available: (level) => availableOf(level),
  },
  WarehouseConnection: connectionResolvers,
  InventoryLevelConnection: connectionResolvers,
};
