import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountByRef } from "../account/account.service.js";
import { orderByRef } from "../order/order.service.js";
import { productOfReference } from "../product/product.service.js";
import { listQuotes, quoteById } from "./quote.service.js";

/** Resolvers of `schema/quote.graphql`. */
export const quoteResolvers: Resolvers = {
  Query: {
    quote: (_, { id }, ctx) => quoteById(ctx, id),
    quotes: (_, args, ctx) => listQuotes(ctx, args),
  },
  Quote: {
    id: globalIdOf("Quote"),
    account: async (quote, _, ctx) => (await accountByRef(ctx, { source: quote.source, key: quote.accountKey }))!,
    lines: (quote, _, ctx) => ctx.loaders.quoteLines.load(quote),
    convertedOrder: (quote, _, ctx) => (quote.convertedOrderKey ? orderByRef(ctx, { source: quote.source, key: quote.convertedOrderKey }) : null),
  },
  QuoteLine: {
    product: (line, _, ctx) => productOfReference(ctx, line),
  },
  QuoteConnection: connectionResolvers,
};
