import type { ConnectionModel } from "../../common/pagination.js";
import type { Path } from "graphql/jsutils/Path.js";
import { reportMissingSource } from "../../connectors/partial-errors.js";
import { toConnection, toPageRequest } from "../../common/pagination.js";
import { expectGlobalId } from "../../common/ids.js";
import type { RequestContext } from "../../context.js";
import type { QueryWarehousesArgs, WarehouseInventoryLevelsArgs } from "../../generated/graphql.js";
import type { InventoryLevelModel, WarehouseModel } from "../../models/warehouse.js";

/** A warehouse by global ID; null when not found. Warehouses are public. */
export async function warehouseById(ctx: RequestContext, id: string): Promise<WarehouseModel | null> {
  const gid = expectGlobalId(id, "Warehouse");
  if (!ctx.router.serves("warehouses", gid.connector)) return null;
  return ctx.loaders.warehouse.load({ source: gid.connector, key: gid.key });
}

/** A warehouse by code; null when not found. */
export function warehouseByCode(ctx: RequestContext, code: string): Promise<WarehouseModel | null> {
  return ctx.loaders.warehouseByCode.load(code);
}

/** A page of warehouses. */
export async function listWarehouses(
  ctx: RequestContext,
  args: QueryWarehousesArgs,
  path?: Path,
): Promise<ConnectionModel<WarehouseModel>> {
  const page = toPageRequest(args);
  const sort = args.sortKey ?? "CODE";
  return toConnection(await ctx.router.list("warehouses", page, (reader, _, request) => reader.list({ page: request, sort, filter: {} }), reportMissingSource(ctx, path)));
}

/** A page of the stock levels of one warehouse, by SKU. */
export async function inventoryLevelsOfWarehouse(
  ctx: RequestContext,
  warehouse: WarehouseModel,
  args: WarehouseInventoryLevelsArgs,
): Promise<ConnectionModel<InventoryLevelModel>> {
  const page = toPageRequest(args);
  const reader = ctx.router.readerOf("inventory", warehouse.source);
  return toConnection(await reader.listLevelsOfWarehouse(warehouse.key, { page, sort: "SKU", filter: args.filter ?? {} }));
}

/** The warehouse a stock level is in. */
export function warehouseOfLevel(ctx: RequestContext, level: InventoryLevelModel): Promise<WarehouseModel | null> {
  if (level.warehouseCode !== undefined) return ctx.loaders.warehouseByCode.load(level.warehouseCode);
  return ctx.loaders.warehouse.load({ source: level.source, key: level.warehouseKey });
}

/** Units that can be sold now: on hand minus reserved, never negative. */
export function availableOf(level: { onHand: number; reserved: number }): number {
  return Math.max(level.onHand - level.reserved, 0);
}
