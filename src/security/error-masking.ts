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
    const internal = (formatted.extensions?.code === undefined || formatted.extensions.code === "INTERNAL_SERVER_ERROR") && formatted.extensions?.changeStored !== true;
    if (production && internal) return { message: "Internal server error.", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
    return formatted;
  };
}

/**
 * In production an unexpected error never shows its message (the operation
 * log has it, with the request id): the client gets a plain message with that
 * id to quote. A connector's failure says which connector, never why (driver
 * text, addresses): the reason is logged once per connector and request, at
 * warn level, with the request id. A mutation's payload that failed after its
 * change was stored keeps its message (it holds no reason, only the code and
 * the command's id). Errors with a code a client can act on are
 * left as they are. Must come after the plugins that add errors to the response.
 */
export function errorMaskingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          const { requestId } = contextValue;
          const reasons = new Map<string, Set<string>>();
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            // A payload read that failed after the mutation committed says so, with its code only (see `afterCommit`).
            if (error.extensions?.changeStored === true) return error;
            const at = error.path ? { path: error.path } : {};
            const code = error.extensions?.code;
            if (code === "CONNECTOR_UNAVAILABLE") {
              const connector = String(error.extensions?.connector ?? "unknown");
              reasons.set(connector, (reasons.get(connector) ?? new Set()).add(error.message));
              return { message: `Connector "${connector}" is unavailable.`, ...at, extensions: { code, connector, requestId } };
            }
            if (code === "INTERNAL_SERVER_ERROR" || code === undefined) {
              return { message: `Internal server error. Quote request ${requestId} when you report it.`, ...at, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } };
            }
            return error;
          });
          for (const [connector, details] of reasons) contextValue.log.warn({ connector, detail: [...details].join(" | ") }, "connector unavailable");
        },
      };
    },
  };
}
