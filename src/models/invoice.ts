import type { MoneyModel, SourceRef } from "./common.js";

/** An invoice as connectors return it (lines and payments load separately). */
export interface InvoiceModel extends SourceRef {
  number: string;
  accountKey: string;
  orderKey: string | null;
  status: "OPEN" | "PARTIALLY_PAID" | "PAID" | "VOID";
  total: MoneyModel;
  amountPaid: MoneyModel;
  /** ISO date. */
  dueDate: string;
  issuedAt: Date;
  /** The latest command a mutation made for it, if any. */
  lastCommandId?: string | null;
}

/** A billed line. */
export interface InvoiceLineModel {
  source: string;
  lineNumber: number;
  productKey: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: MoneyModel;
  lineTotal: MoneyModel;
}

/** A payment against an invoice. */
export interface InvoicePaymentModel {
  amount: MoneyModel;
  method: string;
  reference: string | null;
  paidAt: Date;
}

/** Filter of invoice lists. */
export interface InvoiceFilterModel {
  accountKey?: string | null;
  statuses?: string[] | null;
  /** ISO date. */
  dueBefore?: string | null;
}

/** Sort keys of invoice lists. */
export type InvoiceSort = "CREATED_AT" | "DUE_DATE";
