import { expectGlobalId, parseGlobalId } from "../../common/ids.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import type { ProductModel } from "../../models/product.js";
import type { WarehouseModel } from "../../models/warehouse.js";

/**
 * Lookups for mutation inputs: an ID that is malformed, of another type or of
 * nothing all give null, so the mutation can answer with a user error naming the field.
 */

/**
 * The store's product a line names by `productId` (of any connector, matched
 * by SKU) or by `sku`: mutations change the store, and the outbox tells the
 * other systems. Null when the store does not hold it.
 */
export async function productNamed(ctx: RequestContext, line: { productId?: string | null; sku?: string | null }): Promise<ProductModel | null> {
  if (line.productId != null) {
    const gid = parseGlobalId(line.productId);
    if (gid?.type !== "Product" || !ctx.router.serves("catalog", gid.connector)) return null;
    const named = await ctx.loaders.product.load({ source: gid.connector, key: gid.key });
    return named && named.source !== STORE ? ctx.loaders.productBySkuIn.load({ source: STORE, key: named.sku }) : named;
  }
  return line.sku != null ? ctx.loaders.productBySkuIn.load({ source: STORE, key: line.sku }) : null;
}

/** The store's product a global ID (of any connector) names; a malformed ID is a `BAD_USER_INPUT` error, one of nothing null. */
export async function storeProductById(ctx: RequestContext, id: string, argument: string): Promise<ProductModel | null> {
  expectGlobalId(id, "Product", argument);
  return productNamed(ctx, { productId: id });
}

/** The warehouse a global ID names. */
export async function warehouseNamed(ctx: RequestContext, id: string): Promise<WarehouseModel | null> {
  const gid = parseGlobalId(id);
  return gid?.type === "Warehouse" && ctx.router.serves("warehouses", gid.connector) ? ctx.loaders.warehouse.load({ source: gid.connector, key: gid.key }) : null;
}
