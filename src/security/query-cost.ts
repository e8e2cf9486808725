import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type NamedTypeNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import { estimatedSearchWords, servedByTrigramIndex } from "../common/search-words.js";

/** Page size assumed for a connection asked for without `first` or `last` (the API's default). */
const DEFAULT_CONNECTION_SIZE = 20;
/** Items assumed in a plain list (order lines, stock per warehouse): short, bounded lists. */
const ASSUMED_LIST_SIZE = 10;
/** What each mutation field costs on top of its selection. */
const MUTATION_COST = 10;
/** Counting a connection (`totalCount`) visits every matching row, not one page: this on top, plus its filter again. */
export const COUNT_COST = 100;
/** Each distinct search word the trigram index serves (one with a run of 3 letters or digits). */
export const SEARCH_WORD_COST = 20;
/** A filter no index serves: a search word without a run of 3 letters or digits, `available` (stock summed for every candidate product). */
export const UNINDEXED_FILTER_COST = 100;

/**
 * The cost of an operation, computed before it runs (Shopify's model, simplified):
 * a scalar costs 0, an object 1, a connection 1 plus `first`/`last` (default 20)
 * times what each node selects, a plain list 10 times what each item selects,
 * and a mutation 10 more. What makes the database work harder is charged on
 * the connection: its filter ({@link SEARCH_WORD_COST} per search word,
 * {@link UNINDEXED_FILTER_COST} per filter no index serves) and counting it
 * ({@link COUNT_COST} plus the filter again). With `data` (the response), the
 * same walk counts the items actually returned instead: the actual cost
 * (filters and counts are charged as asked: they ran).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: unknown,
): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const walk = { schema, fragments, variables, actual: data !== undefined };
  const extra = operation.operation === "mutation" ? MUTATION_COST * rootFields(operation.selectionSet, walk, new Set()) : 0;
  return extra + selectionCost(operation.selectionSet, root, walk, data, new Set());
}

/** Fields at the root, through fragments (each fragment counted once). */
function rootFields(selectionSet: SelectionSetNode, walk: Walk, visited: Set<string>): number {
  return selectionSet.selections.reduce((sum, selection) => {
    if (selection.kind === Kind.FIELD) return sum + 1;
    const fragment = fragmentOf(selection, walk, visited);
    return sum + (fragment ? rootFields(fragment.selectionSet, walk, visited) : 0);
  }, 0);
}

/**
 * The fragment a spread or inline fragment brings in, or null when a named
 * fragment was already brought into this selection set: execution merges
 * repeated spreads, so the walk must too (else a few spreads of spreads cost
 * exponential time to walk, and a cycle never ends).
 */
function fragmentOf(selection: FragmentSpreadNode | InlineFragmentNode, walk: Walk, visited: Set<string>): { typeCondition?: NamedTypeNode | undefined; selectionSet: SelectionSetNode } | null {
  if (selection.kind === Kind.INLINE_FRAGMENT) return selection;
  if (visited.has(selection.name.value)) return null;
  visited.add(selection.name.value);
  return walk.fragments[selection.name.value] ?? null;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Count what `data` holds rather than what the arguments ask for. */
  actual: boolean;
}

/**
 * The cost of a selection set on `type`; `data` is the object it resolved to
 * (actual cost). `visited`: the named fragments already brought into this
 * level of the selection.
 */
function selectionCost(selectionSet: SelectionSetNode, type: GraphQLCompositeType, walk: Walk, data: unknown, visited: Set<string>): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) cost += fieldCost(selection, type, walk, data);
    else {
      const fragment = fragmentOf(selection, walk, visited);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? (walk.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
      if (condition) cost += selectionCost(fragment.selectionSet, condition, walk, data, visited);
    }
  }
  return cost;
}

function fieldCost(node: FieldNode, parent: GraphQLCompositeType, walk: Walk, data: unknown): number {
  if (node.name.value.startsWith("__") || !("getFields" in parent)) return 0;
  const field = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
  if (!field || isLeafType(getNamedType(field.type)) || !node.selectionSet) return 0;
  const named = getNamedType(field.type) as GraphQLCompositeType;
  const value = walk.actual ? (data as Record<string, unknown> | null | undefined)?.[node.alias?.value ?? node.name.value] : undefined;
  if (walk.actual && value == null) return 0;
  if (named.name.endsWith("Connection")) {
    // Lists inside a connection (edges, nodes) are counted once, through its size.
    const size = walk.actual ? connectionLength(value) : pageSize(node, walk.variables);
    const perItem = selectionCost(node.selectionSet, named, { ...walk, actual: false }, undefined, new Set());
    const filter = filterCost(node, walk.variables);
    const count = selectsField(node.selectionSet, "totalCount", walk, new Set()) ? COUNT_COST + filter : 0;
    return 1 + size * perItem + filter + count;
  }
  if (isList(field.type) && !parent.name.endsWith("Connection") && !parent.name.endsWith("Edge")) {
    if (!walk.actual) return 1 + listSize(node, walk.variables) * selectionCost(node.selectionSet, named, walk, undefined, new Set());
    return 1 + (value as unknown[]).reduce<number>((sum, item) => sum + selectionCost(node.selectionSet!, named, walk, item, new Set()), 0);
  }
  return 1 + selectionCost(node.selectionSet, named, walk, value, new Set());
}

/**
 * What a connection's `filter` makes the database do: each distinct search
 * word (as the store searches them: repeats and words inside others dropped),
 * more when the index cannot serve it (see `servedByTrigramIndex`), and the `available` filter.
 */
function filterCost(node: FieldNode, variables: Record<string, unknown>): number {
  const argument = node.arguments?.find((a) => a.name.value === "filter");
  const filter = argument ? (valueFromASTUntyped(argument.value, variables) as { search?: unknown; available?: unknown } | null) : null;
  if (!filter || typeof filter !== "object") return 0;
  let cost = 0;
  if (typeof filter.search === "string") {
    for (const word of estimatedSearchWords(filter.search)) cost += servedByTrigramIndex(word) ? SEARCH_WORD_COST : UNINDEXED_FILTER_COST;
  }
  if (filter.available != null) cost += UNINDEXED_FILTER_COST;
  return cost;
}

/** True when the selection (through its fragments) asks for the field `name`. */
function selectsField(selectionSet: SelectionSetNode, name: string, walk: Walk, visited: Set<string>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    const fragment = fragmentOf(selection, walk, visited);
    return fragment ? selectsField(fragment.selectionSet, name, walk, visited) : false;
  });
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Items a plain list is assumed to hold: as many as a list argument names (`nodes(ids:)`), else {@link ASSUMED_LIST_SIZE}. */
function listSize(node: FieldNode, variables: Record<string, unknown>): number {
  for (const argument of node.arguments ?? []) {
    const value = argument.value.kind === Kind.LIST ? argument.value.values : valueOf(argument.value, variables);
    if (Array.isArray(value)) return Math.max(value.length, 1);
  }
  return ASSUMED_LIST_SIZE;
}

/** `first` or `last` as the operation gives it (a literal or a variable), else the default page size. */
function pageSize(node: FieldNode, variables: Record<string, unknown>): number {
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "last") continue;
    const value = valueOf(argument.value, variables);
    if (typeof value === "number" && value > 0) return value;
  }
  return DEFAULT_CONNECTION_SIZE;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** How many items a returned connection holds. */
function connectionLength(value: unknown): number {
  const connection = value as { nodes?: unknown[]; edges?: unknown[] };
  return Math.max(connection.nodes?.length ?? 0, connection.edges?.length ?? 0);
}
