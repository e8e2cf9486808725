import type { Router } from "../../connectors/router.js";
import { refLoader } from "../../common/loaders.js";
import type { InvoiceLineModel, InvoiceModel, InvoicePaymentModel } from "../../models/invoice.js";

/** Per-request loaders for invoices. */
export function createInvoiceLoaders(router: Router) {
  const invoices = (source: string) => router.readerOf("invoices", source);
  return {
    invoice: refLoader<InvoiceModel | null>((source, keys) => invoices(source).byKeys(keys)),
    invoiceLines: refLoader<InvoiceLineModel[]>((source, keys) => invoices(source).linesOf(keys)),
    invoicePayments: refLoader<InvoicePaymentModel[]>((source, keys) => invoices(source).paymentsOf(keys)),
    invoicesOfOrder: refLoader<InvoiceModel[]>((source, keys) => invoices(source).invoicesOfOrders(keys)),
  };
}
