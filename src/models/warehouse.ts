import type { AddressModel, SourceRef } from "./common.js";

/** A warehouse as connectors return it. */
export interface WarehouseModel extends SourceRef {
  code: string;
  name: string;
  address: AddressModel;
}

/** Stock of one product in one warehouse (keys refer to the same connector). */
export interface InventoryLevelModel {
  source: string;
  productKey: string;
  warehouseKey: string;
  onHand: number;
  reserved: number;
  /** ISO date (YYYY-MM-DD) or null. */
  restockDate: string | null;
}

/** Sort keys of the warehouse list. */
export type WarehouseSort = "CODE" | "NAME";

/** Filter of inventory-level lists. */
export interface InventoryLevelFilterModel {
  available?: boolean | null;
}
