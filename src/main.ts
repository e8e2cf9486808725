import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { createApp } from "./app.js";
import { gracefulClose } from "./common/graceful-close.js";
import { buildRouter, checkRoutes } from "./connectors/build-router.js";
import { loadConnectorsConfig, type ConnectorsConfig } from "./connectors/connectors-config.js";
import type { Router } from "./connectors/router.js";
import { startRelay } from "./outbox/relay.js";
import { runApiKeyCommand } from "./auth/api-key-cli.js";
import { runOperationsCommand } from "./security/operations-cli.js";
import { createApiKey, hasAdminKey, registerAdminKey } from "./auth/api-keys.js";
import { loadConfig, type AppConfig } from "./config.js";
import { isEmpty, openDatabase, type Database } from "./db/database.js";
import { DEMO_CUSTOMERS, seedDemoData } from "./db/seed/seed-demo-data.js";
import { createLogger, type Logger } from "./logger.js";
import { startTracing } from "./observability/tracing.js";

/**
 * Command-line entry:
 *   start    migrate, seed an empty embedded database, serve GraphQL
 *   migrate  apply pending migrations and exit
 *   seed     migrate and load the demo data into an empty database (`--scale N`)
 *   relay    deliver the outbox only (run several, on one database, to scale out)
 *   apikey   create | list | rotate | revoke API keys
 *   operations register FILE… — add a client's operations to the safelist
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { scale: { type: "string" }, config: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, "allow-ip": { type: "string", multiple: true }, client: { type: "string" } },
  });
  const command = positionals[0] ?? "start";
  const config = loadConfig();
  // The connectors file is read and its routes checked before anything starts.
  const connectors = loadConnectorsConfig(values.config ?? process.env.COMMERCE_GRAPH_CONFIG);
  checkRoutes(connectors);
  const logger = createLogger(config.logLevel);
  keepRunningOnUnhandledRejections(logger);
  switch (command) {
    case "start":
      return start(config, connectors, logger);
    case "relay": {
      const stopTracing = await startTracing(process.env, logger);
      const db = await openDatabase(config, logger);
      const router = buildRouter(connectors, db.dataSource);
      const relay = await startRelayFor(db, router, config, logger);
      onStop(logger, async () => {
        await relay.stop();
        await router.close();
        await db.close();
        await stopTracing();
      });
      return;
    }
    case "migrate":
      return withDatabase(config, logger, async () => logger.info("migrations applied"));
    case "seed":
      return withDatabase(config, logger, (dataSource) => seedIfEmpty(dataSource, logger, Number(values.scale ?? 1)));
    case "apikey":
      return withDatabase(config, logger, (dataSource) => runApiKeyCommand(dataSource, positionals.slice(1), values, (line) => console.log(line)));
    case "operations":
      return withDatabase(config, logger, (dataSource) => runOperationsCommand(dataSource, positionals.slice(1), values.client, (line) => console.log(line)));
    default:
      throw new Error(`Unknown command "${command}". Use start, relay, migrate, seed, apikey or operations.`);
  }
}

/** Opens (and migrates) the database, runs `task` on it, and closes it. */
async function withDatabase(config: AppConfig, logger: Logger, task: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const db = await openDatabase(config, logger);
  try {
    await task(db.dataSource);
  } finally {
    await db.close();
  }
}

async function seedIfEmpty(dataSource: DataSource, logger: Logger, scale: number): Promise<void> {
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  if (!(await isEmpty(dataSource))) {
    logger.info("database already holds data; not seeding");
    return;
  }
  const started = Date.now();
  const summary = await seedDemoData(dataSource, { scale, onProgress: (message) => logger.info(`seed: ${message}`) });
  logger.info({ ...summary, ms: Date.now() - started }, "demo data seeded");
  for (const customer of DEMO_CUSTOMERS) logger.info(`demo customer: ${customer.email} / ${customer.password}`);
}

/** Makes sure an admin key exists: `ADMIN_API_KEY` if set, else a new one printed once. */
async function ensureAdminKey(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  if (config.adminApiKey) {
    await registerAdminKey(dataSource, config.adminApiKey);
    return;
  }
  if (await hasAdminKey(dataSource)) return;
  const { secret } = await createApiKey(dataSource, { name: "admin (first start)", scopes: ["admin"] });
  logger.warn(`created an admin API key; it is shown only this once: ${secret}`);
}

async function start(config: AppConfig, connectors: ConnectorsConfig, logger: Logger): Promise<void> {
  // Before anything that makes spans: the server's requests and connector calls.
  const stopTracing = await startTracing(process.env, logger);
  const db = await openDatabase(config, logger);
  let closeHttp: () => Promise<void>;
  let relay: Awaited<ReturnType<typeof startRelayFor>> | null = null;
  const router = buildRouter(connectors, db.dataSource);
  try {
    const shouldSeed = config.seed === "always" || (config.seed === "auto" && db.embedded);
    if (shouldSeed) await seedIfEmpty(db.dataSource, logger, 1);
    await ensureAdminKey(db.dataSource, config, logger);
    const app = await createApp({ dataSource: db.dataSource, logger, production: config.production, router, security: config.security, metricsToken: config.metricsToken, responseCache: config.responseCache, limits: config.limits, cursorSecret: config.cursorSecret, readyzRefreshMs: config.readyzRefreshMs });
    closeHttp = gracefulClose(app);
    relay = config.relay.inProcess ? await startRelayFor(db, router, config, logger) : null;
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Stop the relay and the embedded PostgreSQL too: a failed start must not leave them running.
    await relay?.stop().catch(() => undefined);
    await db.close();
    throw error;
  }
  logger.info(`Commerce Graph ready at http://${displayHost(config.host)}:${config.port}/graphql`);
  onStop(logger, async () => {
    // Stop accepting, let the requests under way finish; then the relay, the pools, and the database last.
    await closeHttp();
    await relay?.stop();
    await router.close();
    await db.close();
    await stopTracing();
  });
}

/** The host to show in the "ready" URL: `localhost` when listening on loopback or everywhere. */
function displayHost(host: string): string {
  if (["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(host)) return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

function startRelayFor(db: Database, router: Router, config: AppConfig, logger: Logger) {
  const { concurrency, maxAttempts, baseMs, maxMs, webhook } = config.relay;
  return startRelay({ databaseUrl: db.url, dataSource: db.dataSource, router, logger, concurrency, webhook, backoff: { maxAttempts, baseMs, maxMs } });
}

/**
 * Signals within this long of the first are the same request: a terminal's Ctrl-C reaches
 * the whole process group, and wrappers (npm, tsx) relay it to this process once more.
 */
const SAME_SIGNAL_MS = 1000;

/**
 * Runs `stop` once on Ctrl-C (SIGINT) or SIGTERM, then exits with code 0. A
 * second signal while stopping (a second or more after the first) exits at once
 * (code 130 or 143); the embedded PostgreSQL, if any, still gets its
 * fast-shutdown signal on the way out.
 */
function onStop(logger: Logger, stop: () => Promise<void>): void {
  let stoppingSince: number | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, "shutting down: finishing requests under way (send the signal again to exit at once)");
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

/**
 * Last resort: a promise rejected where nobody awaits it is logged (one line)
 * and the process keeps running, instead of Node's default of exiting. Our own
 * code handles its errors where they happen; this catches rejections left
 * unhandled inside libraries (graphile-worker 0.17 starts a worker pool's
 * shutdown without awaiting it when its database connection fails), which
 * would otherwise take every request of the process down with it.
 */
function keepRunningOnUnhandledRejections(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason, event: "unhandled_rejection" }, "unhandled promise rejection (the process keeps running)");
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
