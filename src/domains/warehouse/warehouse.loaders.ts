import type { Router } from "../../connectors/router.js";
import { keyLoader, refLoader } from "../../common/loaders.js";
import type { WarehouseModel, InventoryLevelModel } from "../../models/warehouse.js";

/** Per-request loaders for warehouses and stock levels. */
export function createWarehouseLoaders(router: Router) {
  return {
    warehouse: refLoader<WarehouseModel | null>((source, keys) => router.readerOf("warehouses", source).byKeys(keys)),
    warehouseByCode: keyLoader<WarehouseModel | null>((codes) => router.firstFound("warehouses", codes, (reader, keys) => reader.byCodes(keys))),
    inventoryLevels: refLoader<InventoryLevelModel[]>((source, keys) => router.readerOf("inventory", source).levelsOf(keys)),
  };
}
