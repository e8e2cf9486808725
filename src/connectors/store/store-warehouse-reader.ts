import type { WarehouseReader } from "../connector.js";
import type { AddressModel } from "../../models/common.js";
import type { WarehouseModel } from "../../models/warehouse.js";
import { keysetPage } from "./keyset.js";
import { rowsByKeys, str, type Query, type Row } from "./sql.js";

const SORT_COLUMNS = { CODE: "w.code", NAME: "w.name" } as const;

/** Warehouses from the `warehouse` table. */
export function storeWarehouseReader(query: Query, source: string): WarehouseReader {
  const map = (row: Row): WarehouseModel => ({
    source,
    key: str(row, "id"),
    code: str(row, "code"),
    name: str(row, "name"),
    address: row.address as AddressModel,
  });
  return {
    byKeys: (keys) => rowsByKeys(query, "SELECT * FROM warehouse WHERE id = ANY($1::uuid[])", keys, (r) => str(r, "id"), map, { uuidKeys: true }),
    byCodes: (codes) => rowsByKeys(query, "SELECT * FROM warehouse WHERE code = ANY($1::text[])", codes, (r) => str(r, "code"), map),
    list: ({ page, sort }) =>
      keysetPage(
        query,
        { select: "w.*", from: "warehouse w", where: [], params: [], sort: { column: SORT_COLUMNS[sort], type: "text" }, key: "w.id", descending: false, map },
        page,
      ),
  };
}
