import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountOfReference } from "../account/account.service.js";
import { orderByRef } from "../order/order.service.js";
import { productOfReference } from "../product/product.service.js";
import { expectGlobalId } from "../../common/ids.js";
import { syncStatusOf } from "../../models/command.js";
import { lastCommandOf } from "../command/command.service.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import { STORE } from "../../connectors/store/store-connector.js";
import { orderPayload } from "../order/order.resolvers.js";
import { convertQuote, requestQuote } from "./quote.commands.js";
import { listQuotes, quoteById } from "./quote.service.js";

/** Resolvers of `schema/quote.graphql`. */
export const quoteResolvers: Resolvers = {
  Query: {
    quote: (_, { id }, ctx) => quoteById(ctx, id),
    quotes: (_, args, ctx, info) => listQuotes(ctx, args, info.path),
  },
  Mutation: {
    quoteRequest: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await requestQuote(ctx, input, idempotencyKey);
      return { quote: await freshEntity(ctx, outcome, ctx.loaders.quote, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
    },
    quoteConvertToOrder: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await convertQuote(ctx, input, idempotencyKey);
      const gid = expectGlobalId(input.quoteId, "Quote", "input.quoteId");
      const quote = await freshEntity(ctx, outcome, ctx.loaders.quote, outcome.entityKey ? { source: gid.connector, key: gid.key } : null);
      return { ...(await orderPayload(ctx, outcome)), quote };
    },
  },
  Quote: {
    id: globalIdOf("Quote"),
    account: (quote, _, ctx) => accountOfReference(ctx, { source: quote.source, key: quote.accountKey }),
    lines: (quote, _, ctx) => ctx.loaders.quoteLines.load(quote),
    convertedOrder: (quote, _, ctx) => (quote.convertedOrderKey ? orderByRef(ctx, { source: quote.source, key: quote.convertedOrderKey }) : null),
    syncStatus: async (quote, _, ctx) => syncStatusOf(await lastCommandOf(ctx, quote.lastCommandId)),
    lastCommand: (quote, _, ctx) => lastCommandOf(ctx, quote.lastCommandId),
  },
  QuoteLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
  },
  QuoteConnection: connectionResolvers,
};
