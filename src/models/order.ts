import type { MoneyModel, SourceRef } from "./common.js";

/** An order as connectors return it (lines and shipments load separately). */
export interface OrderModel extends SourceRef {
  number: string;
  externalNumber: string | null;
  accountKey: string;
  shipToKey: string | null;
  kind: "ORDER" | "PREORDER";
  status: "PENDING" | "OPEN" | "PROCESSING" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "RETURNED";
  subtotal: MoneyModel;
  taxTotal: MoneyModel;
  shippingTotal: MoneyModel;
  total: MoneyModel;
  poNumber: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The latest command a mutation made for this order, if any. */
  lastCommandId?: string | null;
}

/** A line of an order or a quote. */
export interface OrderLineModel {
  source: string;
  lineNumber: number;
  productKey: string | null;
  sku: string;
  quantity: number;
  unit: string;
  unitPrice: MoneyModel;
  lineTotal: MoneyModel;
  warehouseKey: string | null;
  /** How many of `quantity` were returned (order lines). */
  returnedQuantity: number;
  /** How many of `quantity` were cancelled (order lines). */
  cancelledQuantity: number;
  /** How many of `quantity` have shipped (order lines). */
  shippedQuantity: number;
}

/** A shipment of an order. */
export interface ShipmentModel {
  source: string;
  key: string;
  carrierCode: string;
  trackingNumber: string;
  trackingUrl: string | null;
  warehouseKey: string | null;
  shippedAt: Date;
  /** The order lines it carried (empty when the source does not say). */
  lines: Array<{ lineNumber: number; quantity: number }>;
}

/** One entry of an order's history (the GraphQL `OrderEvent`). */
export interface OrderEventModel {
  kind: "PLACED" | "STATUS_CHANGED" | "SHIPMENT_CREATED";
  fromStatus: OrderModel["status"] | null;
  toStatus: OrderModel["status"] | null;
  occurredAt: Date;
  recordedAt: Date;
  /** The connector that reported it; null when a mutation made it. */
  connector: string | null;
  note: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

/** Filter of order lists (account given as a key in the same connector). */
export interface OrderFilterModel {
  accountKey?: string | null;
  statuses?: string[] | null;
  kinds?: string[] | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** Sort keys of order lists. */
export type OrderSort = "CREATED_AT" | "NUMBER";
