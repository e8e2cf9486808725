import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { authenticate } from "./auth/authenticate.js";
import { CredentialCache } from "./auth/credential-cache.js";
import { SignInThrottle } from "./auth/sign-in-throttle.js";
import { DEFAULT_LIMITS, type LimitOptions } from "./common/input-limits.js";
import { cachePolicyPlugin, responseCache } from "./cache/response-cache.js";
import { buildRouter } from "./connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG, type ConnectorsConfig } from "./connectors/connectors-config.js";
import type { Router } from "./connectors/router.js";
import { STORE } from "./connectors/store/store-connector.js";
import { loadCursorSecret } from "./common/cursor-secret.js";
import { nulGuardPlugin } from "./common/nul-guard-plugin.js";
import { useCursorSecret } from "./common/pagination.js";
import { partialErrorsPlugin } from "./connectors/partial-errors.js";
import { idempotencyPlugin } from "./outbox/idempotency-plugin.js";
import type { RequestContext } from "./context.js";
import { requestScope } from "./loaders.js";
import { databaseUnavailableOr } from "./db/database-unavailable.js";
import { registerPushRoute } from "./domains/inbound/push-route.js";
import { giveUpHook } from "./db/statement-cancel.js";
import type { Logger } from "./logger.js";
import { buildSchema } from "./schema.js";
import { registerHealthRoutes } from "./observability/health-routes.js";
import { Metrics } from "./observability/metrics.js";
import { tracingPlugin } from "./observability/tracing-plugin.js";
import { operationLogPlugin } from "./observability/operation-log.js";
import { databaseOutagePlugin, OutageWarnings } from "./observability/database-outage-plugin.js";
import { clientErrorsPlugin } from "./security/client-errors-plugin.js";
import { costPlugin } from "./security/cost-plugin.js";
import { errorFormatter, errorMaskingPlugin } from "./security/error-masking.js";
import { APQ_TTL_SECONDS, PgPersistedQueryCache, safelistHook } from "./security/persisted-queries.js";
import { queryLimits } from "./security/query-limits.js";
import { DEFAULT_SECURITY, type SecurityOptions } from "./security/security-options.js";

/** Where Apollo's Sandbox and Studio run; the embedded Sandbox calls the API from there. */
const APOLLO_SANDBOX_ORIGINS = ["https://sandbox.embed.apollographql.com", "https://studio.apollographql.com"];

/** A request id a client or proxy may choose (`X-Request-Id`): short, and safe in a log line. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is a sensible one, else a new UUID. */
function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Trusts the nearest `hops` proxies' `X-Forwarded-For` entries. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_, hop) => hop < hops;
}

/** What {@link createApp} needs. */
export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Hide the Sandbox landing page (production). */
  production?: boolean;
  /** Connectors and routes (see `buildRouter`); default: built from {@link connectors}. */
  router?: Router;
  /** The validated connectors file: its connectors' `events` settings authenticate `POST /connectors/<name>/events`; default: everything in the store, no pushes. */
  connectors?: ConnectorsConfig;
  /** Limits and transport settings; defaults in `DEFAULT_SECURITY`. */
  security?: Partial<SecurityOptions>;
  /** When set, `/metrics` answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Keep whole responses to cacheable (catalog) queries for their `maxAge`; default true. */
  responseCache?: boolean;
  /** Reservation caps and sign-in throttling; defaults in `DEFAULT_LIMITS`. */
  limits?: Partial<LimitOptions>;
  /** Signs pagination cursors (`CURSOR_SECRET`); default: the secret kept in the database, shared by every replica. */
  cursorSecret?: string;
  /** How often `/readyz` may refresh its database check and delivery figures (ms, `READYZ_REFRESH_MS`); default 5000, 0: every probe. */
  readyzRefreshMs?: number;
}

