import {
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLDirective,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** How long a response may be cached, and whether it is the same for everyone (PUBLIC) or per user (PRIVATE). */
export interface CachePolicy {
  maxAge: number;
  scope: "PUBLIC" | "PRIVATE";
}

/** A `@cacheControl` hint as written in the schema. */
interface Hint {
  maxAge?: number;
  scope?: "PUBLIC" | "PRIVATE";
  inheritMaxAge?: boolean;
}

const UNCACHEABLE: CachePolicy = { maxAge: 0, scope: "PUBLIC" };

/**
 * The cache policy of an operation from the schema's `@cacheControl` hints
 * alone, with Apollo Server's rules: a field's own hint wins, then its
 * return type's; an object-typed or root field without either is not
 * cacheable (`maxAge` 0) unless it says `inheritMaxAge`; a scalar field takes
 * its parent's. The response's policy is the smallest `maxAge` and the
 * narrowest scope of its fields.
 *
 * Computed once per parsed document (Apollo reuses the parsed document of a
 * query it has seen), not per field per request as Apollo's cache-control
 * plugin does; a resolver can still narrow it at run time.
 */
export function staticCachePolicy(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachePolicy {
  let perOperation = memo.get(document);
  if (!perOperation) memo.set(document, (perOperation = new Map()));
  let policy = perOperation.get(operation);
  if (!policy) {
    const directive = schema.getDirective("cacheControl");
    const rootType = schema.getRootType(operation.operation);
    policy = directive && rootType ? new PolicyWalk(schema, directive, document).ofSelections(rootType, operation.selectionSet, null) : UNCACHEABLE;
    perOperation.set(operation, policy);
  }
  return policy;
}

const memo = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CachePolicy>>();

/** The narrower of two policies. */
function narrowest(a: CachePolicy, b: CachePolicy): CachePolicy {
  return { maxAge: Math.min(a.maxAge, b.maxAge), scope: a.scope === "PRIVATE" || b.scope === "PRIVATE" ? "PRIVATE" : "PUBLIC" };
}

/** One walk over a document's selections. */
class PolicyWalk {
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  /** A fragment's policy under a parent's max age, walked once however often it is spread. */
  private readonly fragmentPolicies = new Map<string, CachePolicy>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly directive: GraphQLDirective,
    document: DocumentNode,
  ) {
    this.fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  }

  /** The policy of a selection set on `parentType`, whose own max age is `parentMaxAge` (null at the root). */
  ofSelections(parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, parentMaxAge: number | null): CachePolicy {
    let policy: CachePolicy = { maxAge: Infinity, scope: "PUBLIC" };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith("__")) policy = narrowest(policy, this.ofField(parentType, selection, parentMaxAge));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : parentType;
        policy = narrowest(policy, type ? this.ofSelections(type, selection.selectionSet, parentMaxAge) : UNCACHEABLE);
      } else {
        policy = narrowest(policy, this.ofFragment(selection.name.value, parentMaxAge));
      }
    }
    return policy.maxAge === Infinity ? { ...policy, maxAge: parentMaxAge ?? 0 } : policy;
  }

  private ofField(parentType: GraphQLCompositeType, selection: FieldNode, parentMaxAge: number | null): CachePolicy {
    const field = isUnionType(parentType) ? undefined : parentType.getFields()[selection.name.value];
    if (!field) return UNCACHEABLE;
    const returnType = getNamedType(field.type);
    const composite = isCompositeType(returnType);
    const fieldHint = this.hintOf(field.astNode);
    const typeHint = composite ? this.hintOf(returnType.astNode) : null;
    let maxAge: number | null = 0;
    if (fieldHint?.maxAge !== undefined) maxAge = fieldHint.maxAge;
    else if (typeHint?.maxAge !== undefined) maxAge = typeHint.maxAge;
    else if (fieldHint?.inheritMaxAge || typeHint?.inheritMaxAge || !composite) maxAge = parentMaxAge;
    const own: CachePolicy = { maxAge: maxAge ?? 0, scope: fieldHint?.scope ?? typeHint?.scope ?? "PUBLIC" };
    return composite && selection.selectionSet ? narrowest(own, this.ofSelections(returnType, selection.selectionSet, own.maxAge)) : own;
  }

  private ofFragment(name: string, parentMaxAge: number | null): CachePolicy {
    const key = `${name} ${parentMaxAge}`;
    let policy = this.fragmentPolicies.get(key);
    if (!policy) {
      // Marked first, so that a cycle (which validation refuses anyway) ends.
      this.fragmentPolicies.set(key, UNCACHEABLE);
      const fragment = this.fragments.get(name);
      const type = fragment && this.compositeType(fragment.typeCondition.name.value);
      policy = fragment && type ? this.ofSelections(type, fragment.selectionSet, parentMaxAge) : UNCACHEABLE;
      this.fragmentPolicies.set(key, policy);
    }
    return policy;
  }

  private compositeType(name: string): GraphQLCompositeType | null {
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : null;
  }

  /** The `@cacheControl` arguments on a field or type definition, if any. */
  private hintOf(node: Parameters<typeof getDirectiveValues>[1] | null | undefined): Hint | null {
    return node ? ((getDirectiveValues(this.directive, node) as Hint | undefined) ?? null) : null;
  }
}
