import type { OrderReader } from "../connector.js";
import { money } from "../../common/money.js";
import type { OrderEventModel, OrderFilterModel, OrderLineModel, OrderModel, OrderSort, ShipmentModel } from "../../models/order.js";
import { keysetPage } from "./keyset.js";
import { loadByParent, queryableOf, rowsByKeys, uuidEquals, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";
import * as orderEvents from "./tables/order-events.js";
import * as shipments from "./tables/shipments.js";

const SORT: Record<OrderSort, { column: string; type: "text" | "timestamptz" }> = {
  CREATED_AT: { column: "o.created_at", type: "timestamptz" },
  NUMBER: { column: "o.number", type: "text" },
};

/** Builds the WHERE conditions of an order list. */
function orderConditions(filter: OrderFilterModel): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filter.accountKey != null) where.push(uuidEquals("o.account_id", filter.accountKey, bind));
  if (filter.statuses) where.push(`o.status = ANY(${bind(filter.statuses)}::text[])`);
  if (filter.kinds) where.push(`o.kind = ANY(${bind(filter.kinds)}::text[])`);
  if (filter.createdAfter) where.push(`o.created_at >= ${bind(filter.createdAfter)}`);
  if (filter.createdBefore) where.push(`o.created_at < ${bind(filter.createdBefore)}`);
  return { where, params };
}

/** Maps an order line or quote line row. */
export function lineOf(source: string, row: Row, currency: string): OrderLineModel {
  return {
    source,
    lineNumber: Number(row.line_number),
    productKey: strOrNull(row, "product_id"),
    sku: str(row, "sku"),
    quantity: Number(row.quantity),
    unit: str(row, "unit"),
    unitPrice: money(str(row, "unit_price"), currency),
    lineTotal: money(str(row, "line_total"), currency),
    warehouseKey: strOrNull(row, "warehouse_id"),
    returnedQuantity: Number(row.returned_quantity ?? 0),
    cancelledQuantity: Number(row.cancelled_quantity ?? 0),
    shippedQuantity: Number(row.shipped_quantity ?? 0),
  };
}

/** A text of an event's details, or null (details are JSON written by the order's history). */
function detail(details: Record<string, unknown>, name: string): string | null {
  const value = details[name];
  return typeof value === "string" ? value : null;
}

/** Maps an `order_event` row. */
function orderEventOf(row: orderEvents.OrderEventRow): OrderEventModel {
  const details = row.details ?? {};
  return {
    kind: row.kind,
    fromStatus: row.from_status as OrderEventModel["fromStatus"],
    toStatus: row.to_status as OrderEventModel["toStatus"],
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    connector: row.connector,
    note: detail(details, "note"),
    carrierCode: detail(details, "carrierCode"),
    trackingNumber: detail(details, "trackingNumber"),
    trackingUrl: detail(details, "trackingUrl"),
  };
}

/** Orders, lines, shipments and order histories from the store's tables. */
export function storeOrderReader(query: Query, source: string): OrderReader {
  const db = queryableOf(query);
  const order = (row: Row): OrderModel => {
    const currency = str(row, "currency_code");
    return {
      source,
      key: str(row, "id"),
      number: str(row, "number"),
      externalNumber: strOrNull(row, "external_number"),
      accountKey: str(row, "account_id"),
      shipToKey: strOrNull(row, "ship_to_id"),
      kind: str(row, "kind") as OrderModel["kind"],
      status: str(row, "status") as OrderModel["status"],
      subtotal: money(str(row, "subtotal"), currency),
      taxTotal: money(str(row, "tax_total"), currency),
      shippingTotal: money(str(row, "shipping_total"), currency),
      total: money(str(row, "total"), currency),
      poNumber: strOrNull(row, "po_number"),
      notes: strOrNull(row, "notes"),
      createdAt: row.created_at as Date,
      updatedAt: row.updated_at as Date,
      lastCommandId: strOrNull(row, "last_command_id"),
    };
  };
  return {
    byKeys: (keys) => rowsByKeys(query, `SELECT * FROM "order" WHERE id = ANY($1::uuid[])`, keys, (r) => str(r, "id"), order, { uuidKeys: true }),
    list: ({ page, sort, filter }) =>
      keysetPage(query, { select: "o.*", from: `"order" o`, ...orderConditions(filter), sort: SORT[sort], key: "o.id", descending: true, map: order }, page),
    linesOf: (keys) =>
      rowsByParent(
        query,
        `SELECT l.*, o.currency_code FROM order_line l JOIN "order" o ON o.id = l.order_id
         WHERE l.order_id = ANY($1::uuid[]) ORDER BY l.order_id, l.line_number`,
        keys,
        (r) => str(r, "order_id"),
        (r) => lineOf(source, r, str(r, "currency_code")),
      ),
    shipmentsOf: (keys) =>
      loadByParent(
        (orderIds) => shipments.withLinesOfOrders(db, orderIds),
        keys,
        (r) => r.order_id,
        (r): ShipmentModel => ({
          source,
          key: r.id,
          carrierCode: r.carrier_code,
          trackingNumber: r.tracking_number,
          trackingUrl: r.tracking_url,
          warehouseKey: r.warehouse_id,
          shippedAt: r.shipped_at,
          lines: r.lines,
        }),
      ),
    eventsOf: (keys) => loadByParent((orderIds) => orderEvents.ofOrders(db, orderIds), keys, (r) => r.order_id, orderEventOf),
  };
}
