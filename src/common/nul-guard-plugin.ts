import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit } from "graphql";

/**
 * Refuses text containing the NUL character (U+0000), in variables or in the
 * query's string literals, before anything runs: PostgreSQL cannot store it in
 * text, so it would otherwise surface as an internal error.
 */
export function nulGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = JSON.stringify(request.variables ?? {}).includes("\\u0000");
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                if (node.value.includes("\u0000")) found = true;
              },
            });
          }
          if (found) {
            throw new GraphQLError("Text may not contain the NUL character (U+0000).", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
          }
        },
      };
    },
  };
}
