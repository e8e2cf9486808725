import type { InvoiceReader } from "../connector.js";
import { money } from "../../common/money.js";
import type { InvoiceFilterModel, InvoiceModel, InvoiceSort } from "../../models/invoice.js";
import { keysetPage } from "./keyset.js";
import { rowsByKeys, uuidEquals, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";

const SORT: Record<InvoiceSort, { column: string; type: "timestamptz" | "date" }> = {
  CREATED_AT: { column: "i.created_at", type: "timestamptz" },
  DUE_DATE: { column: "i.due_date", type: "date" },
};

const INVOICE_SELECT = "i.*, i.due_date::text AS due_date_text";

function invoiceConditions(filter: InvoiceFilterModel): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filter.accountKey != null) where.push(uuidEquals("i.account_id", filter.accountKey, bind));
  if (filter.statuses) where.push(`i.status = ANY(${bind(filter.statuses)}::text[])`);
  if (filter.dueBefore) where.push(`i.due_date < ${bind(filter.dueBefore)}::date`);
  return { where, params };
}

/** Invoices, lines and payments from the store's tables. */
export function storeInvoiceReader(query: Query, source: string): InvoiceReader {
  const invoice = (row: Row): InvoiceModel => {
    const currency = str(row, "currency_code");
    return {
      source,
      key: str(row, "id"),
      number: str(row, "number"),
      accountKey: str(row, "account_id"),
      orderKey: strOrNull(row, "order_id"),
      status: str(row, "status") as InvoiceModel["status"],
      total: money(str(row, "total"), currency),
      amountPaid: money(str(row, "amount_paid"), currency),
      dueDate: str(row, "due_date_text"),
      issuedAt: row.issued_at as Date,
      lastCommandId: strOrNull(row, "last_command_id"),
    };
  };
  return {
    byKeys: (keys) =>
      rowsByKeys(query, `SELECT ${INVOICE_SELECT} FROM invoice i WHERE i.id = ANY($1::uuid[])`, keys, (r) => str(r, "id"), invoice, { uuidKeys: true }),
    list: ({ page, sort, filter }) =>
      keysetPage(query, { select: INVOICE_SELECT, from: "invoice i", ...invoiceConditions(filter), sort: SORT[sort], key: "i.id", descending: true, map: invoice }, page),
    linesOf: (keys) =>
      rowsByParent(
        query,
        `SELECT l.*, i.currency_code FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
         WHERE l.invoice_id = ANY($1::uuid[]) ORDER BY l.invoice_id, l.line_number`,
        keys,
        (r) => str(r, "invoice_id"),
        (r) => ({
          source,
          lineNumber: Number(r.line_number),
          productKey: strOrNull(r, "product_id"),
          sku: strOrNull(r, "sku"),
          description: str(r, "description"),
          quantity: Number(r.quantity),
          unitPrice: money(str(r, "unit_price"), str(r, "currency_code")),
          lineTotal: money(str(r, "line_total"), str(r, "currency_code")),
        }),
      ),
    paymentsOf: (keys) =>
      rowsByParent(
        query,
        `SELECT p.*, i.currency_code FROM invoice_payment p JOIN invoice i ON i.id = p.invoice_id
         WHERE p.invoice_id = ANY($1::uuid[]) ORDER BY p.invoice_id, p.paid_at, p.id`,
        keys,
        (r) => str(r, "invoice_id"),
        (r) => ({
          amount: money(str(r, "amount"), str(r, "currency_code")),
          method: str(r, "method"),
          reference: strOrNull(r, "reference"),
          paidAt: r.paid_at as Date,
        }),
      ),
    invoicesOfOrders: (orderKeys) =>
      rowsByParent(
        query,
        `SELECT ${INVOICE_SELECT} FROM invoice i WHERE i.order_id = ANY($1::uuid[]) ORDER BY i.order_id, i.created_at, i.id`,
        orderKeys,
        (r) => str(r, "order_id"),
        invoice,
      ),
  };
}
