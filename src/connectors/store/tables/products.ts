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
