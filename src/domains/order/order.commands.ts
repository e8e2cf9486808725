import { randomUUID } from "node:crypto";
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId, isUuid, parseGlobalId, toGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { computedAmountError, INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { storeAccountOf } from "../account/store-account.js";
import type { RequestContext } from "../../context.js";
import type { AccountModel, ShipToModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";
import type { ProductModel } from "../../models/product.js";
import type { Queryable } from "../../db/query-rows.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as orders from "../../connectors/store/tables/orders.js";
import type { OrderCancelInput, OrderKind, OrderLineInput, OrderPlaceInput, OrderReturnInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { isAdmin } from "../../auth/principal.js";
import { resolvePrice } from "../product/product-price.js";
import { unitsOfProduct } from "../product/product.service.js";
import { orderById } from "./order.service.js";

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

async function productOfLine(ctx: RequestContext, line: OrderLineInput, field: string[]): Promise<ProductModel | UserErrorModel> {
  if ((line.productId == null) === (line.sku == null)) return userError("INVALID", field, "Give either productId or sku.");
  const product = await productNamed(ctx, line);
  if (product) return product;
  return line.productId != null
    ? userError("NOT_FOUND", [...field, "productId"], `No product with ID ${line.productId}.`)
    : userError("NOT_FOUND", [...field, "sku"], `No product with SKU ${line.sku}.`);
}

/** The warehouse a line ships from: the one asked for, the account's default, or the one with most stock. */
async function warehouseOfLine(ctx: RequestContext, line: OrderLineInput, account: AccountModel, product: ProductModel, field: string[]): Promise<string | null | UserErrorModel> {
  if (line.warehouseId != null) {
    const warehouse = await warehouseNamed(ctx, line.warehouseId);
    return warehouse && warehouse.source === product.source ? warehouse.key : userError("NOT_FOUND", [...field, "warehouseId"], `No warehouse with ID ${line.warehouseId}.`);
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
export function checkLineInputs(check: InputCheck, lines: readonly OrderLineInput[]): InputCheck {
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
export async function priceLines(ctx: RequestContext, input: Pick<OrderPlaceInput, "lines" | "kind">, account: AccountModel): Promise<PricedLine[]> {
  const errors: UserErrorModel[] = [];
  if (input.lines.length < 1 || input.lines.length > 100) failWith("INVALID", ["input", "lines"], "An order needs 1 to 100 lines.");
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
      errors.push(userError("INVALID", [...field, "quantity"], `Line ${index + 1}: quantity must be a whole number of at least 1.`));
      continue;
    }
    if (restricted.has(product.key) && product.source === account.source) {
      errors.push(userError("PRODUCT_RESTRICTED", field, `Line ${index + 1}: ${product.sku} may not be sold to this account.`));
      continue;
    }
    const units = await unitsOfProduct(ctx, product);
    const unit = units.find((u) => u.code === (line.unit ?? product.baseUnit));
    if (!unit) {
      errors.push(userError("INVALID", [...field, "unit"], `Line ${index + 1}: ${product.sku} is sold in ${units.map((u) => u.code).join(", ")}, not ${line.unit}.`));
      continue;
    }
    const warehouseKey = await warehouseOfLine(ctx, line, account, product, field);
    if (warehouseKey !== null && typeof warehouseKey === "object") {
      errors.push(warehouseKey);
      continue;
    }
    if (line.quantity * unit.factor > INPUT_LIMITS.quantity) {
      errors.push(userError("INVALID", [...field, "quantity"], `Line ${index + 1}: ${line.quantity} ${unit.code} is ${line.quantity * unit.factor} base units; a line holds at most ${INPUT_LIMITS.quantity}.`));
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
export async function reserveStock(tx: Queryable, lines: PricedLine[]): Promise<number[]> {
  const errors: UserErrorModel[] = [];
  const reserved: number[] = [];
  await inventory.lockLevels(tx, lines.filter((l) => l.checkStock).map((l) => ({ productKey: l.product.key, warehouseKey: l.warehouseKey })));
  for (const [index, line] of lines.entries()) {
    const quantity = line.quantity * line.factor;
    if (!line.checkStock) {
      reserved.push(0);
      continue;
    }
    const held = line.warehouseKey ? await inventory.reserveIfAvailable(tx, line.product.key, line.warehouseKey, quantity) : false;
    if (!held) errors.push(userError("NOT_ENOUGH_STOCK", ["input", "lines", String(index), "quantity"], `Line ${index + 1}: not enough ${line.product.sku} in stock for ${line.quantity} ${line.unit}.`));
    reserved.push(quantity);
  }
  if (errors.length > 0) throw new UserErrors(errors);
  return reserved;
}

/** What {@link createOrder} stores. */
export interface NewOrder {
  account: AccountModel;
  shipTo: ShipToModel | null;
  kind: OrderKind;
  poNumber: string | null;
  notes: string | null;
  lines: PricedLine[];
  paymentMethodId?: string | null;
}

/** The order as its `orderPlace` (or `quoteConvertToOrder`) command describes it to target systems. */
function orderCommandPayload(order: NewOrder, number: string, currency: string, total: string) {
  const { account, shipTo, lines } = order;
  return {
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
}

/** The payload of a command that creates an order (see {@link createOrder}). */
export type OrderCommandPayload = ReturnType<typeof orderCommandPayload>;

/**
 * Stores a new order (`PENDING`) with its lines in the caller's transaction and
 * reserves stock for the stock-checked lines; returns the order's id and the
 * command payload that describes it to target systems.
 */
export async function createOrder(tx: Queryable, order: NewOrder): Promise<{ orderId: string; payload: OrderCommandPayload }> {
  const { account, shipTo, lines } = order;
  const currency = lines[0]!.currency;
  const total = fromCents(lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0n));
  const orderId = randomUUID();
  const number = await orders.nextNumber(tx);
  await orders.insert(tx, {
    id: orderId,
    number,
    accountKey: account.key,
    shipToKey: shipTo?.key ?? null,
    kind: order.kind,
    currencyCode: currency,
    total,
    poNumber: order.poNumber,
    notes: order.notes,
    paymentMethodKey: order.paymentMethodId ?? null,
  });
  const reserved = await reserveStock(tx, lines);
  for (const [index, line] of lines.entries()) {
    await orders.insertLine(tx, orderId, {
      lineNumber: index + 1,
      productKey: line.product.key,
      sku: line.product.sku,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
      warehouseKey: line.warehouseKey,
      reservedQuantity: reserved[index]!,
    });
  }
  return { orderId, payload: orderCommandPayload(order, number, currency, total) };
}

/** The ship-to of an order: the one named (it must be the account's), else the account's default. */
export async function shipToFor(ctx: RequestContext, account: AccountModel, shipToId: string | null | undefined): Promise<ShipToModel | null> {
  const shipTos = await ctx.loaders.shipTosOfAccount.load(account);
  if (shipToId == null) return shipTos.find((s) => s.isDefault) ?? shipTos[0] ?? null;
  const shipTo = shipTos.find((s) => toGlobalId(s.source, "ShipTo", s.key) === shipToId);
  if (!shipTo) failWith("INVALID", ["input", "shipToId"], "This ship-to does not belong to the account.");
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
    if (!account) failWith("NOT_FOUND", ["input", "accountId"], "No such account (or it was deleted).");
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
    await orders.setLastCommand(manager, orderId, commandId);
    return { entityKey: orderId, commandId, userErrors: [] };
  });
}

/** The key of a saved payment method of the account, or a user error. */
async function paymentMethodOf(tx: Queryable, account: AccountModel, id: string): Promise<string> {
  const gid = parseGlobalId(id);
  const key = gid?.type === "PaymentMethod" && isUuid(gid.key) ? await orders.savedPaymentMethodKey(tx, account.key, gid.key) : undefined;
  return key ?? failWith("NOT_FOUND", ["input", "paymentMethodId"], "No such saved payment method on this account.");
}

/**
 * Checks the input of `orderCancel` and `orderReturn` against its maxima:
 * the reason's length and at most {@link INPUT_LIMITS.lines} lines (a line number the order
 * does not have is NOT_FOUND, a quantity beyond what is open INVALID, as before).
 */
export function checkOrderLinesChange(input: OrderCancelInput | OrderReturnInput): void {
  const check = new InputCheck().id(input.orderId, ["input", "orderId"]).text(input.reason, ["input", "reason"], TEXT_LIMITS.reason).list(input.lines, ["input", "lines"], 0, INPUT_LIMITS.lines);
  if ((input.lines?.length ?? 0) <= INPUT_LIMITS.lines) {
    input.lines?.forEach((line, index) => {
      check.quantity(line.quantity, ["input", "lines", String(index), "quantity"]);
    });
  }
  check.done();
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
    if (!order) failWith("NOT_FOUND", ["input", "orderId"], "No such order.");
    const row = await orders.lockForUpdate(manager, order.key);
    if (!row || !["PENDING", "OPEN", "PROCESSING"].includes(row.status)) {
      failWith("INVALID_STATE", ["input", "orderId"], `An order that is ${row?.status ?? "gone"} cannot be cancelled.`);
    }
    const invoiceNumber = await orders.invoiceNumberOf(manager, order.key);
    if (invoiceNumber) {
      failWith("INVALID_STATE", ["input", "orderId"], `Order ${row.number} is invoiced (${invoiceNumber}); void the invoice or return the goods instead.`);
    }
    const lines = await orders.cancellableLinesOf(manager, order.key);
    const open = (line: orders.CancellableLineRow) => line.quantity - line.cancelled_quantity;
    const wanted = input.lines ?? lines.filter((line) => open(line) > 0).map((line) => ({ lineNumber: line.line_number, quantity: open(line) }));
    const errors: UserErrorModel[] = [];
    wanted.forEach((w, index) => {
      const line = lines.find((l) => l.line_number === w.lineNumber);
      const field = ["input", "lines", String(index)];
      if (!line) errors.push(userError("NOT_FOUND", [...field, "lineNumber"], `The order has no line ${w.lineNumber}.`));
      else if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > open(line)) {
        errors.push(userError("INVALID", [...field, "quantity"], `Line ${w.lineNumber}: between 1 and ${open(line)} can be cancelled.`));
      }
    });
    if (input.lines && new Set(input.lines.map((l) => l.lineNumber)).size !== input.lines.length) errors.push(userError("INVALID", ["input", "lines"], "Name each line once."));
    if (input.lines?.length === 0) errors.push(userError("INVALID", ["input", "lines"], "Name at least one line, or leave lines out to cancel the whole order."));
    if (errors.length > 0) throw new UserErrors(errors);

    let cancelledCents = 0n;
    const stockRows = await orders.stockOfLines(manager, order.key);
    await inventory.lockLevels(manager, stockRows.map((r) => ({ productKey: r.product_id, warehouseKey: r.warehouse_id })));
    for (const w of wanted) {
      const line = lines.find((l) => l.line_number === w.lineNumber)!;
      // The line reserved the same number of base units for each open unit ordered.
      const release = (line.reserved_quantity / open(line)) * w.quantity;
      await orders.cancelLineQuantity(manager, order.key, w.lineNumber, w.quantity, release);
      if (release > 0) await inventory.releaseForOrderLine(manager, order.key, w.lineNumber, release);
      cancelledCents += toCents(line.unit_price) * BigInt(w.quantity);
    }
    const cancelled = fromCents(cancelledCents);
    await orders.closeIfAllCancelled(manager, order.key);
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderCancel",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: row.number, reason: input.reason, whole: !input.lines, lines: wanted, amount: cancelled },
    });
    await orders.setLastCommand(manager, order.key, commandId);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
