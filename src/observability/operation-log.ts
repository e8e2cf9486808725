import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";

/**
 * One log line per GraphQL operation — its name, type, duration and error
 * codes — and one per internal error with its stack, each on the request's
 * logger, so that every line carries the request id (`reqId`) the client got
 * in `X-Request-Id`.
 */
export function operationLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === "INTERNAL_SERVER_ERROR") contextValue.log.error({ err: error.originalError ?? error, path: error.path }, "internal error");
          }
        },
        async willSendResponse({ operationName, operation, response, contextValue }) {
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          contextValue.log.info(
            {
              operation: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round(performance.now() - started),
              ...(errors.length > 0 ? { errorCodes: [...new Set(errors.map((error) => String(error.extensions?.code ?? "UNKNOWN")))] } : {}),
            },
            "graphql operation",
          );
        },
      };
    },
  };
}
