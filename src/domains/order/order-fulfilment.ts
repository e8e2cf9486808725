/**
 * The one place that moves an order along its lifecycle or records a shipment
 * of it: the operator mutations and the inbound path (a backend's reported
 * change) both call these, inside their own transaction. Each locks the order,
 * checks the lifecycle, writes through the table modules and appends an entry
 * to the order's history (`order_event`).
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/query-rows.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as orderEvents from "../../connectors/store/tables/order-events.js";
import * as orders from "../../connectors/store/tables/orders.js";
import * as shipments from "../../connectors/store/tables/shipments.js";
import type { OrderStatus } from "../../generated/graphql.js";
import { canMove, canShip, isOrderStatus } from "./order-lifecycle.js";

/** Who moved an order: a mutation (principal) or a backend's reported change (connector + its event id). */
export interface OrderChangeOrigin {
  connector: string | null;
  principal: string | null;
  eventId: string | null;
  occurredAt: Date;
}

/** What {@link moveOrder} did. */
export type MoveOutcome =
  | { outcome: "moved"; from: OrderStatus; to: OrderStatus }
  /** The order is already in that status. */
  | { outcome: "unchanged"; status: OrderStatus }
  /** A backend's status report older than the last one applied (by `occurredAt`): ignored. */
  | { outcome: "stale"; status: OrderStatus }
  /** The lifecycle does not allow the move. */
  | { outcome: "refused"; status: OrderStatus; reason: string };

/** A shipment to record. */
export interface NewShipment {
  /** The backend's id of the shipment (makes reporting it again harmless); null for one an operator records. */
  externalId: string | null;
  carrierCode: string;
  trackingNumber: string;
  trackingUrl: string | null;
  warehouseId: string | null;
  shippedAt: Date;
  /** The lines and quantities (in the line's unit) it carries; null: everything not yet shipped. */
  lines: Array<{ lineNumber: number; quantity: number }> | null;
}

/** A line and how many of it a recorded shipment carried (in the line's unit). */
export interface ShippedLine {
  lineNumber: number;
  sku: string;
  quantity: number;
}

/** What {@link recordShipment} did. */
export type ShipmentOutcome =
  | { outcome: "recorded"; shipmentId: string; from: OrderStatus; status: OrderStatus; lines: ShippedLine[] }
  /** The order already has a shipment with this `externalId`: nothing changed. */
  | { outcome: "duplicate"; shipmentId: string }
  /** More than is left to ship, an unknown line, an order that cannot ship…: nothing changed. */
  | { outcome: "refused"; reason: string; refusal: ShipmentRefusal };

/** Why a shipment was refused, for a mutation to name the field: the order's state, or a line (by number, when one is at fault). */
export interface ShipmentRefusal {
  code: "INVALID_STATE" | "INVALID" | "NOT_FOUND";
  lineNumber: number | null;
}

/** Thrown when the order to move does not exist (the inbound path parks the change until it does). */
export class UnknownOrderError extends Error {
  constructor(readonly orderId: string) {
    super(`No order ${orderId} in the store.`);
    this.name = "UnknownOrderError";
  }
}

/** Locks the order row and returns its status and number. */
async function lockOrder(tx: Queryable, orderId: string): Promise<{ status: OrderStatus; number: string }> {
  const row = await orders.lockForUpdate(tx, orderId);
  if (!row) throw new UnknownOrderError(orderId);
  if (!isOrderStatus(row.status)) throw new Error(`Order ${row.number} has an unknown status ${row.status}.`);
  return { status: row.status, number: row.number };
}

/** The history entry's origin columns. */
function originColumns(origin: OrderChangeOrigin) {
  return { connector: origin.connector, principal: origin.principal, eventId: origin.eventId, occurredAt: origin.occurredAt };
}

