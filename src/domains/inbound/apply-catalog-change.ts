import * as inventory from "../../connectors/store/tables/inventory.js";
import * as products from "../../connectors/store/tables/products.js";
import * as warehouses from "../../connectors/store/tables/warehouses.js";
import type { InboundChange } from "../../commands/inbound-changes.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { applied, parked, rejected, stale, type ApplyContext, type ChangeOutcome } from "./change-outcome.js";

type StockLevelChange = Extract<InboundChange, { type: "stock.level" }>;
type ProductUpsertChange = Extract<InboundChange, { type: "product.upsert" }>;

/**
 * `stock.level`: sets the quantity on hand (and restock date) of a product in
 * a warehouse, marked synced from the connector, and sends `inventorySet` to
 * the other targets. Parked until the product exists; an unknown warehouse is
 * rejected; stale when older than what the level was last synced from the
 * same connector as of (a later level, or the product withdrawn).
 */
export async function applyStockLevel(ctx: ApplyContext, change: StockLevelChange): Promise<ChangeOutcome> {
  const productId = await products.idBySku(ctx.tx, change.sku);
  if (!productId) return parked(`waits for product ${change.sku}`);
  const warehouseId = await warehouses.idByCode(ctx.tx, change.warehouseCode);
  if (!warehouseId) return rejected(`no warehouse has code ${change.warehouseCode}`);
  const synced = await inventory.syncedAt(ctx.tx, productId, warehouseId, ctx.connector);
  if (synced !== null && synced > change.occurredAt) return stale;
  const restockDate = change.restockDate ?? null;
  await inventory.upsertSynced(ctx.tx, { productKey: productId, warehouseKey: warehouseId, onHand: change.quantity, restockDate }, ctx.connector, change.occurredAt);
  const commandId = await enqueueCommand(ctx.tx, ctx.router, {
    type: "inventorySet",
    aggregateId: productId,
    idempotencyKey: ctx.idempotencyKey,
    principal: ctx.principal,
    origin: ctx.connector,
    payload: { sku: change.sku, warehouseCode: change.warehouseCode, onHand: change.quantity, restockDate },
  });
  await products.setLastCommand(ctx.tx, productId, commandId);
  return applied();
}

/**
 * `product.upsert`: inserts or updates a product by SKU (name, description,
 * price, currency, images), marked synced from the connector, and sends
 * `productUpdate` to the other targets. `available: false` (the backend no
 * longer sells it) leaves no stock of it on hand anywhere, so the store shows
 * it as out of stock (each emptied warehouse also sends `inventorySet`).
 */
export async function applyProductUpsert(ctx: ApplyContext, change: ProductUpsertChange): Promise<ChangeOutcome> {
  const p = change.product;
  if (p.listPrice.startsWith("-")) return rejected(`product ${p.sku}: a list price cannot be negative (${p.listPrice})`);
  const { id, inserted } = await products.upsertSynced(
    ctx.tx,
    { sku: p.sku, name: p.name, description: p.description ?? null, listPrice: p.listPrice, currencyCode: p.currencyCode ?? null, images: p.images ?? null },
    ctx.connector,
  );
  const command = { idempotencyKey: ctx.idempotencyKey, principal: ctx.principal, origin: ctx.connector, aggregateId: id };
  let commandId = await enqueueCommand(ctx.tx, ctx.router, {
    ...command,
    type: "productUpdate",
    payload: { sku: p.sku, name: p.name, listPrice: p.listPrice, ...(p.description !== undefined ? { description: p.description } : {}) },
  });
  if (p.available === false) {
    for (const level of await inventory.emptyEverywhere(ctx.tx, id, ctx.connector, change.occurredAt)) {
      commandId = await enqueueCommand(ctx.tx, ctx.router, {
        ...command,
        type: "inventorySet",
        payload: { sku: p.sku, warehouseCode: level.code, onHand: 0, restockDate: null },
      });
    }
  }
  await products.setLastCommand(ctx.tx, id, commandId);
  return applied(inserted);
}

/** When the level a `stock.level` names was last synced from `connector` as of (null: never, or unknown product or warehouse). */
export async function stockSyncedAt(ctx: ApplyContext, change: StockLevelChange): Promise<Date | null> {
  const productId = await products.idBySku(ctx.tx, change.sku);
  const warehouseId = await warehouses.idByCode(ctx.tx, change.warehouseCode);
  return productId && warehouseId ? inventory.syncedAt(ctx.tx, productId, warehouseId, ctx.connector) : null;
}
