import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";

/** Reports `extensions.idempotency: { replayed }` on responses of idempotent mutations. */
export function idempotencyPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.idempotency || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, idempotency: contextValue.idempotency };
        },
      };
    },
  };
}
