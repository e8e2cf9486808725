import { fromCents, money, toCents } from "../../common/money.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountOfReference } from "../account/account.service.js";
import { orderByRef } from "../order/order.service.js";
import { productOfReference } from "../product/product.service.js";
import { STORE } from "../../connectors/store/store-connector.js";
import { syncStatusOf } from "../../models/command.js";
import { lastCommandOf } from "../command/command.service.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import { registerInvoice } from "./invoice-register.commands.js";
import { recordPayment } from "./invoice.commands.js";
import { invoiceById, listInvoices } from "./invoice.service.js";

/** Resolvers of `schema/invoice.graphql`. */
export const invoiceResolvers: Resolvers = {
  Query: {
    invoice: (_, { id }, ctx) => invoiceById(ctx, id),
    invoices: (_, args, ctx, info) => listInvoices(ctx, args, info.path),
  },
  Mutation: {
    invoiceRegister: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await registerInvoice(ctx, input, idempotencyKey);
      return { invoice: await freshEntity(ctx, outcome, ctx.loaders.invoice, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
    },
    invoicePaymentRecord: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await recordPayment(ctx, input, idempotencyKey);
      return { invoice: await freshEntity(ctx, outcome, ctx.loaders.invoice, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
    },
  },
  Invoice: {
    id: globalIdOf("Invoice"),
    account: (invoice, _, ctx) => accountOfReference(ctx, { source: invoice.source, key: invoice.accountKey }),
    order: (invoice, _, ctx) => (invoice.orderKey ? orderByRef(ctx, { source: invoice.source, key: invoice.orderKey }) : null),
    lines: (invoice, _, ctx) => ctx.loaders.invoiceLines.load(invoice),
    payments: (invoice, _, ctx) => ctx.loaders.invoicePayments.load(invoice),
    amountDue: (invoice) =>
      money(invoice.status === "VOID" ? "0" : fromCents(toCents(invoice.total.amount) - toCents(invoice.amountPaid.amount)), invoice.total.currencyCode),
    syncStatus: async (invoice, _, ctx) => syncStatusOf(await lastCommandOf(ctx, invoice.lastCommandId)),
    lastCommand: (invoice, _, ctx) => lastCommandOf(ctx, invoice.lastCommandId),
  },
  InvoiceLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
  },
  InvoiceConnection: connectionResolvers,
};
