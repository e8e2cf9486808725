import type { MoneyModel, SourceRef } from "./common.js";
import type { OrderLineModel } from "./order.js";

/** A quote as connectors return it (lines load separately). */
export interface QuoteModel extends SourceRef {
  number: string;
  accountKey: string;
  status: "OPEN" | "ACCEPTED" | "CONVERTED" | "EXPIRED" | "DECLINED";
  total: MoneyModel;
  /** ISO date. */
  validUntil: string;
  convertedOrderKey: string | null;
  createdAt: Date;
  /** The latest command a mutation made for it, if any. */
  lastCommandId?: string | null;
}

/** A quote line has the shape of an order line without a warehouse. */
export type QuoteLineModel = Omit<OrderLineModel, "warehouseKey" | "returnedQuantity" | "cancelledQuantity">;

/** Filter of quote lists. */
export interface QuoteFilterModel {
  accountKey?: string | null;
  statuses?: string[] | null;
}

/** Sort keys of quote lists. */
export type QuoteSort = "CREATED_AT" | "VALID_UNTIL";
