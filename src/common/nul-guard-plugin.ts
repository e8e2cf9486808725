import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit } from "graphql";

/** Deepest nesting of lists and objects in a request's variables (no input type of the schema comes close). */
export const MAX_VARIABLE_DEPTH = 32;

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

/**
 * Walks `variables` without recursion (a deeply nested value cannot overflow
 * the stack): refuses nesting deeper than {@link MAX_VARIABLE_DEPTH} and text
 * (values or object keys) holding the NUL character.
 */
export function checkVariables(variables: unknown): void {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: variables, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) throw refuse("Text may not contain the NUL character (U+0000).");
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_VARIABLE_DEPTH) throw refuse(`Variables may nest lists and objects at most ${MAX_VARIABLE_DEPTH} levels deep.`);
    const entries = Array.isArray(value) ? value : Object.entries(value).flat();
    for (const item of entries) pending.push({ value: item, depth: depth + 1 });
  }
}

/**
 * Refuses, before anything runs, variables nested deeper than
 * {@link MAX_VARIABLE_DEPTH} and text containing the NUL character (U+0000),
 * in variables or in the query's string literals: PostgreSQL cannot store it
 * in text, so it would otherwise surface as an internal error.
 */
export function nulGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkVariables(request.variables ?? {});
          let found = false;
          visit(document, {
            [Kind.STRING]: (node) => {
              if (node.value.includes("\u0000")) found = true;
            },
          });
          if (found) throw refuse("Text may not contain the NUL character (U+0000).");
        },
      };
    },
  };
}
