/** `orderProcess`, `orderComplete` and `orderShipmentCreate`: operators moving an order along by hand. */
import { requireAdmin } from "../../auth/access.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith } from "../../common/user-errors.js";
import * as orders from "../../connectors/store/tables/orders.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import type { OrderShipmentCreateInput, OrderStatus, OrderStatusChangeInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { warehouseNamed } from "../command/input-lookups.js";
import { moveOrder, recordShipment, type OrderChangeOrigin } from "./order-fulfilment.js";
import { orderById } from "./order.service.js";

/** The most characters of a shipment's texts (the same as a backend's reported shipment). */
export const SHIPMENT_TEXT_LIMITS = { carrierCode: 32, trackingNumber: 100, trackingUrl: 2000 } as const;

/** A mutation's change: made by its principal, now. */
const byMutation = (principal: string): OrderChangeOrigin => ({ connector: null, principal, eventId: null, occurredAt: new Date() });

/** `orderProcess` (admin): the order is being picked and packed. */
export function processOrder(ctx: RequestContext, input: OrderStatusChangeInput, idempotencyKey: string): Promise<MutationOutcome> {
  return moveByOperator(ctx, "orderProcess", input, idempotencyKey, "PROCESSING");
}

/** `orderComplete` (admin): a shipped order is delivered and closed. */
export function completeOrder(ctx: RequestContext, input: OrderStatusChangeInput, idempotencyKey: string): Promise<MutationOutcome> {
  return moveByOperator(ctx, "orderComplete", input, idempotencyKey, "COMPLETED");
}

/**
 * Moves an order to `to` through the lifecycle (see {@link moveOrder}) and
 * sends an `orderStatusChange` command through the outbox in the same
 * transaction. A move the lifecycle refuses, or to the status the order is
 * already in, is a user error.
 */
async function moveByOperator(ctx: RequestContext, operation: string, input: OrderStatusChangeInput, idempotencyKey: string, to: OrderStatus): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "move orders along their lifecycle");
  const order = await orderById(ctx, input.orderId);
  return runIdempotent(ctx, operation, idempotencyKey, input, async (manager, principal, ctx) => {
    new InputCheck().id(input.orderId, ["input", "orderId"]).text(input.note, ["input", "note"], TEXT_LIMITS.reason).done();
    if (!order || order.source !== STORE) failWith("NOT_FOUND", ["input", "orderId"], "No such order in the store.");
    const note = input.note?.trim() || null;
    const moved = await moveOrder(manager, order.key, to, byMutation(principal), note);
    if (moved.outcome === "refused") failWith("INVALID_STATE", ["input", "orderId"], moved.reason);
    if (moved.outcome !== "moved") failWith("INVALID_STATE", ["input", "orderId"], `The order is already ${moved.status}.`);
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderStatusChange",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: order.number, from: moved.from, to: moved.to, note },
    });
    await orders.setLastCommand(manager, order.key, commandId);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}

/** Checks `orderShipmentCreate`'s input against its documented maxima. */
function checkShipmentInput(input: OrderShipmentCreateInput): void {
  const check = new InputCheck()
    .id(input.orderId, ["input", "orderId"])
    .id(input.warehouseId, ["input", "warehouseId"])
    .text(input.carrierCode, ["input", "carrierCode"], SHIPMENT_TEXT_LIMITS.carrierCode, { required: true })
    .text(input.trackingNumber, ["input", "trackingNumber"], SHIPMENT_TEXT_LIMITS.trackingNumber, { required: true })
    .text(input.trackingUrl, ["input", "trackingUrl"], SHIPMENT_TEXT_LIMITS.trackingUrl)
    .list(input.lines, ["input", "lines"], 1, INPUT_LIMITS.lines);
  if (input.trackingUrl != null && !isHttpUrl(input.trackingUrl)) check.fail(["input", "trackingUrl"], "An http:// or https:// URL.");
  if ((input.lines?.length ?? 0) <= INPUT_LIMITS.lines) {
    input.lines?.forEach((line, index) => {
      check.quantity(line.quantity, ["input", "lines", String(index), "quantity"]);
    });
  }
  check.done();
}

/** True for an absolute http(s) URL. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * `orderShipmentCreate` (admin): records a shipment through {@link recordShipment}
 * (lines shipped, stock taken off, order `PARTIALLY_SHIPPED` or `SHIPPED`) and
 * sends an `orderShipmentCreate` command through the outbox in the same transaction.
 */
export async function createShipment(ctx: RequestContext, input: OrderShipmentCreateInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "record shipments");
  const order = await orderById(ctx, input.orderId);
  const warehouse = input.warehouseId != null ? await warehouseNamed(ctx, input.warehouseId) : null;
  return runIdempotent(ctx, "orderShipmentCreate", idempotencyKey, input, async (manager, principal, ctx) => {
    checkShipmentInput(input);
    if (!order || order.source !== STORE) failWith("NOT_FOUND", ["input", "orderId"], "No such order in the store.");
    if (input.warehouseId != null && (!warehouse || warehouse.source !== STORE)) failWith("NOT_FOUND", ["input", "warehouseId"], `No warehouse with ID ${input.warehouseId}.`);
    const shipment = {
      externalId: null,
      carrierCode: input.carrierCode.trim(),
      trackingNumber: input.trackingNumber.trim(),
      trackingUrl: input.trackingUrl ?? null,
      warehouseId: warehouse?.key ?? null,
      shippedAt: new Date(),
      lines: input.lines ?? null,
    };
    const recorded = await recordShipment(manager, order.key, shipment, byMutation(principal));
    if (recorded.outcome !== "recorded") {
      // A mutation's shipment has no externalId, so it is never a duplicate: it is recorded or refused.
      const refusal = recorded.outcome === "refused" ? recorded.refusal : { code: "INVALID_STATE" as const, lineNumber: null };
      const index = input.lines?.findIndex((l) => l.lineNumber === refusal.lineNumber) ?? -1;
      const field = index >= 0 ? ["input", "lines", String(index), refusal.code === "NOT_FOUND" ? "lineNumber" : "quantity"] : refusal.code === "INVALID" ? ["input", "lines"] : ["input", "orderId"];
      failWith(refusal.code, field, recorded.outcome === "refused" ? recorded.reason : "The shipment is already recorded.");
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderShipmentCreate",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: {
        number: order.number,
        externalId: null,
        carrier: shipment.carrierCode,
        tracking: shipment.trackingNumber,
        url: shipment.trackingUrl,
        warehouseCode: warehouse?.code ?? null,
        shippedAt: shipment.shippedAt.toISOString(),
        lines: recorded.lines,
      },
    });
    await orders.setLastCommand(manager, order.key, commandId);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
