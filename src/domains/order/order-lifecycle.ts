import type { OrderStatus } from "../../generated/graphql.js";

/**
 * The order lifecycle, the one place that says which status may follow which:
 * `PENDING` (accepted by us) → `OPEN` (confirmed by the system that fulfils it)
 * → `PROCESSING` → `PARTIALLY_SHIPPED` (some shipments) → `SHIPPED` (all of it)
 * → `COMPLETED`; `CANCELLED` before anything shipped, `RETURNED` after. A
 * backend may report a later status directly (an order shipped before we saw
 * it confirmed), so earlier statuses may jump forward.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ["OPEN", "PROCESSING", "PARTIALLY_SHIPPED", "SHIPPED", "COMPLETED", "CANCELLED"],
  OPEN: ["PROCESSING", "PARTIALLY_SHIPPED", "SHIPPED", "COMPLETED", "CANCELLED"],
  PROCESSING: ["PARTIALLY_SHIPPED", "SHIPPED", "COMPLETED", "CANCELLED"],
  PARTIALLY_SHIPPED: ["SHIPPED", "RETURNED"],
  SHIPPED: ["COMPLETED", "RETURNED"],
  COMPLETED: ["RETURNED"],
  CANCELLED: [],
  RETURNED: [],
};

/** True when `status` is one of the lifecycle's statuses. */
export function isOrderStatus(status: string): status is OrderStatus {
  return Object.hasOwn(ORDER_TRANSITIONS, status);
}

/** True when an order in status `from` may move to `to`. */
export function canMove(from: string, to: OrderStatus): boolean {
  return isOrderStatus(from) && ORDER_TRANSITIONS[from].includes(to);
}

/** An order can be cancelled (wholly or in part) while nothing of it has shipped. */
export function canBeCancelled(status: string): boolean {
  return canMove(status, "CANCELLED");
}

/** An order can be returned (wholly or in part) once something of it has shipped. */
export function canBeReturned(status: string): boolean {
  return canMove(status, "RETURNED");
}

/** A shipment can be recorded while something of the order is still to ship. */
export function canShip(status: string): boolean {
  return canMove(status, "SHIPPED");
}
