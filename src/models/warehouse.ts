import type { AddressModel, RecordSourceModel, SourceRef } from "./common.js";

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
  /** The warehouse by code, for a connector that knows stock but not warehouses (its `warehouseKey` is then empty). */
  warehouseCode?: string;
  onHand: number;
  reserved: number;
  /** ISO date (YYYY-MM-DD) or null. */
  restockDate: string | null;
  /** The connector whose sync or pushed change last wrote it, and when; null when none did (or the reader does not know). */
  synced?: RecordSourceModel | null;
}

/** Sort keys of the warehouse list. */
export type WarehouseSort = "CODE" | "NAME";

/** Filter of inventory-level lists. */
export interface InventoryLevelFilterModel {
  available?: boolean | null;
}

/** A line of a stock reservation (keys in the store). */
export interface StockReservationLineModel {
  source: string;
  productKey: string;
  warehouseKey: string;
  quantity: number;
}

/** Stock held for a cart or batch of orders. */
export interface StockReservationModel {
  key: string;
  principal: string;
  reference: string | null;
  expiresAt: Date;
  releasedAt: Date | null;
  releaseReason: string | null;
  createdAt: Date;
  lines: StockReservationLineModel[];
}
