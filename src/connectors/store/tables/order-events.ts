/**
 * The store's `order_event` table: an order's history (placement, status
 * changes, shipments), every statement on it, run in the caller's transaction.
 */
import { queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** What happened to an order. */
export type OrderEventKind = "PLACED" | "STATUS_CHANGED" | "SHIPMENT_CREATED";

/** One entry of an order's history as it is appended. */
export interface NewOrderEventRow {
  orderId: string;
  kind: OrderEventKind;
  fromStatus: string | null;
  toStatus: string | null;
  /** The connector that reported it; null when a mutation made it. */
  connector: string | null;
  /** The principal of the mutation that made it. */
  principal: string | null;
  /** The backend's event id, for a change that came in. */
  eventId: string | null;
  /** Note, carrier, tracking… (no undefined values: they are dropped). */
  details: Record<string, unknown>;
  occurredAt: Date;
}

/** Appends one entry to an order's history. */
export async function append(tx: Queryable, event: NewOrderEventRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO order_event (order_id, kind, from_status, to_status, connector, principal, event_id, details, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [event.orderId, event.kind, event.fromStatus, event.toStatus, event.connector, event.principal, event.eventId, JSON.stringify(event.details), event.occurredAt],
  );
}

/**
 * When a backend last reported a change of the order's status (a status change
 * or a shipment that moved it, carrying the backend's event id); undefined when
 * none did. Our own changes (mutations, the store's confirmation) are stamped
 * by our clock and are not compared with a backend's.
 */
export async function lastReportedStatusChangeAt(tx: Queryable, orderId: string): Promise<Date | undefined> {
  const row = await queryRow<{ at: Date | null }>(
    tx,
    `SELECT max(occurred_at) AS at FROM order_event
     WHERE order_id = $1 AND event_id IS NOT NULL AND kind IN ('STATUS_CHANGED', 'SHIPMENT_CREATED') AND from_status IS DISTINCT FROM to_status`,
    [orderId],
  );
  return row?.at ?? undefined;
}

/** An entry of an order's history as it is stored. */
export interface OrderEventRow {
  order_id: string;
  kind: OrderEventKind;
  from_status: string | null;
  to_status: string | null;
  connector: string | null;
  details: Record<string, unknown> | null;
  occurred_at: Date;
  recorded_at: Date;
}

/** The histories of these orders, in one statement: per order, oldest first. */
export function ofOrders(tx: Queryable, orderIds: readonly string[]): Promise<OrderEventRow[]> {
  return queryRows<OrderEventRow>(
    tx,
    `SELECT order_id, kind, from_status, to_status, connector, details, occurred_at, recorded_at
     FROM order_event WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, occurred_at, id`,
    [orderIds],
  );
}
