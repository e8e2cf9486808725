import { parseGlobalId } from "../../common/ids.js";
import type { RequestContext } from "../../context.js";
import type { ProductModel } from "../../models/product.js";
import type { WarehouseModel } from "../../models/warehouse.js";

/**
 * Lookups for mutation inputs: an ID that is malformed, of another type or of
 * nothing all give null, so the mutation can answer with a user error naming the field.
 */

/** The product a line names by `productId` or, failing that, by `sku`. */
export async function productNamed(ctx: RequestContext, line: { productId?: string | null; sku?: string | null }): Promise<ProductModel | null> {
  if (line.productId != null) {
    const gid = parseGlobalId(line.productId);
    return gid?.type === "Product" && ctx.router.serves("catalog", gid.connector) ? ctx.loaders.product.load({ source: gid.connector, key: gid.key }) : null;
  }
  return line.sku != null ? ctx.loaders.productBySku.load(line.sku) : null;
}

/** The warehouse a global ID names. */
export async function warehouseNamed(ctx: RequestContext, id: string): Promise<WarehouseModel | null> {
  const gid = parseGlobalId(id);
  return gid?.type === "Warehouse" && ctx.router.serves("warehouses", gid.connector) ? ctx.loaders.warehouse.load({ source: gid.connector, key: gid.key }) : null;
}
