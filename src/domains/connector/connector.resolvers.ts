import type { Resolvers } from "../../generated/graphql.js";
import { listConnectors } from "./connector.service.js";

/** Resolvers of `schema/connector.graphql`. */
export const connectorResolvers: Resolvers = {
  Query: {
    connectors: (_, __, ctx) => listConnectors(ctx),
  },
  ConnectorInfo: {
    syncs: (connector) => connector.loadSyncs?.() ?? [],
  },
};
