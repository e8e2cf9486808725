import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { authenticate } from "./auth/authenticate.js";
import { createStoreConnector } from "./connectors/store/store-connector.js";
import { Router } from "./connectors/router.js";
import { createLoaders, type RequestContext } from "./context.js";
import type { Logger } from "./logger.js";
import { buildSchema } from "./schema.js";

/** What {@link createApp} needs. */
export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Hide the Sandbox landing page (production). */
  production?: boolean;
}

/** The built-in routing: every domain read from the `store` connector. */
export function createDefaultRouter(dataSource: DataSource): Router {
  const store = createStoreConnector(dataSource, "store");
  return new Router([store], {
    warehouses: "store",
    catalog: "store",
    inventory: "store",
    accounts: "store",
    orders: "store",
    invoices: "store",
    quotes: "store",
  });
}

/**
 * Builds the HTTP server: Fastify with Apollo Server at `/graphql`, a fresh
 * context (principal, loaders) per request. Not yet listening.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = options.logger.child({ component: "http" });
  const fastify = Fastify({ loggerInstance: logger });
  const router = createDefaultRouter(options.dataSource);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    logger: options.logger.child({ component: "graphql" }),
    // Stack traces name files on the server; clients get the message and `extensions.code`.
    includeStacktraceInErrorResponses: false,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      // The default cache-control plugin wraps every field resolver; it halves throughput on list-heavy pages.
      ApolloServerPluginCacheControlDisabled(),
      options.production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), {
    context: async (request): Promise<RequestContext> => ({
      principal: await authenticate(options.dataSource, request.headers.authorization, "store"),
      router,
      loaders: createLoaders(router),
      dataSource: options.dataSource,
    }),
  });
  fastify.get("/", async (_, reply) => reply.redirect("/graphql"));
  return fastify;
}
