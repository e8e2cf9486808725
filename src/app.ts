import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { authenticate } from "./auth/authenticate.js";
import { buildRouter } from "./connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "./connectors/connectors-config.js";
import type { Router } from "./connectors/router.js";
import { STORE } from "./connectors/store/store-connector.js";
import { nulGuardPlugin } from "./common/nul-guard-plugin.js";
import { partialErrorsPlugin } from "./common/partial-errors.js";
import { idempotencyPlugin } from "./outbox/idempotency-plugin.js";
import { createLoaders, type RequestContext } from "./context.js";
import type { Logger } from "./logger.js";
import { buildSchema } from "./schema.js";

/** What {@link createApp} needs. */
export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Hide the Sandbox landing page (production). */
  production?: boolean;
  /** Connectors and routes (see `buildRouter`); default: everything in the store. */
  router?: Router;
}

/**
 * Builds the HTTP server: Fastify with Apollo Server at `/graphql`, a fresh
 * context (principal, loaders) per request. Not yet listening.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = options.logger.child({ component: "http" });
  const fastify = Fastify({ loggerInstance: logger });
  const router = options.router ?? buildRouter(DEFAULT_CONNECTORS_CONFIG, options.dataSource);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    logger: options.logger.child({ component: "graphql" }),
    // Stack traces name files on the server; clients get the message and `extensions.code`.
    includeStacktraceInErrorResponses: false,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      // The default cache-control plugin wraps every field resolver; it halves throughput on list-heavy pages.
      ApolloServerPluginCacheControlDisabled(),
      idempotencyPlugin(),
      partialErrorsPlugin(),
      nulGuardPlugin(),
      options.production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), {
    context: async (request): Promise<RequestContext> => ({
      principal: await authenticate(options.dataSource, request.headers.authorization, STORE),
      router,
      loaders: createLoaders(router, options.dataSource),
      dataSource: options.dataSource,
    }),
  });
  fastify.get("/", async (_, reply) => reply.redirect("/graphql"));
  return fastify;
}
