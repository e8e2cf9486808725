import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Path } from "graphql/jsutils/Path.js";
import { pathToArray } from "graphql/jsutils/Path.js";
import type { MissingSource } from "./merged-page.js";
import { isConnectorReadFailure } from "./errors.js";

/** Where errors that do not null a field are collected during a request. */
export interface PartialErrors {
  partialErrors?: GraphQLFormattedError[];
}

/**
 * Called when one source of a merged result (a list) could not be read: the
 * result still holds what the other sources gave, and the response gets an
 * error naming the missing connector at the field's path. Any other error (a
 * refused argument) fails the field.
 */
export function reportMissingSource(
  ctx: PartialErrors,
  path: Path | undefined,
  consequence = "this list holds the items of the other connectors only",
): (missing: MissingSource) => void {
  return ({ source, error }) => {
    if (!isConnectorReadFailure(error)) throw error;
    (ctx.partialErrors ??= []).push({
      message: `${error.message}; ${consequence}.`,
      ...(path ? { path: pathToArray(path) } : {}),
      extensions: { code: error.extensions.code, connector: source },
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
