import { fromCents, money, toCents } from "../../common/money.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountByRef } from "../account/account.service.js";
import { orderByRef } from "../order/order.service.js";
import { productOfReference } from "../product/product.service.js";
import { invoiceById, listInvoices } from "./invoice.service.js";

/** Resolvers of `schema/invoice.graphql`. */
export const invoiceResolvers: Resolvers = {
  Query: {
    invoice: (_, { id }, ctx) => invoiceById(ctx, id),
    invoices: (_, args, ctx) => listInvoices(ctx, args),
  },
  Invoice: {
    id: globalIdOf("Invoice"),
    account: async (invoice, _, ctx) => (await accountByRef(ctx, { source: invoice.source, key: invoice.accountKey }))!,
    order: (invoice, _, ctx) => (invoice.orderKey ? orderByRef(ctx, { source: invoice.source, key: invoice.orderKey }) : null),
    lines: (invoice, _, ctx) => ctx.loaders.invoiceLines.load(invoice),
    payments: (invoice, _, ctx) => ctx.loaders.invoicePayments.load(invoice),
    amountDue: (invoice) =>
      money(invoice.status === "VOID" ? "0" : fromCents(toCents(invoice.total.amount) - toCents(invoice.amountPaid.amount)), invoice.total.currencyCode),
  },
  InvoiceLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
  },
  InvoiceConnection: connectionResolvers,
};
