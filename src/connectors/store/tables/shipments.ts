/**
 * The store's `shipment` and `shipment_line` tables: every statement on them,
 * run in the caller's transaction.
 */
import { queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** A shipment as it is stored. */
export interface NewShipmentRow {
  id: string;
  orderId: string;
  /** The backend's id of the shipment; null for one an operator recorded. */
  externalId: string | null;
  carrierCode: string;
  trackingNumber: string;
  trackingUrl: string | null;
  warehouseId: string | null;
  /** The connector that reported it; null for one an operator recorded. */
  connector: string | null;
  shippedAt: Date;
}

/** Stores a shipment (its lines follow with {@link insertLine}). */
export async function insert(tx: Queryable, shipment: NewShipmentRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO shipment (id, order_id, external_id, carrier_code, tracking_number, tracking_url, warehouse_id, connector, shipped_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [shipment.id, shipment.orderId, shipment.externalId, shipment.carrierCode, shipment.trackingNumber, shipment.trackingUrl, shipment.warehouseId, shipment.connector, shipment.shippedAt],
  );
}

/** Stores how many of an order line a shipment carried. */
export async function insertLine(tx: Queryable, shipmentId: string, lineNumber: number, quantity: number): Promise<void> {
  await queryRows(tx, `INSERT INTO shipment_line (shipment_id, line_number, quantity) VALUES ($1, $2, $3)`, [shipmentId, lineNumber, quantity]);
}

/** The id of the order's shipment with this backend id; undefined when there is none. */
export async function idByExternalId(tx: Queryable, orderId: string, externalId: string): Promise<string | undefined> {
  const row = await queryRow<{ id: string }>(tx, `SELECT id FROM shipment WHERE order_id = $1 AND external_id = $2`, [orderId, externalId]);
  return row?.id;
}

/** A shipment with its lines, as an order's history shows it. */
export interface ShipmentWithLinesRow {
  id: string;
  order_id: string;
  carrier_code: string;
  tracking_number: string;
  tracking_url: string | null;
  warehouse_id: string | null;
  shipped_at: Date;
  /** What it carried, by order line, in line order. */
  lines: Array<{ lineNumber: number; quantity: number }>;
}

/** The shipments of these orders with their lines, in one statement: per order, in the order they shipped. */
export function withLinesOfOrders(tx: Queryable, orderIds: readonly string[]): Promise<ShipmentWithLinesRow[]> {
  return queryRows<ShipmentWithLinesRow>(
    tx,
    `SELECT s.id, s.order_id, s.carrier_code, s.tracking_number, s.tracking_url, s.warehouse_id, s.shipped_at,
            coalesce((SELECT json_agg(json_build_object('lineNumber', l.line_number, 'quantity', l.quantity) ORDER BY l.line_number)
                      FROM shipment_line l WHERE l.shipment_id = s.id), '[]'::json) AS lines
     FROM shipment s WHERE s.order_id = ANY($1::uuid[]) ORDER BY s.order_id, s.shipped_at, s.created_at, s.id`,
    [orderIds],
  );
}
