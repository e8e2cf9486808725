import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { RequestContext } from "../context.js";
import { limitCodeOf } from "./query-limits.js";

/**
 * Formats every error: puts the precise code of a refused document back in
 * `extensions.code` (see `query-limits.ts`), and in production hides the
 * message of an internal error — also one raised before any plugin runs,
 * such as while the request's context is built.
 */
export function errorFormatter(production: boolean): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  return (formatted) => {
    const code = limitCodeOf(formatted.message, formatted.extensions);
    if (code) {
      const { limitCode: _limitCode, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    const internal = formatted.extensions?.code === undefined || formatted.extensions.code === "INTERNAL_SERVER_ERROR";
    if (production && internal) return { message: "Internal server error.", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
    return formatted;
  };
}

/**
 * In production an unexpected error never shows its message (the operation
 * log has it, with the request id): the client gets a plain message with that
 * id to quote. Errors with a code a client can act on are left as they are.
 */
export function errorMaskingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === "INTERNAL_SERVER_ERROR" || error.extensions?.code === undefined
              ? { message: `Internal server error. Quote request ${contextValue.requestId} when you report it.`, ...(error.path ? { path: error.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR", requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
