import { requireAdmin } from "../../auth/access.js";
import { isIsoDate } from "../../common/arguments.js";
import { expectGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as products from "../../connectors/store/tables/products.js";
import type { InventorySetInput, ProductUpdateInput } from "../../generated/graphql.js";
import { storeProductById } from "../command/input-lookups.js";

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
    if (!product) failWith("NOT_FOUND", ["input", "productId"], "No such product.");
    const errors: UserErrorModel[] = [];
    if (input.name != null && !input.name.trim()) errors.push(userError("INVALID", ["input", "name"], "The name cannot be empty."));
    if (input.listPrice != null && !PRICE.test(input.listPrice)) errors.push(userError("INVALID", ["input", "listPrice"], "A price is zero or more, with at most two decimals."));
    (input.priceBreaks ?? []).forEach((b, i) => {
      if (!Number.isInteger(b.minQuantity) || b.minQuantity < 2) errors.push(userError("INVALID", ["input", "priceBreaks", String(i), "minQuantity"], "A break starts at 2 units or more."));
      if (!PRICE.test(b.unitPrice)) errors.push(userError("INVALID", ["input", "priceBreaks", String(i), "unitPrice"], "A price is zero or more, with at most two decimals."));
    });
    if (new Set((input.priceBreaks ?? []).map((b) => b.minQuantity)).size !== (input.priceBreaks ?? []).length) {
      errors.push(userError("INVALID", ["input", "priceBreaks"], "Each minimum quantity may appear once."));
    }
    if (errors.length > 0) throw new UserErrors(errors);

    await products.update(manager, product.key, {
      name: input.name?.trim() ?? null,
      description: input.description ?? null,
      listPrice: input.listPrice ?? null,
      specialOrder: input.specialOrder ?? null,
      presell: input.presell ?? null,
      restricted: input.restricted ?? null,
    });
    if (input.priceBreaks) {
      await products.replacePriceBreaks(
        manager,
        product.key,
        input.priceBreaks.map((b) => ({ minQuantity: b.minQuantity, unitPrice: fromCents(toCents(b.unitPrice)) })),
      );
    }
    const commandId = await enqueueCommand(manager, ctx.router, { type: "productUpdate", aggregateId: product.key, idempotencyKey, principal, payload: { sku: product.sku, ...changesOf(input) } });
    await products.setLastCommand(manager, product.key, commandId);
    return { entityKey: product.key, commandId, userErrors: [] };
  });
}

/** The fields an update sets (what target systems must change). */
function changesOf(input: ProductUpdateInput): Record<string, unknown> {
  const { productId: _productId, ...changes } = input;
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value != null));
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
    if (!product) errors.push(userError("NOT_FOUND", ["input", "productId"], "No such product."));
    if (!warehouse) errors.push(userError("NOT_FOUND", ["input", "warehouseId"], "No such warehouse."));
    if (!Number.isInteger(input.onHand) || input.onHand < 0) errors.push(userError("INVALID", ["input", "onHand"], "The quantity on hand is a whole number, zero or more."));
    if (input.restockDate != null && !isIsoDate(input.restockDate)) errors.push(userError("INVALID", ["input", "restockDate"], "Not a calendar date."));
    if (errors.length > 0 || !product || !warehouse) throw new UserErrors(errors);
    await inventory.upsertOnHand(manager, { productKey: product.key, warehouseKey: warehouse.key, onHand: input.onHand, restockDate: input.restockDate ?? null });
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "inventorySet",
      aggregateId: product.key,
      idempotencyKey,
      principal,
      payload: { sku: product.sku, warehouseCode: warehouse.code, onHand: input.onHand, restockDate: input.restockDate ?? null },
    });
    await products.setLastCommand(manager, product.key, commandId);
    return { entityKey: `${product.key}|${warehouse.key}`, commandId, userErrors: [] };
  });
}
