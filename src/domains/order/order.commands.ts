import { randomUUID } from "node:crypto";
import type { OrderPlacePayload } from "../../commands/command-payloads.js";
import type { EntityManager } from "typeorm";
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId, isUuid, parseGlobalId, toGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { computedAmountError, INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { storeAccountOf } from "../account/store-account.js";
import { lockInventoryRows } from "../warehouse/inventory-locks.js";
import type { RequestContext } from "../../context.js";
import type { AccountModel, ShipToModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";
import type { ProductModel } from "../../models/product.js";
import { returnedRows } from "../../db/returning.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";
import { isAdmin } from "../../auth/principal.js";
import { resolvePrice } from "../product/product-price.js";
import { unitsOfProduct } from "../product/product.service.js";
import { orderById } from "./order.service.js";

/** A cart line as the client sends it. */
interface LineInput {
  productId?: string | null;
  sku?: string | null;
  quantity: number;
  unit?: string | null;
  warehouseId?: string | null;
}

/** The `input` of `orderPlace`. */
export interface OrderPlaceInput {
  accountId?: string | null;
  shipToId?: string | null;
  kind?: "ORDER" | "PREORDER" | null;
  poNumber?: string | null;
  notes?: string | null;
  lines: readonly LineInput[];
  paymentMethodId?: string | null;
}

/** A validated, priced line. */
export interface PricedLine {
  product: ProductModel;
  quantity: number;
  unit: string;
  factor: number;
  unitPrice: string;
  lineTotal: string;
  currency: string;
  warehouseKey: string | null;
  checkStock: boolean;
}

/** The account an order is placed for: a customer's own; for admin keys the one named. */
export function buyerOf(ctx: RequestContext, accountId: string | null | undefined): SourceRef {
  const requested = accountId != null ? expectGlobalId(accountId, "Account", "input.accountId") : null;
  const ref = requested ? { source: requested.connector, key: requested.key } : null;
  const principal = ctx.principal;
  if (principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to place orders.");
  if (principal.kind === "CUSTOMER") {
    if (ref && (ref.source !== principal.account.source || ref.key !== principal.account.key)) throw forbidden("Customers may only order for their own account.");
    return principal.account;
  }
  if (!isAdmin(principal)) throw forbidden("Ordering and asking for quotes need a customer access token or an admin API key.");
  if (!ref) throw badUserInput("`input.accountId` is required when ordering with an API key.", "input.accountId");
  return ref;
}

async function productOfLine(ctx: RequestContext, line: LineInput, field: string[]): Promise<ProductModel | UserErrorModel> {
  if ((line.productId == null) === (line.sku == null)) return { field, message: "Give either productId or sku.", code: "INVALID" };
  const product = await productNamed(ctx, line);
  if (product) return product;
  return line.productId != null
    ? { field: [...field, "productId"], message: `No product with ID ${line.productId}.`, code: "NOT_FOUND" }
    : { field: [...field, "sku"], message: `No product with SKU ${line.sku}.`, code: "NOT_FOUND" };
}

/** The warehouse a line ships from: the one asked for, the account's default, or the one with most stock. */
async function warehouseOfLine(ctx: RequestContext, line: LineInput, account: AccountModel, product: ProductModel, field: string[]): Promise<string | null | UserErrorModel> {
  if (line.warehouseId != null) {
    const warehouse = await warehouseNamed(ctx, line.warehouseId);
    return warehouse && warehouse.source === product.source ? warehouse.key : { field: [...field, "warehouseId"], message: `No warehouse with ID ${line.warehouseId}.`, code: "NOT_FOUND" };
  }
  return defaultWarehouseFor(ctx, account, product);
}

/** Where a line ships from when it names no warehouse: the account's default, else the warehouse with most stock available. */
export async function defaultWarehouseFor(ctx: RequestContext, account: AccountModel, product: ProductModel): Promise<string | null> {
  if (account.defaultWarehouseKey) return account.defaultWarehouseKey;
  const levels = await ctx.loaders.inventoryLevels.load(product);
  const best = [...levels].sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved))[0];
  return best?.warehouseKey ?? null;
}

/** Checks cart lines (of `orderPlace` and `quoteRequest`) against their maxima; only when the list itself is within its own. */
export function checkLineInputs(check: InputCheck, lines: readonly LineInput[]): InputCheck {
  check.list(lines, ["input", "lines"], 1, INPUT_LIMITS.lines);
  if (lines.length > INPUT_LIMITS.lines) return check;
  lines.forEach((line, index) => {
    const field = ["input", "lines", String(index)];
    check
      .id(line.productId, [...field, "productId"])
      .text(line.sku, [...field, "sku"], TEXT_LIMITS.code)
      .quantity(line.quantity, [...field, "quantity"])
      .text(line.unit, [...field, "unit"], TEXT_LIMITS.unit)
      .id(line.warehouseId, [...field, "warehouseId"]);
  });
  return check;
}

/** Checks `orderPlace`'s input against its documented maxima (see `input-limits.ts`). */
export function checkOrderPlaceInput(input: OrderPlaceInput): void {
  const check = new InputCheck()
    .id(input.accountId, ["input", "accountId"])
    .id(input.shipToId, ["input", "shipToId"])
    .id(input.paymentMethodId, ["input", "paymentMethodId"])
    .text(input.poNumber, ["input", "poNumber"], TEXT_LIMITS.poNumber)
    .text(input.notes, ["input", "notes"], TEXT_LIMITS.notes);
  checkLineInputs(check, input.lines).done();
}

/** Validates and prices every line; collects every problem, each naming its line. */
export async function priceLines(ctx: RequestContext, input: OrderPlaceInput, account: AccountModel): Promise<PricedLine[]> {
  const errors: UserErrorModel[] = [];
  if (input.lines.length < 1 || input.lines.length > 100) throw new UserErrors([{ field: ["input", "lines"], message: "An order needs 1 to 100 lines.", code: "INVALID" }]);
  const restricted = new Set(await ctx.loaders.restrictedProductKeys.load(account));
  const priced: PricedLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    const field = ["input", "lines", String(index)];
    const product = await productOfLine(ctx, line, field);
    if ("code" in product) {
      errors.push(product);
      continue;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      errors.push({ field: [...field, "quantity"], message: `Line ${index + 1}: quantity must be a whole number of at least 1.`, code: "INVALID" });
      continue;
    }
    if (restricted.has(product.key) && product.source === account.source) {
      errors.push({ field, message: `Line ${index + 1}: ${product.sku} may not be sold to this account.`, code: "PRODUCT_RESTRICTED" });
      continue;
    }
    const units = await unitsOfProduct(ctx, product);
    const unit = units.find((u) => u.code === (line.unit ?? product.baseUnit));
    if (!unit) {
      errors.push({ field: [...field, "unit"], message: `Line ${index + 1}: ${product.sku} is sold in ${units.map((u) => u.code).join(", ")}, not ${line.unit}.`, code: "INVALID" });
      continue;
    }
    const warehouseKey = await warehouseOfLine(ctx, line, account, product, field);
    if (warehouseKey !== null && typeof warehouseKey === "object") {
      errors.push(warehouseKey);
      continue;
    }
    if (line.quantity * unit.factor > INPUT_LIMITS.quantity) {
      errors.push({ field: [...field, "quantity"], message: `Line ${index + 1}: ${line.quantity} ${unit.code} is ${line.quantity * unit.factor} base units; a line holds at most ${INPUT_LIMITS.quantity}.`, code: "INVALID" });
      continue;
    }
    const tiers = await ctx.loaders.priceTiers.load({ product, accountKey: account.source === product.source ? account.key : null });
    const price = resolvePrice({ product, units, tiers, account, quantity: line.quantity, unitCode: unit.code });
    const tooMuch = computedAmountError(toCents(price.total.amount), [...field, "quantity"], `Line ${index + 1}'s total`);
    if (tooMuch) {
      errors.push(tooMuch);
      continue;
    }
    priced.push({
      product,
      quantity: line.quantity,
      unit: unit.code,
      factor: unit.factor,
      unitPrice: price.unitPrice.amount,
      lineTotal: price.total.amount,
      currency: price.unitPrice.currencyCode,
      warehouseKey,
      checkStock: input.kind !== "PREORDER" && !product.specialOrder,
    });
  }
  const total = computedAmountError(
    priced.reduce((sum, line) => sum + toCents(line.lineTotal), 0n),
    ["input", "lines"],
    "The total",
  );
  if (total) errors.push(total);
  if (errors.length > 0) throw new UserErrors(errors);
  return priced;
}

