import type { Resolvers } from "../../generated/graphql.js";
import { isNodeTypename, nodeById, nodesByIds } from "./node.service.js";

/** Resolvers of `Query.node` and `Query.nodes`. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => nodeById(ctx, id),
    nodes: (_, { ids }, ctx) => nodesByIds(ctx, ids),
  },
  Node: {
    // `nodeById` names each object's type in `__typename`.
    __resolveType: (node) => ("__typename" in node && isNodeTypename(node.__typename) ? node.__typename : null),
  },
};
