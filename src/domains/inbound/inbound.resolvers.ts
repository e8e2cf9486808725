import type { Resolvers } from "../../generated/graphql.js";
import { inboundStatsOf, listInboundChanges } from "./inbound.service.js";

/** Resolvers of `schema/inbound.graphql`. */
export const inboundResolvers: Resolvers = {
  Query: {
    inboundChanges: (_, args, ctx) => listInboundChanges(ctx, args),
  },
  ConnectorInfo: {
    inbound: (connector, _, ctx) => inboundStatsOf(ctx, connector.name),
  },
};
