import type { InventoryReader } from "../connector.js";
import type { InventoryLevelModel } from "../../models/warehouse.js";
import { keysetPage } from "./keyset.js";
import { isUuid, recordSourceOf, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";

/** Stock levels from the `inventory_level` table. */
export function storeInventoryReader(query: Query, source: string): InventoryReader {
  const level = (row: Row): InventoryLevelModel => ({
    source,
    productKey: str(row, "product_id"),
    warehouseKey: str(row, "warehouse_id"),
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    restockDate: strOrNull(row, "restock_date_text"),
    synced: recordSourceOf(row),
  });
  const columns = "il.product_id, il.warehouse_id, il.on_hand, il.reserved, il.restock_date::text AS restock_date_text, il.synced_from, il.synced_at";
  return {
    levelsOf: (productKeys) =>
      rowsByParent(
        query,
        `SELECT ${columns} FROM inventory_level il JOIN warehouse w ON w.id = il.warehouse_id
         WHERE il.product_id = ANY($1::uuid[]) ORDER BY il.product_id, w.code`,
        productKeys,
        (r) => str(r, "product_id"),
        level,
      ),
    listLevelsOfWarehouse: async (warehouseKey, { page, filter }) => {
      const where = ["il.warehouse_id = $1::uuid"];
      if (filter.available != null) where.push(`il.on_hand - il.reserved ${filter.available ? ">" : "<="} 0`);
      return keysetPage(
        query,
        {
          select: columns,
          from: "inventory_level il JOIN product p ON p.id = il.product_id",
          // An unknown warehouse key has no levels; a non-UUID one must not reach SQL as a uuid.
          where: isUuid(warehouseKey) ? where : ["false"],
          params: isUuid(warehouseKey) ? [warehouseKey] : [],
          sort: { column: "p.sku", type: "text" },
          key: "il.product_id",
          descending: false,
          map: level,
        },
        page,
      );
    },
  };
}
