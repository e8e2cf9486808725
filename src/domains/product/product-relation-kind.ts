import type { ProductRelationKind } from "../../generated/graphql.js";

/** Every `ProductRelationKind` of the schema. */
const RELATION_KINDS: ReadonlySet<string> = new Set<ProductRelationKind>([
  "COMPANION",
  "CUSTOMER",
  "INTERCHANGE",
  "OPTIONAL",
  "PURCHASED_TOGETHER",
  "SUBSTITUTE",
  "SUPERSEDED",
  "UPGRADE",
]);

/** True when a connector's relation kind is one the schema names. */
function isRelationKind(kind: string): kind is ProductRelationKind {
  return RELATION_KINDS.has(kind);
}

/**
 * A related product's kind as the schema's enum. A kind the schema does not
 * name is an error on the field (as GraphQL's own enum serialisation reports it).
 */
export function relationKindOf(kind: string): ProductRelationKind {
  if (isRelationKind(kind)) return kind;
  throw new Error(`Enum "ProductRelationKind" cannot represent value: ${JSON.stringify(kind)}`);
}
