import * as orders from "../../connectors/store/tables/orders.js";
import * as warehouses from "../../connectors/store/tables/warehouses.js";
import type { InboundChange } from "../../commands/inbound-changes.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { moveOrder, recordShipment, type OrderChangeOrigin } from "../order/order-fulfilment.js";
import { applied, describeOrder, parked, rejected, stale, type ApplyContext, type ChangeOutcome } from "./change-outcome.js";

type OrderStatusChange = Extract<InboundChange, { type: "order.status" }>;
type OrderShipmentChange = Extract<InboundChange, { type: "order.shipment" }>;

/** The order's history entry: reported by the connector, with the backend's event id and time. */
function originOf(ctx: ApplyContext, change: InboundChange): OrderChangeOrigin {
  return { connector: ctx.connector, principal: null, eventId: ctx.eventId, occurredAt: change.occurredAt };
}

/**
 * `order.status`: moves the order through its lifecycle (`moveOrder`) and sends
 * `orderStatusChange` to the other targets. Already there: applied, nothing
 * sent; older than the last status report applied: stale; a move the lifecycle
 * refuses: rejected. Parked until the order exists.
 */
export async function applyOrderStatus(ctx: ApplyContext, change: OrderStatusChange): Promise<ChangeOutcome> {
  const order = await orders.findByReference(ctx.tx, change.order);
  if (!order) return parked(`waits for ${describeOrder(change.order)}`);
  const note = change.note ?? null;
  const moved = await moveOrder(ctx.tx, order.id, change.status, originOf(ctx, change), note);
  switch (moved.outcome) {
    case "unchanged":
      return applied();
    case "stale":
      return stale;
    case "refused":
      return rejected(moved.reason);
    case "moved": {
      const commandId = await enqueueCommand(ctx.tx, ctx.router, {
        type: "orderStatusChange",
        aggregateId: order.id,
        idempotencyKey: ctx.idempotencyKey,
        principal: ctx.principal,
        origin: ctx.connector,
        payload: { number: order.number, from: moved.from, to: moved.to, note },
      });
      await orders.setLastCommand(ctx.tx, order.id, commandId);
      return applied();
    }
  }
}

/**
 * `order.shipment`: records the shipment (`recordShipment`: lines, stock,
 * status) and sends `orderShipmentCreate` to the other targets. Lines named by
 * SKU go to the order's lines with that SKU, in line order, as much as each has
 * left to ship. The same shipment id again: applied, nothing changes. More than
 * is left to ship, an unknown line, SKU or warehouse: rejected. Parked until the order exists.
 */
export async function applyOrderShipment(ctx: ApplyContext, change: OrderShipmentChange): Promise<ChangeOutcome> {
  const order = await orders.findByReference(ctx.tx, change.order);
  if (!order) return parked(`waits for ${describeOrder(change.order)}`);
  const s = change.shipment;
  let warehouseId: string | null = null;
  if (s.warehouseCode) {
    warehouseId = (await warehouses.idByCode(ctx.tx, s.warehouseCode)) ?? null;
    if (!warehouseId) return rejected(`no warehouse has code ${s.warehouseCode}`);
  }
  const lines = s.lines && s.lines.length > 0 ? await linesOf(ctx, order.id, order.number, s.lines) : null;
  if (typeof lines === "string") return rejected(lines);
  const shippedAt = s.shippedAt ?? change.occurredAt;
  const recorded = await recordShipment(
    ctx.tx,
    order.id,
    { externalId: s.id, carrierCode: s.carrierCode, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl ?? null, warehouseId, shippedAt, lines },
    originOf(ctx, change),
  );
  if (recorded.outcome === "duplicate") return applied();
  if (recorded.outcome === "refused") return rejected(recorded.reason);
  const commandId = await enqueueCommand(ctx.tx, ctx.router, {
    type: "orderShipmentCreate",
    aggregateId: order.id,
    idempotencyKey: ctx.idempotencyKey,
    principal: ctx.principal,
    origin: ctx.connector,
    payload: {
      number: order.number,
      externalId: s.id,
      carrier: s.carrierCode,
      tracking: s.trackingNumber,
      url: s.trackingUrl ?? null,
      warehouseCode: s.warehouseCode ?? null,
      shippedAt: shippedAt.toISOString(),
      lines: recorded.lines,
    },
  });
  await orders.setLastCommand(ctx.tx, order.id, commandId);
  return applied();
}

/**
 * The shipment's lines by line number: a line named by number stays; one named
 * by SKU is spread over the order's lines with that SKU (in line order, as much
 * as each has left; the rest on the last, for the lifecycle to refuse). Quantities
 * for one line add up. A message when a SKU is on no line, or a line names neither.
 */
async function linesOf(
  ctx: ApplyContext,
  orderId: string,
  number: string,
  wanted: NonNullable<OrderShipmentChange["shipment"]["lines"]>,
): Promise<Array<{ lineNumber: number; quantity: number }> | string> {
  const orderLines = await orders.shippableLinesOf(ctx.tx, orderId);
  const left = new Map(orderLines.map((l) => [l.line_number, l.quantity - l.cancelled_quantity - l.shipped_quantity]));
  const byLine = new Map<number, number>();
  const add = (lineNumber: number, quantity: number) => {
    byLine.set(lineNumber, (byLine.get(lineNumber) ?? 0) + quantity);
    left.set(lineNumber, (left.get(lineNumber) ?? 0) - quantity);
  };
  for (const line of wanted) {
    if (line.lineNumber !== undefined) {
      add(line.lineNumber, line.quantity);
      continue;
    }
    if (line.sku === undefined) return `a shipment line of order ${number} names neither a line number nor a SKU`;
    const candidates = orderLines.filter((l) => l.sku === line.sku);
    if (candidates.length === 0) return `order ${number} has no line with SKU ${line.sku}`;
    let quantity = line.quantity;
    for (const [i, candidate] of candidates.entries()) {
      const take = i === candidates.length - 1 ? quantity : Math.min(quantity, Math.max(left.get(candidate.line_number) ?? 0, 0));
      if (take > 0) add(candidate.line_number, take);
      quantity -= take;
      if (quantity === 0) break;
    }
  }
  return [...byLine].map(([lineNumber, quantity]) => ({ lineNumber, quantity }));
}