/**
 * Builds the HTTP server: Fastify with Apollo Server at `/graphql`, a fresh
 * context (principal, loaders) per request. Not yet listening.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const security: SecurityOptions = { ...DEFAULT_SECURITY, production: options.production ?? false, introspection: !options.production, ...options.security };
  const logger: FastifyBaseLogger = options.logger.child({ component: "http" });
  const fastify = Fastify({ loggerInstance: logger, genReqId: requestIdOf, bodyLimit: security.maxBodyBytes, requestTimeout: security.requestTimeoutMs, trustProxy: typeof security.trustProxy === "number" ? trustHops(security.trustProxy) : security.trustProxy });
  // The client can quote the id, and find its request's every log line by it.
  fastify.addHook("onRequest", async (request, reply) => void reply.header("x-request-id", request.id));
  await fastify.register(fastifyHelmet, {
    // The Sandbox landing page loads Apollo's scripts; production serves none.
    contentSecurityPolicy: security.production ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  // Outside production the Sandbox (served from Apollo's origins) may always call the API.
  const origins = security.production ? security.corsOrigins : [...security.corsOrigins, ...APOLLO_SANDBOX_ORIGINS];
  if (origins.length > 0) {
    await fastify.register(fastifyCors, { origin: origins.includes("*") ? true : origins, methods: ["GET", "POST"], maxAge: 600 });
  }
  useCursorSecret(options.cursorSecret ?? (await loadCursorSecret(options.dataSource)));
  const connectors = options.connectors ?? DEFAULT_CONNECTORS_CONFIG;
  const router = options.router ?? buildRouter(connectors, options.dataSource);
  const limits = queryLimits(security);
  const metrics = new Metrics(router, options.dataSource);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    logger: options.logger.child({ component: "graphql" }),
    // Stack traces name files on the server; clients get the message and `extensions.code`.
    includeStacktraceInErrorResponses: false,
    introspection: security.introspection,
    // CSRF prevention is on, and batched requests are off unless configured (Apollo Server's defaults, stated here so that they stay so).
    csrfPrevention: true,
    allowBatchedHttpRequests: security.batching,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: security.maxTokens },
    // Automatic persisted queries, shared by every replica through PostgreSQL.
    persistedQueries: { cache: new PgPersistedQueryCache(options.dataSource, security.apqMaxBytes), ttl: APQ_TTL_SECONDS },
    formatError: errorFormatter(security.production),
    // The process stops the server itself, in order (see main.ts): Apollo must not race it on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      // First: the plugins after it must see client mistakes with their codes.
      clientErrorsPlugin(),
      // Next: our database unreachable is DATABASE_UNAVAILABLE before anything logs or counts it (one warn line per interval, never per request).
      databaseOutagePlugin(new OutageWarnings(logger)),
      tracingPlugin(fastify),
      ...limits.plugins,
      costPlugin(options.dataSource, security),
      operationLogPlugin(),
      fastifyApolloDrainPlugin(fastify),
      // The default cache-control plugin wraps every field resolver (half the throughput on list pages); cachePolicyPlugin computes the policy once per document instead.
      ApolloServerPluginCacheControlDisabled(),
      idempotencyPlugin(),
      partialErrorsPlugin(),
      // After partialErrorsPlugin, whose errors it masks too.
      ...(security.production ? [errorMaskingPlugin()] : []),
      nulGuardPlugin(),
      cachePolicyPlugin(),
      ...(options.responseCache === false ? [] : [responseCache()]),
      // Last, so that it counts the errors the other plugins add.
      metrics.plugin(),
      !security.production ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : security.introspection ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const credentials = security.credentialCacheSeconds > 0 ? new CredentialCache(security.credentialCacheSeconds * 1000) : undefined;
  const limitOptions: LimitOptions = { ...DEFAULT_LIMITS, ...options.limits };
  const credentialThrottle = new SignInThrottle(options.dataSource, limitOptions.signIn);
  // First: a request's store statements are cancelled when its client goes away or its time is up.
  fastify.addHook("preHandler", giveUpHook(security.requestTimeoutMs));
  if (security.safelist) fastify.addHook("preHandler", safelistHook(options.dataSource, "/graphql"));
  await fastify.register(fastifyApollo(apollo), {
    context: async (request): Promise<RequestContext> => ({
      // Our database unreachable while the credential is checked is DATABASE_UNAVAILABLE (503), not a 500 with driver text.
      principal: await authenticate(options.dataSource, request.headers.authorization, STORE, request.ip, credentials, credentialThrottle).catch((error: unknown) => Promise.reject(databaseUnavailableOr(error))),
      clientIp: request.ip,
      requestId: String(request.id),
      log: request.log,
      router,
      ...requestScope(router, options.dataSource),
      dataSource: options.dataSource,
      limits: limitOptions,
    }),
  });
  fastify.get("/", async (_, reply) => reply.redirect("/graphql"));
  // Backends push their changes here, signed (outside GraphQL: no API key, cost limits or CORS).
  await registerPushRoute(fastify, { dataSource: options.dataSource, connectors });
  registerHealthRoutes(fastify, { dataSource: options.dataSource, router, metrics, metricsToken: options.metricsToken, readyzRefreshMs: options.readyzRefreshMs });
  return fastify;
}
