import { assertCanReadAccount } from "../../auth/access.js";
import { exactlyOne } from "../../common/arguments.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { Resolvers } from "../../generated/graphql.js";
import { listInvoices } from "../invoice/invoice.service.js";
import { listOrders } from "../order/order.service.js";
import { restrictedProductsOf } from "../product/product.service.js";
import { listQuotes } from "../quote/quote.service.js";
import { syncStatusOf } from "../../models/command.js";
import { lastCommandOf } from "../command/command.service.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import type { RequestContext } from "../../context.js";
import type { MutationOutcome } from "../../outbox/idempotency.js";
import { addShipTo, deleteAccount, removeShipTo, updateAccount, updateShipTo } from "./account-change.commands.js";
import { createAccount } from "./account.commands.js";
import { addPaymentMethod, removePaymentMethod } from "./payment-method.commands.js";
import { accountByBusinessKey, accountById, accountByRef, externalReferencesOf, listAccounts } from "./account.service.js";

/** The payload of an account mutation: the account and command as they are now. */
async function accountPayload(ctx: RequestContext, outcome: MutationOutcome) {
  return { account: await freshEntity(ctx, outcome, ctx.loaders.account, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
}

/** The global ID of an account, for filters of its own lists. */
const accountId = globalIdOf("Account");

/** Resolvers of `schema/account.graphql`. */
export const accountResolvers: Resolvers = {
  Query: {
    account: (_, args, ctx) => {
      const { name, value } = exactlyOne(args, ["id", "email", "code"]);
      return name === "id" ? accountById(ctx, value) : accountByBusinessKey(ctx, name, value);
    },
    accounts: (_, args, ctx, info) => listAccounts(ctx, args, info.path),
  },
  Mutation: {
    accountCreate: async (_, { input, idempotencyKey }, ctx) => accountPayload(ctx, await createAccount(ctx, input, idempotencyKey)),
    accountUpdate: async (_, { input, idempotencyKey }, ctx) => accountPayload(ctx, await updateAccount(ctx, input, idempotencyKey)),
    accountDelete: async (_, { account, idempotencyKey }, ctx) => accountPayload(ctx, await deleteAccount(ctx, account, idempotencyKey)),
    shipToAdd: async (_, { input, idempotencyKey }, ctx) => accountPayload(ctx, await addShipTo(ctx, input, idempotencyKey)),
    shipToUpdate: async (_, { input, idempotencyKey }, ctx) => accountPayload(ctx, await updateShipTo(ctx, input, idempotencyKey)),
    shipToRemove: async (_, { shipToId, idempotencyKey }, ctx) => accountPayload(ctx, await removeShipTo(ctx, shipToId, idempotencyKey)),
    paymentMethodAdd: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await addPaymentMethod(ctx, input, idempotencyKey);
      return { paymentMethod: await freshEntity(ctx, outcome, ctx.loaders.paymentMethod, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
    },
    paymentMethodRemove: async (_, { paymentMethodId, idempotencyKey }, ctx) => {
      const outcome = await removePaymentMethod(ctx, paymentMethodId, idempotencyKey);
      return { removedPaymentMethodId: outcome.entityKey ? paymentMethodId : null, ...(await commandPayload(ctx, outcome)) };
    },
  },
  Account: {
    id: accountId,
    source: (account) => account.synced ?? null,
    defaultWarehouse: (account, _, ctx) =>
      account.defaultWarehouseKey ? ctx.loaders.warehouse.load({ source: account.source, key: account.defaultWarehouseKey }) : null,
    externalReferences: (account, _, ctx, info) => externalReferencesOf(ctx, account, info.path),
    shipTos: (account, _, ctx) => ctx.loaders.shipTosOfAccount.load(account),
    parentAccount: (account, _, ctx) => (account.parentKey ? accountByRef(ctx, { source: account.source, key: account.parentKey }) : null),
    subAccounts: async (account, _, ctx) => {
      const children = await ctx.loaders.subAccounts.load(account);
      // Each sub-account is an account of its own: the same read rules apply to it.
      for (const child of children) assertCanReadAccount(ctx.principal, child, "sub-account");
      return children;
    },
    restrictedProducts: (account, _, ctx) => restrictedProductsOf(ctx, account),
    paymentMethods: (account, _, ctx) => ctx.loaders.paymentMethodsOfAccount.load(account),
    orders: (account, args, ctx, info) => listOrders(ctx, { ...args, filter: { ...args.filter, accountId: accountId(account) } }, info.path),
    invoices: (account, args, ctx, info) => listInvoices(ctx, { ...args, filter: { ...args.filter, accountId: accountId(account) } }, info.path),
    quotes: (account, args, ctx, info) => listQuotes(ctx, { ...args, filter: { ...args.filter, accountId: accountId(account) } }, info.path),
    syncStatus: async (account, _, ctx) => syncStatusOf(await lastCommandOf(ctx, account.lastCommandId)),
    lastCommand: (account, _, ctx) => lastCommandOf(ctx, account.lastCommandId),
  },
  ShipTo: {
    id: globalIdOf("ShipTo"),
  },
  PaymentMethod: {
    id: globalIdOf("PaymentMethod"),
  },
  AccountConnection: connectionResolvers,
};
