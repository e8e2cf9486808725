import type { ApolloServerPlugin } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { RequestContext } from "../context.js";
import { staticCachePolicy } from "./cache-policy.js";

/**
 * Each query's cache policy from the schema's `@cacheControl` hints (see
 * {@link staticCachePolicy}); a resolver that finds its answer depends on
 * something live narrows it through `ctx.cachePolicy`. A response without
 * errors gets `Cache-Control: max-age=N, public|private`, any other `no-store`.
 */
export function cachePolicyPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue, overallCachePolicy }) {
      contextValue.cachePolicy = overallCachePolicy;
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (operation?.operation === "query") overallCachePolicy.restrict(staticCachePolicy(schema, document, operation));
          else overallCachePolicy.restrict({ maxAge: 0 });
        },
        async willSendResponse({ response }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const clean = response.body.kind === "single" && !response.body.singleResult.errors?.length;
          response.http.headers.set("cache-control", policy && clean ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : "no-store");
        },
      };
    },
  };
}

/**
 * Whole responses to cacheable queries, kept in this process for their
 * policy's max age (Apollo's response cache plugin, on the server's in-memory
 * LRU cache). Only PUBLIC data is cacheable in this schema (the catalog), so
 * one cached response serves every client; a response with an error, partial
 * ones included, is never stored.
 */
export function responseCache(): ApolloServerPlugin<RequestContext> {
  return responseCachePlugin<RequestContext>({
    // Skips the lookup (a hash of the query and variables) for queries that could never be cached.
    shouldReadFromCache: async ({ overallCachePolicy }) => overallCachePolicy.policyIfCacheable() !== null,
    shouldWriteToCache: async ({ contextValue }) => !contextValue.partialErrors?.length,
  });
}