/** Holds stock for each stock-checked line; a line without enough available stock is a user error. */
export async function reserveStock(manager: EntityManager, lines: PricedLine[]): Promise<number[]> {
  const errors: UserErrorModel[] = [];
  const reserved: number[] = [];
  await lockInventoryRows(manager, lines.filter((l) => l.checkStock).map((l) => ({ productKey: l.product.key, warehouseKey: l.warehouseKey })));
  for (const [index, line] of lines.entries()) {
    const quantity = line.quantity * line.factor;
    if (!line.checkStock) {
      reserved.push(0);
      continue;
    }
    const updated = line.warehouseKey
      ? returnedRows(
          await manager.query(
            `UPDATE inventory_level SET reserved = reserved + $3, updated_at = now()
             WHERE product_id = $1::uuid AND warehouse_id = $2::uuid AND on_hand - reserved >= $3 RETURNING 1`,
            [line.product.key, line.warehouseKey, quantity],
          ),
        ).length
      : 0;
    if (updated === 0) errors.push({ field: ["input", "lines", String(index), "quantity"], message: `Line ${index + 1}: not enough ${line.product.sku} in stock for ${line.quantity} ${line.unit}.`, code: "NOT_ENOUGH_STOCK" });
    reserved.push(quantity);
  }
  if (errors.length > 0) throw new UserErrors(errors);
  return reserved;
}

