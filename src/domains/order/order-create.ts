/** Storing a new order and holding its stock, shared by `orderPlace` and `quoteConvertToOrder`. */
import type { OrderPlacePayload } from "../../commands/command-payloads.js";
import { randomUUID } from "node:crypto";
import { fromCents, toCents } from "../../common/money.js";
import type { AccountModel, ShipToModel } from "../../models/account.js";
import type { Queryable } from "../../db/query-rows.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as orderEvents from "../../connectors/store/tables/order-events.js";
import * as orders from "../../connectors/store/tables/orders.js";
import type { OrderKind } from "../../generated/graphql.js";
import { userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import type { PricedLine } from "./order-cart.js";

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
  /** Who places it (recorded in the order's history). */
  principal: string;
}

/** The order as its `orderPlace` (or `quoteConvertToOrder`) command describes it to target systems. */
function orderCommandPayload(order: NewOrder, number: string, currency: string, total: string): OrderPlacePayload {
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

/**
 * Stores a new order (`PENDING`) with its lines and its first history entry (`PLACED`) in the caller's transaction and
 * reserves stock for the stock-checked lines; returns the order's id and the
 * command payload that describes it to target systems.
 */
export async function createOrder(tx: Queryable, order: NewOrder): Promise<{ orderId: string; payload: OrderPlacePayload }> {
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
  await orderEvents.append(tx, {
    orderId,
    kind: "PLACED",
    fromStatus: null,
    toStatus: "PENDING",
    connector: null,
    principal: order.principal,
    eventId: null,
    details: {},
    occurredAt: new Date(),
  });
  return { orderId, payload: orderCommandPayload(order, number, currency, total) };
}