/**
 * Moves an order to `to` if the lifecycle allows it and, for a backend's report
 * (an `eventId`), no later report of a status change has been applied already. `CANCELLED` cancels what is still open on every
 * line and releases its reserved stock; `RETURNED` returns what was delivered
 * (cancelling what of a partly shipped order never shipped), the same state
 * `orderCancel` / `orderReturn` of every line would leave.
 * Throws {@link UnknownOrderError} when the order does not exist.
 */
export async function moveOrder(tx: Queryable, orderId: string, to: OrderStatus, origin: OrderChangeOrigin, note?: string | null): Promise<MoveOutcome> {
  const { status: from } = await lockOrder(tx, orderId);
  if (from === to) return { outcome: "unchanged", status: from };
  const last = origin.eventId === null ? undefined : await orderEvents.lastReportedStatusChangeAt(tx, orderId);
  if (last && last > origin.occurredAt) return { outcome: "stale", status: from };
  if (!canMove(from, to)) return { outcome: "refused", status: from, reason: `An order that is ${from} cannot become ${to}.` };

  if (to === "CANCELLED") await cancelWhatIsOpen(tx, orderId);
  if (to === "RETURNED") await returnWhatWasDelivered(tx, orderId, from);
  await orders.setStatus(tx, orderId, to);
  await orderEvents.append(tx, {
    orderId,
    kind: "STATUS_CHANGED",
    fromStatus: from,
    toStatus: to,
    ...originColumns(origin),
    details: note ? { note } : {},
  });
  return { outcome: "moved", from, to };
}

/** Cancels what is still open (not cancelled, not shipped) on every line and releases the stock it reserved. */
async function cancelWhatIsOpen(tx: Queryable, orderId: string): Promise<void> {
  const lines = await orders.shippableLinesOf(tx, orderId);
  await inventory.lockLevels(tx, lines.map((l) => ({ productKey: l.product_id, warehouseKey: l.warehouse_id })));
  for (const line of lines) {
    const open = line.quantity - line.cancelled_quantity - line.shipped_quantity;
    if (open <= 0) continue;
    await orders.cancelLineQuantity(tx, orderId, line.line_number, open, line.reserved_quantity);
    if (line.reserved_quantity > 0) await inventory.releaseForOrderLine(tx, orderId, line.line_number, line.reserved_quantity);
  }
}

/** Returns everything delivered and not yet returned; of a partly shipped order, what never shipped is cancelled. */
async function returnWhatWasDelivered(tx: Queryable, orderId: string, from: OrderStatus): Promise<void> {
  if (from === "PARTIALLY_SHIPPED") await cancelWhatIsOpen(tx, orderId);
  const lines = await orders.returnableLinesOf(tx, orderId);
  for (const line of lines) {
    const returnable = line.quantity - line.cancelled_quantity - line.returned_quantity;
    if (returnable > 0) await orders.returnLineQuantity(tx, orderId, line.line_number, returnable);
  }
}

/**
 * Records a shipment of an order: adds the shipped quantities to its lines,
 * takes the shipped units off the stock on hand and off what the lines
 * reserved, and moves the order to `PARTIALLY_SHIPPED` or (all shipped)
 * `SHIPPED`. A shipment of an order already reported `SHIPPED` or `COMPLETED`
 * is recorded for what its lines have left to ship, and the status stays.
 * The same `externalId` twice for one order records one shipment.
 * Throws {@link UnknownOrderError} when the order does not exist.
 */