/** What {@link createOrder} stores. */
export interface NewOrder {
  account: AccountModel;
  shipTo: ShipToModel | null;
  kind: "ORDER" | "PREORDER";
  poNumber: string | null;
  notes: string | null;
  lines: PricedLine[];
  paymentMethodId?: string | null;
}

/**
 * Stores a new order (`PENDING`) with its lines in the caller's transaction and
 * reserves stock for the stock-checked lines; returns the order's id and the
 * command payload that describes it to target systems.
 */
export async function createOrder(manager: EntityManager, order: NewOrder): Promise<{ orderId: string; payload: OrderPlacePayload }> {
  const { account, shipTo, lines } = order;
  const currency = lines[0]!.currency;
  const total = fromCents(lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0n));
  const orderId = randomUUID();
  const [{ number }] = (await manager.query(`SELECT 'SO-' || nextval('order_number_seq') AS number`)) as [{ number: string }];
  await manager.query(
    `INSERT INTO "order" (id, number, account_id, ship_to_id, kind, status, currency_code, subtotal, tax_total, shipping_total, total, po_number, notes, payment_method_id)
     VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7, 0, 0, $7, $8, $9, $10)`,
    [orderId, number, account.key, shipTo?.key ?? null, order.kind, currency, total, order.poNumber, order.notes, order.paymentMethodId ?? null],
  );
  const reserved = await reserveStock(manager, lines);
  for (const [index, line] of lines.entries()) {
    await manager.query(
      `INSERT INTO order_line (order_id, line_number, product_id, sku, quantity, unit, unit_price, line_total, warehouse_id, reserved_quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [orderId, index + 1, line.product.key, line.product.sku, line.quantity, line.unit, line.unitPrice, line.lineTotal, line.warehouseKey, reserved[index]],
    );
  }
  const payload = {
    number,
    accountCode: account.code,
    externalReferences: account.externalReferences,
    shipTo: shipTo ? { erpShipToId: shipTo.erpShipToId, name: shipTo.name, address: shipTo.address } : null,
    kind: order.kind,
    poNumber: order.poNumber,
    notes: order.notes,
    paymentMethodId: order.paymentMethodId ?? null,
    currencyCode: currency,
    total,
    lines: lines.map((line, index) => ({ lineNumber: index + 1, sku: line.product.sku, quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, lineTotal: line.lineTotal })),
  };
  return { orderId, payload };
}

/** The ship-to of an order: the one named (it must be the account's), else the account's default. */
export async function shipToFor(ctx: RequestContext, account: AccountModel, shipToId: string | null | undefined): Promise<ShipToModel | null> {
  const shipTos = await ctx.loaders.shipTosOfAccount.load(account);
  if (shipToId == null) return shipTos.find((s) => s.isDefault) ?? shipTos[0] ?? null;
  const shipTo = shipTos.find((s) => toGlobalId(s.source, "ShipTo", s.key) === shipToId);
  if (!shipTo) throw new UserErrors([{ field: ["input", "shipToId"], message: "This ship-to does not belong to the account.", code: "INVALID" }]);
  return shipTo;
}

/**
 * `orderPlace`: validates the cart, prices it for the account, reserves stock,
 * and in one transaction stores the order (`PENDING`), its lines, the outbox
 * command and the idempotency record.
 */
export async function placeOrder(ctx: RequestContext, input: OrderPlaceInput, idempotencyKey: string): Promise<MutationOutcome> {
  const buyer = buyerOf(ctx, input.accountId);
  return runIdempotent(ctx, "orderPlace", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderPlaceInput(input);
    const account = await storeAccountOf(ctx, buyer);
    if (!account) throw new UserErrors([{ field: ["input", "accountId"], message: "No such account (or it was deleted).", code: "NOT_FOUND" }]);
    const shipTo = await shipToFor(ctx, account, input.shipToId);
    const paymentMethodId = input.paymentMethodId != null ? await paymentMethodOf(manager, account, input.paymentMethodId) : null;
    const lines = await priceLines(ctx, input, account);
    const { orderId, payload } = await createOrder(manager, {
      account,
      shipTo,
      kind: input.kind ?? "ORDER",
      poNumber: input.poNumber ?? null,
      notes: input.notes ?? null,
      lines,
      paymentMethodId,
    });
    const commandId = await enqueueCommand(manager, ctx.router, { type: "orderPlace", aggregateId: orderId, idempotencyKey, principal, payload });
    await manager.query(`UPDATE "order" SET last_command_id = $2 WHERE id = $1`, [orderId, commandId]);
    return { entityKey: orderId, commandId, userErrors: [] };
  });
}

/** The key of a saved payment method of the account, or a user error. */
async function paymentMethodOf(manager: EntityManager, account: AccountModel, id: string): Promise<string> {
  const gid = parseGlobalId(id);
  const rows =
    gid?.type === "PaymentMethod" && isUuid(gid.key)
      ? ((await manager.query(`SELECT id FROM payment_method WHERE id = $1 AND account_id = $2 AND removed_at IS NULL`, [gid.key, account.key])) as Array<{ id: string }>)
      : [];
  if (!rows[0]) throw new UserErrors([{ field: ["input", "paymentMethodId"], message: "No such saved payment method on this account.", code: "NOT_FOUND" }]);
  return rows[0].id;
}

/**
 * Checks the input of `orderCancel` and `orderReturn` against its maxima:
 * the reason's length and at most {@link INPUT_LIMITS.lines} lines (a line number the order
 * does not have is NOT_FOUND, a quantity beyond what is open INVALID, as before).
 */
export function checkOrderLinesChange(input: { orderId: string; reason: string; lines?: ReadonlyArray<{ lineNumber: number; quantity: number }> | null }): void {
  const check = new InputCheck().id(input.orderId, ["input", "orderId"]).text(input.reason, ["input", "reason"], TEXT_LIMITS.reason).list(input.lines, ["input", "lines"], 0, INPUT_LIMITS.lines);
  if ((input.lines?.length ?? 0) <= INPUT_LIMITS.lines) {
    input.lines?.forEach((line, index) => {
      check.quantity(line.quantity, ["input", "lines", String(index), "quantity"]);
    });
  }
  check.done();
}

/** The `input` of `orderCancel`. */
export interface OrderCancelInput {
  orderId: string;
  reason: string;
  lines?: ReadonlyArray<{ lineNumber: number; quantity: number }> | null;
}

interface OpenLine {
  line_number: number;
  quantity: number;
  cancelled_quantity: number;
  returned_quantity: number;
  reserved_quantity: number;
  unit_price: string;
}

/**
 * `orderCancel`: cancels an order that has not shipped — all of it, or some
 * lines and quantities — releases the stock those quantities reserved, and sends the cancellation through the outbox, after the order's
 * earlier commands, never before them. An order with nothing left is `CANCELLED`.
 * Amounts are not rewritten: lines show `cancelledQuantity`, and the command
 * carries the cancelled amount for the systems that bill.
 */
export async function cancelOrder(ctx: RequestContext, input: OrderCancelInput, idempotencyKey: string): Promise<MutationOutcome> {
  const order = await orderById(ctx, input.orderId);
  return runIdempotent(ctx, "orderCancel", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderLinesChange(input);
    if (!order) throw new UserErrors([{ field: ["input", "orderId"], message: "No such order.", code: "NOT_FOUND" }]);
    const [row] = (await manager.query(`SELECT status, number FROM "order" WHERE id = $1 FOR UPDATE`, [order.key])) as Array<{ status: string; number: string }>;
    if (!row || !["PENDING", "OPEN", "PROCESSING"].includes(row.status)) {
      throw new UserErrors([{ field: ["input", "orderId"], message: `An order that is ${row?.status ?? "gone"} cannot be cancelled.`, code: "INVALID_STATE" }]);
    }
    const [invoice] = (await manager.query(`SELECT number FROM invoice WHERE order_id = $1 AND status <> 'VOID' LIMIT 1`, [order.key])) as Array<{ number: string }>;
    if (invoice) {
      throw new UserErrors([{ field: ["input", "orderId"], message: `Order ${row.number} is invoiced (${invoice.number}); void the invoice or return the goods instead.`, code: "INVALID_STATE" }]);
    }
    const lines = (await manager.query(
      `SELECT line_number, quantity, cancelled_quantity, returned_quantity, reserved_quantity, unit_price FROM order_line WHERE order_id = $1 ORDER BY line_number`,
      [order.key],
    )) as OpenLine[];
    const open = (line: OpenLine) => line.quantity - line.cancelled_quantity;
    const wanted = input.lines ?? lines.filter((line) => open(line) > 0).map((line) => ({ lineNumber: line.line_number, quantity: open(line) }));
    const errors: UserErrorModel[] = [];
    wanted.forEach((w, index) => {
      const line = lines.find((l) => l.line_number === w.lineNumber);
      const field = ["input", "lines", String(index)];
      if (!line) errors.push({ field: [...field, "lineNumber"], message: `The order has no line ${w.lineNumber}.`, code: "NOT_FOUND" });
      else if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > open(line)) {
        errors.push({ field: [...field, "quantity"], message: `Line ${w.lineNumber}: between 1 and ${open(line)} can be cancelled.`, code: "INVALID" });
      }
    });
    if (input.lines && new Set(input.lines.map((l) => l.lineNumber)).size !== input.lines.length) errors.push({ field: ["input", "lines"], message: "Name each line once.", code: "INVALID" });
    if (input.lines?.length === 0) errors.push({ field: ["input", "lines"], message: "Name at least one line, or leave lines out to cancel the whole order.", code: "INVALID" });
    if (errors.length > 0) throw new UserErrors(errors);

    let cancelledCents = 0n;
    const stockRows = (await manager.query(`SELECT product_id, warehouse_id FROM order_line WHERE order_id = $1`, [order.key])) as Array<{ product_id: string | null; warehouse_id: string | null }>;
    await lockInventoryRows(manager, stockRows.map((r) => ({ productKey: r.product_id, warehouseKey: r.warehouse_id })));
    for (const w of wanted) {
      const line = lines.find((l) => l.line_number === w.lineNumber)!;
      // The line reserved the same number of base units for each open unit ordered.
      const release = (line.reserved_quantity / open(line)) * w.quantity;
      await manager.query(
        `UPDATE order_line SET cancelled_quantity = cancelled_quantity + $3, reserved_quantity = reserved_quantity - $4 WHERE order_id = $1 AND line_number = $2`,
        [order.key, w.lineNumber, w.quantity, release],
      );
      if (release > 0) {
        await manager.query(
          `UPDATE inventory_level il SET reserved = greatest(il.reserved - $3, 0), updated_at = now() FROM order_line l
           WHERE l.order_id = $1 AND l.line_number = $2 AND il.product_id = l.product_id AND il.warehouse_id = l.warehouse_id`,
          [order.key, w.lineNumber, release],
        );
      }
      cancelledCents += toCents(line.unit_price) * BigInt(w.quantity);
    }
    const cancelled = fromCents(cancelledCents);
    await manager.query(
      `UPDATE "order" SET updated_at = now(),
         status = CASE WHEN NOT EXISTS (SELECT 1 FROM order_line WHERE order_id = $1 AND cancelled_quantity < quantity) THEN 'CANCELLED' ELSE status END
       WHERE id = $1`,
      [order.key],
    );
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderCancel",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: row.number, reason: input.reason, whole: !input.lines, lines: wanted, amount: cancelled },
    });
    await manager.query(`UPDATE "order" SET last_command_id = $2 WHERE id = $1`, [order.key, commandId]);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
