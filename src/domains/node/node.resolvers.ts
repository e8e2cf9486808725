import type { Resolvers } from "../../generated/graphql.js";
import { nodeById, nodesByIds } from "./node.service.js";

/** Resolvers of `Query.node` and `Query.nodes`. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => nodeById(ctx, id) as never,
    nodes: (_, { ids }, ctx) => nodesByIds(ctx, ids) as never,
  },
  Node: {
    __resolveType: (node) => (node as unknown as { __typename: string }).__typename as never,
  },
};
