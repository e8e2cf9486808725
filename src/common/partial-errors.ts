import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Path } from "graphql/jsutils/Path.js";
import { pathToArray } from "graphql/jsutils/Path.js";
import type { MissingSource } from "../connectors/merged-page.js";
import { ConnectorUnavailableError } from "../connectors/resilience.js";

/** Where errors that do not null a field are collected during a request. */
export interface PartialErrors {
  partialErrors?: GraphQLFormattedError[];
}

/**
 * Called when one source of a merged list could not be read: the list still
 * holds the other sources' items, and the response gets an error naming the
 * missing connector at the list's path. Any other error (a refused argument)
 * fails the list.
 */
export function reportMissingSource(ctx: PartialErrors, path: Path | undefined): (missing: MissingSource) => void {
  return ({ source, error }) => {
    if (!(error instanceof ConnectorUnavailableError)) throw error;
    (ctx.partialErrors ??= []).push({
      message: `${error.message}; this list holds the items of the other connectors only.`,
      ...(path ? { path: pathToArray(path) } : {}),
      extensions: { code: "CONNECTOR_UNAVAILABLE", connector: source },
    });
  };
}

/** Adds the collected partial errors to the response's `errors`. */
export function partialErrorsPlugin(): ApolloServerPlugin<PartialErrors> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.partialErrors?.length || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...contextValue.partialErrors];
        },
      };
    },
  };
}
