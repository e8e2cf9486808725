import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { createApp } from "./app.js";
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
  let app: Awaited<ReturnType<typeof createApp>>;
  let relay: Awaited<ReturnType<typeof startRelayFor>> | null;
  const router = buildRouter(connectors, db.dataSource);
  try {
    const shouldSeed = config.seed === "always" || (config.seed === "auto" && db.embedded);
    if (shouldSeed) await seedIfEmpty(db.dataSource, logger, 1);
    await ensureAdminKey(db.dataSource, config, logger);
    app = await createApp({ dataSource: db.dataSource, logger, production: config.production, router, security: config.security, metricsToken: config.metricsToken, responseCache: config.responseCache, limits: config.limits, cursorSecret: config.cursorSecret, readyzRefreshMs: config.readyzRefreshMs });
    relay = config.relay.inProcess ? await startRelayFor(db, router, config, logger) : null;
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Stop the embedded PostgreSQL too: a failed start must not leave it running.
    await db.close();
    throw error;
  }
  logger.info(`Commerce Graph ready at http://localhost:${config.port}/graphql`);
  onStop(logger, async () => {
    await app.close();
    await relay?.stop();
    await router.close();
    await db.close();
    await stopTracing();
  });
}

function startRelayFor(db: Database, router: Router, config: AppConfig, logger: Logger) {
  const { concurrency, maxAttempts, baseMs, maxMs, webhook } = config.relay;
  return startRelay({ databaseUrl: db.url, dataSource: db.dataSource, router, logger, concurrency, webhook, backoff: { maxAttempts, baseMs, maxMs } });
}

/** Runs `stop` once on Ctrl-C or SIGTERM, then exits. */
function onStop(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => handler("SIGINT"));
  process.on("SIGTERM", () => handler("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
