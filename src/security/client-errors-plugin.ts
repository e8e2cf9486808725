import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * Apollo Server's own refusals of a malformed request that it raises without
 * a code (so that they would count, and be logged, as internal errors): the
 * code and message a client gets instead, by Apollo's message.
 */
const APOLLO_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  "provided sha does not match query": {
    code: "PERSISTED_QUERY_HASH_MISMATCH",
    message: "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.",
  },
  "Unsupported persisted query version": {
    code: "PERSISTED_QUERY_NOT_SUPPORTED",
    message: "Only persisted query version 1 is supported.",
  },
};

/**
 * Makes client mistakes client errors (HTTP 400 with a code, so that they are
 * neither masked nor logged as internal errors): a persisted-query hash that
 * does not match its document, an unsupported persisted-query version, and a
 * `subscription` (this API has none). Must come before the plugins that log
 * or count errors.
 */
export function clientErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "subscription") {
            throw new GraphQLError("This API has no subscriptions: send a query or a mutation.", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
          }
        },
        // Synchronous until its end, so that the plugins after it see the codes it sets.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const known = error.extensions.code === undefined ? APOLLO_CLIENT_ERRORS[error.message] : undefined;
            if (!known) continue;
            (error.extensions as Record<string, unknown>).code = known.code;
            error.message = known.message;
          }
        },
      };
    },
  };
}
