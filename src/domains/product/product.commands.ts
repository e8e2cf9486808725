import { requireAdmin } from "../../auth/access.js";
import { isIsoDate } from "../../common/arguments.js";
import { expectGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";
import { storeProductById } from "../command/input-lookups.js";

/** The `input` of `productUpdate`. */
export interface ProductUpdateInput {
  productId: string;
  name?: string | null;
  description?: string | null;
  listPrice?: string | null;
  priceBreaks?: ReadonlyArray<{ minQuantity: number; unitPrice: string }> | null;
  specialOrder?: boolean | null;
  presell?: boolean | null;
  restricted?: boolean | null;
}

const PRICE = /^\d+(\.\d{1,2})?$/;

/** Checks `productUpdate`'s input against its maxima (see `input-limits.ts`). */
function checkProductUpdateInput(input: ProductUpdateInput): void {
  const check = new InputCheck()
    .id(input.productId, ["input", "productId"])
    .text(input.name, ["input", "name"], TEXT_LIMITS.name)
    .text(input.description, ["input", "description"], TEXT_LIMITS.description)
    .money(input.listPrice, ["input", "listPrice"], INPUT_LIMITS.priceCents)
    .list(input.priceBreaks, ["input", "priceBreaks"], 0, INPUT_LIMITS.priceBreaks);
  if ((input.priceBreaks?.length ?? 0) <= INPUT_LIMITS.priceBreaks) {
    input.priceBreaks?.forEach((b, i) => {
      check.integer(b.minQuantity, ["input", "priceBreaks", String(i), "minQuantity"], 2, INPUT_LIMITS.quantity).money(b.unitPrice, ["input", "priceBreaks", String(i), "unitPrice"], INPUT_LIMITS.priceCents);
    });
  }
  check.done();
}

/** `productUpdate` (admin): changes the given fields only, and sends the change through the outbox. */
export async function updateProduct(ctx: RequestContext, input: ProductUpdateInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "change products");
  const product = await storeProductById(ctx, input.productId, "input.productId");
  return runIdempotent(ctx, "productUpdate", idempotencyKey, input, async (manager, principal, ctx) => {
    checkProductUpdateInput(input);
    if (!product) throw new UserErrors([{ field: ["input", "productId"], message: "No such product.", code: "NOT_FOUND" }]);
    const errors: UserErrorModel[] = [];
    if (input.name != null && !input.name.trim()) errors.push({ field: ["input", "name"], message: "The name cannot be empty.", code: "INVALID" });
    if (input.listPrice != null && !PRICE.test(input.listPrice)) errors.push({ field: ["input", "listPrice"], message: "A price is zero or more, with at most two decimals.", code: "INVALID" });
    (input.priceBreaks ?? []).forEach((b, i) => {
      if (!Number.isInteger(b.minQuantity) || b.minQuantity < 2) errors.push({ field: ["input", "priceBreaks", String(i), "minQuantity"], message: "A break starts at 2 units or more.", code: "INVALID" });
      if (!PRICE.test(b.unitPrice)) errors.push({ field: ["input", "priceBreaks", String(i), "unitPrice"], message: "A price is zero or more, with at most two decimals.", code: "INVALID" });
    });
    if (new Set((input.priceBreaks ?? []).map((b) => b.minQuantity)).size !== (input.priceBreaks ?? []).length) {
      errors.push({ field: ["input", "priceBreaks"], message: "Each minimum quantity may appear once.", code: "INVALID" });
    }
    if (errors.length > 0) throw new UserErrors(errors);

    await manager.query(
      `UPDATE product SET name = coalesce($2, name), description = coalesce($3, description), list_price = coalesce($4::numeric, list_price),
         special_order = coalesce($5, special_order), presell = coalesce($6, presell), restricted = coalesce($7, restricted), updated_at = now()
       WHERE id = $1`,
      [product.key, input.name?.trim() ?? null, input.description ?? null, input.listPrice ?? null, input.specialOrder ?? null, input.presell ?? null, input.restricted ?? null],
    );
    if (input.priceBreaks) {
      await manager.query(`DELETE FROM product_price_break WHERE product_id = $1`, [product.key]);
      for (const b of input.priceBreaks) {
        await manager.query(`INSERT INTO product_price_break (product_id, min_quantity, unit_price) VALUES ($1, $2, $3)`, [product.key, b.minQuantity, fromCents(toCents(b.unitPrice))]);
      }
    }
    const commandId = await enqueueCommand(manager, ctx.router, { type: "productUpdate", aggregateId: product.key, idempotencyKey, principal, payload: { sku: product.sku, ...changesOf(input) } });
    await manager.query(`UPDATE product SET last_command_id = $2 WHERE id = $1`, [product.key, commandId]);
    return { entityKey: product.key, commandId, userErrors: [] };
  });
}

/** The fields an update sets (what target systems must change). */
function changesOf(input: ProductUpdateInput): Record<string, unknown> {
  const { productId: _productId, ...changes } = input;
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value != null));
}

/** The `input` of `inventorySet`. */
export interface InventorySetInput {
  productId: string;
  warehouseId: string;
  onHand: number;
  restockDate?: string | null;
}

/** `inventorySet` (admin): sets the quantity on hand of a product in a warehouse (reservations stay as they are). */
export async function setInventory(ctx: RequestContext, input: InventorySetInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "set stock");
  const product = await storeProductById(ctx, input.productId, "input.productId");
  const warehouseGid = expectGlobalId(input.warehouseId, "Warehouse", "input.warehouseId");
  const warehouse = await ctx.loaders.warehouse.load({ source: warehouseGid.connector, key: warehouseGid.key });
  return runIdempotent(ctx, "inventorySet", idempotencyKey, input, async (manager, principal, ctx) => {
    new InputCheck().integer(input.onHand, ["input", "onHand"], 0, INPUT_LIMITS.onHand).done();
    const errors: UserErrorModel[] = [];
    if (!product) errors.push({ field: ["input", "productId"], message: "No such product.", code: "NOT_FOUND" });
    if (!warehouse) errors.push({ field: ["input", "warehouseId"], message: "No such warehouse.", code: "NOT_FOUND" });
    if (!Number.isInteger(input.onHand) || input.onHand < 0) errors.push({ field: ["input", "onHand"], message: "The quantity on hand is a whole number, zero or more.", code: "INVALID" });
    if (input.restockDate != null && !isIsoDate(input.restockDate)) errors.push({ field: ["input", "restockDate"], message: "Not a calendar date.", code: "INVALID" });
    if (errors.length > 0 || !product || !warehouse) throw new UserErrors(errors);
    await manager.query(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, restock_date) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, restock_date = EXCLUDED.restock_date, updated_at = now()`,
      [product.key, warehouse.key, input.onHand, input.restockDate ?? null],
    );
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "inventorySet",
      aggregateId: product.key,
      idempotencyKey,
      principal,
      payload: { sku: product.sku, warehouseCode: warehouse.code, onHand: input.onHand, restockDate: input.restockDate ?? null },
    });
    await manager.query(`UPDATE product SET last_command_id = $2 WHERE id = $1`, [product.key, commandId]);
    return { entityKey: `${product.key}|${warehouse.key}`, commandId, userErrors: [] };
  });
}