export async function recordShipment(tx: Queryable, orderId: string, shipment: NewShipment, origin: OrderChangeOrigin): Promise<ShipmentOutcome> {
  const { status: from, number } = await lockOrder(tx, orderId);
  if (shipment.externalId !== null) {
    const existing = await shipments.idByExternalId(tx, orderId, shipment.externalId);
    if (existing) return { outcome: "duplicate", shipmentId: existing };
  }
  // A backend may report an order SHIPPED (or COMPLETED) before it reports the shipments: they are still recorded, the status stays.
  const catchingUp = from === "SHIPPED" || from === "COMPLETED";
  if (!canShip(from) && !catchingUp) return refused(`Order ${number} is ${from}: nothing of it can ship.`, "INVALID_STATE");
  const lines = await orders.shippableLinesOf(tx, orderId);
  const left = (line: orders.ShippableLineRow) => line.quantity - line.cancelled_quantity - line.shipped_quantity;
  const wanted = shipment.lines ?? lines.filter((l) => left(l) > 0).map((l) => ({ lineNumber: l.line_number, quantity: left(l) }));
  const refusal = refusalOf(wanted, lines, left, number);
  if (refusal) return refusal;

  const shipmentId = randomUUID();
  await shipments.insert(tx, { id: shipmentId, orderId, ...shipment, connector: origin.connector });
  await inventory.lockLevels(tx, lines.map((l) => ({ productKey: l.product_id, warehouseKey: l.warehouse_id })));
  for (const w of wanted) {
    const line = lines.find((l) => l.line_number === w.lineNumber)!;
    // The line reserved the same number of base units for each unit still to ship.
    const release = w.quantity === left(line) ? line.reserved_quantity : Math.floor((line.reserved_quantity * w.quantity) / left(line));
    await shipments.insertLine(tx, shipmentId, w.lineNumber, w.quantity);
    await orders.shipLineQuantity(tx, orderId, w.lineNumber, w.quantity, release);
    if (line.product_id && line.warehouse_id) await inventory.shipFromStock(tx, line.product_id, line.warehouse_id, w.quantity * line.factor, release);
  }
  const allShipped = lines.every((l) => left(l) - (wanted.find((w) => w.lineNumber === l.line_number)?.quantity ?? 0) <= 0);
  const to: OrderStatus = catchingUp ? from : allShipped ? "SHIPPED" : "PARTIALLY_SHIPPED";
  if (to !== from) await orders.setStatus(tx, orderId, to);
  await orderEvents.append(tx, {
    orderId,
    kind: "SHIPMENT_CREATED",
    fromStatus: from,
    toStatus: to,
    ...originColumns(origin),
    details: {
      shipmentId,
      carrierCode: shipment.carrierCode,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      lines: wanted,
    },
  });
  const shipped = wanted.map((w) => ({ lineNumber: w.lineNumber, sku: lines.find((l) => l.line_number === w.lineNumber)!.sku, quantity: w.quantity }));
  return { outcome: "recorded", shipmentId, from, status: to, lines: shipped };
}

/** A refused shipment. */
function refused(reason: string, code: ShipmentRefusal["code"], lineNumber: number | null = null): ShipmentOutcome {
  return { outcome: "refused", reason, refusal: { code, lineNumber } };
}

/** Why the wanted lines cannot ship (unknown line, too many, a line twice, none); undefined when they can. */
function refusalOf(
  wanted: ReadonlyArray<{ lineNumber: number; quantity: number }>,
  lines: readonly orders.ShippableLineRow[],
  left: (line: orders.ShippableLineRow) => number,
  number: string,
): ShipmentOutcome | undefined {
  if (wanted.length === 0) return refused(`Nothing of order ${number} is left to ship.`, "INVALID_STATE");
  if (new Set(wanted.map((w) => w.lineNumber)).size !== wanted.length) return refused("Name each line once.", "INVALID");
  for (const w of wanted) {
    const line = lines.find((l) => l.line_number === w.lineNumber);
    if (!line) return refused(`Order ${number} has no line ${w.lineNumber}.`, "NOT_FOUND", w.lineNumber);
    if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > left(line)) {
      const reason = left(line) < 1 ? `Line ${w.lineNumber} of order ${number}: nothing is left to ship.` : `Line ${w.lineNumber} of order ${number}: between 1 and ${left(line)} can ship.`;
      return refused(reason, "INVALID", w.lineNumber);
    }
  }
  return undefined;
}
