/**
 * The store's `product` and `product_price_break` tables: every write on
 * them, each run in the caller's transaction (`tx`).
 */
import { queryRows, type Queryable } from "../../../db/query-rows.js";

/** The fields `productUpdate` may change; null leaves a field as it is. */
export interface ProductChangesRow {
  name: string | null;
  description: string | null;
  listPrice: string | null;
  specialOrder: boolean | null;
  presell: boolean | null;
  restricted: boolean | null;
}

/** Changes the given (non-null) fields of a product. */
export async function update(tx: Queryable, productKey: string, changes: ProductChangesRow): Promise<void> {
  await queryRows(
    tx,
    `UPDATE product SET name = coalesce($2, name), description = coalesce($3, description), list_price = coalesce($4::numeric, list_price),
         special_order = coalesce($5, special_order), presell = coalesce($6, presell), restricted = coalesce($7, restricted), updated_at = now()
       WHERE id = $1`,
    [productKey, changes.name, changes.description, changes.listPrice, changes.specialOrder, changes.presell, changes.restricted],
  );
}

/** A list-price quantity break: from `minQuantity` base units, `unitPrice` each. */
export interface PriceBreakRow {
  minQuantity: number;
  unitPrice: string;
}

/** Replaces every list-price break of a product (one delete, then one insert per break). */
export async function replacePriceBreaks(tx: Queryable, productKey: string, breaks: readonly PriceBreakRow[]): Promise<void> {
  await queryRows(tx, `DELETE FROM product_price_break WHERE product_id = $1`, [productKey]);
  for (const b of breaks) {
    await queryRows(tx, `INSERT INTO product_price_break (product_id, min_quantity, unit_price) VALUES ($1, $2, $3)`, [productKey, b.minQuantity, b.unitPrice]);
  }
}

/** Records the product's latest outbox command. */
export async function setLastCommand(tx: Queryable, productKey: string, commandId: string): Promise<void> {
  await queryRows(tx, `UPDATE product SET last_command_id = $2 WHERE id = $1`, [productKey, commandId]);
}

/** The id of the product with this SKU; undefined when there is none. */
export async function idBySku(tx: Queryable, sku: string): Promise<string | undefined> {
  return (await queryRows<{ id: string }>(tx, `SELECT id FROM product WHERE sku = $1`, [sku]))[0]?.id;
}

/** A product as a backend's sync reports it; null (description, images, currency) leaves a stored value as it is. */
export interface SyncedProductRow {
  sku: string;
  name: string;
  description: string | null;
  listPrice: string;
  currencyCode: string | null;
  images: readonly string[] | null;
}

/**
 * Inserts or updates a product by SKU as a backend (`connector`) reports it,
 * marking it synced from there now; returns its id and whether it was new.
 */
export async function upsertSynced(tx: Queryable, product: SyncedProductRow, connector: string): Promise<{ id: string; inserted: boolean }> {
  const images = product.images === null ? null : JSON.stringify(product.images.map((url) => ({ url })));
  const rows = await queryRows<{ id: string; inserted: boolean }>(
    tx,
    `INSERT INTO product (sku, name, description, list_price, currency_code, images, synced_from, synced_at)
       VALUES ($1, $2, coalesce($3, ''), $4::numeric, coalesce($5, 'USD'), coalesce($6::jsonb, '[]'), $7, clock_timestamp())
     ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, description = coalesce($3, product.description), list_price = EXCLUDED.list_price,
         currency_code = coalesce($5, product.currency_code), images = coalesce($6::jsonb, product.images),
         synced_from = EXCLUDED.synced_from, synced_at = EXCLUDED.synced_at, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [product.sku, product.name, product.description, product.listPrice, product.currencyCode, images, connector],
  );
  return rows[0]!;
}
