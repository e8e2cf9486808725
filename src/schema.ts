import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { scalarResolvers } from "./common/scalars.js";
import type { RequestContext } from "./context.js";
import { apiKeyResolvers } from "./domains/api-key/api-key.resolvers.js";
import { commandResolvers } from "./domains/command/command.resolvers.js";
import { connectorResolvers } from "./domains/connector/connector.resolvers.js";
import { accountResolvers } from "./domains/account/account.resolvers.js";
import { inboundResolvers } from "./domains/inbound/inbound.resolvers.js";
import { invoiceResolvers } from "./domains/invoice/invoice.resolvers.js";
import { nodeResolvers } from "./domains/node/node.resolvers.js";
import { orderResolvers } from "./domains/order/order.resolvers.js";
import { productResolvers } from "./domains/product/product.resolvers.js";
import { quoteResolvers } from "./domains/quote/quote.resolvers.js";
import { viewerResolvers } from "./domains/viewer/viewer.resolvers.js";
import { warehouseResolvers } from "./domains/warehouse/warehouse.resolvers.js";

/** Folder of the SDL files (`schema/*.graphql`). */
export const SCHEMA_DIR = fileURLToPath(new URL("../schema/", import.meta.url));

/** The SDL of every file in `schema/`, base first. */
export function loadTypeDefs(): string[] {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".graphql")).sort((a, b) => (a === "base.graphql" ? -1 : b === "base.graphql" ? 1 : a.localeCompare(b)));
  return files.map((file) => readFileSync(SCHEMA_DIR + file, "utf8"));
}

/** The executable schema: SDL from `schema/` and the resolvers of every domain. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [
      scalarResolvers,
      nodeResolvers,
      viewerResolvers,
      warehouseResolvers,
      productResolvers,
      accountResolvers,
      orderResolvers,
      invoiceResolvers,
      quoteResolvers,
      commandResolvers,
      apiKeyResolvers,
      connectorResolvers,
      inboundResolvers,
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: "error" },
  });
}
