import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import type { SecurityOptions } from "./security-options.js";

/**
 * Errors of a refused document name the limit in `extensions.code`
 * (Apollo files every validation error under GRAPHQL_VALIDATION_FAILED first;
 * {@link limitCodeOf} puts the precise code back when the error is formatted).
 */
function limitError(message: string, code: string, limit: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { limitCode: code, limit } });
}

/** The precise code of a refused document's error, if it is one. */
export function limitCodeOf(message: string, extensions: Record<string, unknown> | undefined): string | undefined {
  if (typeof extensions?.limitCode === "string") return extensions.limitCode;
  return /Document contains more tha[nt] \d+ tokens/.test(message) ? "TOO_MANY_TOKENS" : undefined;
}

function reject(code: string, limit: Record<string, number>): GraphQLArmorRejectCallback[] {
  return [(context, error) => context?.reportError(limitError(error.message, code, limit))];
}

/** Fields at the root of each operation, fragments included (each named fragment once, as execution merges them). */
function maxRootFieldsRule(max: number): ValidationRule {
  const count = (context: ValidationContext, set: SelectionSetNode, visited: Set<string>): number =>
    set.selections.reduce((sum, s) => {
      if (s.kind === Kind.FIELD) return sum + (s.name.value === "__typename" ? 0 : 1);
      if (s.kind === Kind.FRAGMENT_SPREAD && visited.has(s.name.value)) return sum;
      if (s.kind === Kind.FRAGMENT_SPREAD) visited.add(s.name.value);
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : context.getFragment(s.name.value);
      return sum + (fragment ? count(context, fragment.selectionSet, visited) : 0);
    }, 0);
  return (context) => ({
    OperationDefinition(node) {
      const fields = count(context, node.selectionSet, new Set());
      if (fields > max) context.reportError(limitError(`An operation may ask for at most ${max} root fields; this one asks for ${fields}. Split it.`, "TOO_MANY_ROOT_FIELDS", { maxRootFields: max }));
    },
  });
}

/**
 * The document limits, checked before anything runs: depth, aliases and
 * directives (graphql-armor), root fields (here), and in production no
 * "Did you mean …?" suggestions. Tokens are limited by the parser itself
 * (`parseOptions.maxTokens`).
 */
export function queryLimits(options: SecurityOptions): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: options.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: reject("QUERY_TOO_DEEP", { maxDepth: options.maxDepth }) },
    maxAliases: { n: options.maxAliases, propagateOnRejection: false, onReject: reject("TOO_MANY_ALIASES", { maxAliases: options.maxAliases }) },
    maxDirectives: { n: options.maxDirectives, propagateOnRejection: false, onReject: reject("TOO_MANY_DIRECTIVES", { maxDirectives: options.maxDirectives }) },
    // graphql-js's own parser limit (parseOptions.maxTokens) stops a huge document while it is parsed.
    maxTokens: { enabled: false },
    // Cost is ours (connections cost by first/last): see cost-plugin.ts.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();
  // graphql-armor's types name Apollo's CommonJS build; the plugins are the same objects.
  return { plugins: protection.plugins as unknown as ApolloServerPlugin[], validationRules: [...protection.validationRules, maxRootFieldsRule(options.maxRootFields)] };
}
