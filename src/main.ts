import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { createApp } from "./app.js";
import { gracefulClose } from "./common/graceful-close.js";
import { Shutdown } from "./common/shutdown.js";
import { buildRouter, checkRoutes } from "./connectors/build-router.js";
import { loadConnectorsConfig, type ConnectorsConfig } from "./connectors/connectors-config.js";
import type { Router } from "./connectors/router.js";
import { startRelay } from "./outbox/relay.js";
import { runApiKeyCommand } from "./auth/api-key-cli.js";
import { runOperationsCommand } from "./security/operations-cli.js";
import { createApiKey, hasAdminKey, registerAdminKey } from "./auth/api-keys.js";
import { loadConfig, type AppConfig } from "./config.js";
import { scheduledTasks } from "./scheduled-tasks.js";
import { planSync, runSyncCommand } from "./domains/inbound/sync/sync-command.js";
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
 *   sync     <connector> [domain] — run a connector's pull sync now (resumable; Ctrl-C stops at the next page)
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
    case "relay":
      return relay(config, connectors, logger);
    case "migrate":
      return withDatabase(config, logger, async () => logger.info("migrations applied"));
    case "seed":
      return withDatabase(config, logger, (dataSource, checkpoint) => seedIfEmpty(dataSource, logger, Number(values.scale ?? 1), checkpoint));
    case "apikey":
      return withDatabase(config, logger, (dataSource) => runApiKeyCommand(dataSource, positionals.slice(1), values, (line) => console.log(line)));
    case "operations":
      return withDatabase(config, logger, (dataSource) => runOperationsCommand(dataSource, positionals.slice(1), values.client, (line) => console.log(line)));
    case "sync":
      return sync(config, connectors, logger, positionals.slice(1));
    default:
      throw new Error(`Unknown command "${command}". Use start, relay, migrate, seed, apikey, operations or sync.`);
  }
}

/**
 * Opens (and migrates) the database, runs `task` on it, and closes it. Ctrl-C
 * or SIGTERM meanwhile stops the task at its next checkpoint and closes the database.
 */
async function withDatabase(config: AppConfig, logger: Logger, task: (dataSource: DataSource, checkpoint: () => void) => Promise<void>): Promise<void> {
  const shutdown = new Shutdown(logger);
  try {
    const db = await openDatabase(config, logger);
    shutdown.add(db.close);
    shutdown.whenStopping(db.stopRestarting);
    shutdown.checkpoint();
    await task(db.dataSource, () => shutdown.checkpoint());
    await shutdown.finish();
  } catch (error) {
    await shutdown.abandon(error);
  }
}

/**
 * Seeds the demo data into an empty database. `checkpoint` runs between the
 * seed's stages: when it throws (a stop was asked for), the seed's one
 * transaction rolls back, and the next start seeds from scratch.
 */
async function seedIfEmpty(dataSource: DataSource, logger: Logger, scale: number, checkpoint: () => void): Promise<void> {
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  if (!(await isEmpty(dataSource))) {
    logger.info("database already holds data; not seeding");
    return;
  }
  const started = Date.now();
  const summary = await seedDemoData(dataSource, {
    scale,
    onProgress: (message) => {
      logger.info(`seed: ${message}`);
      checkpoint();
    },
  });
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

/**
 * What `start` and `relay` share: tracing (before anything that makes spans),
 * the database and the router, each registered with `shutdown` so that a stop
 * closes them in reverse (the database last).
 */
async function openServices(shutdown: Shutdown, config: AppConfig, connectors: ConnectorsConfig, logger: Logger): Promise<{ db: Database; router: Router }> {
  shutdown.add(await startTracing(process.env, logger));
  const db = await openDatabase(config, logger);
  shutdown.add(db.close);
  shutdown.whenStopping(db.stopRestarting);
  shutdown.checkpoint();
  const router = buildRouter(connectors, db.dataSource);
  shutdown.add(() => router.close());
  return { db, router };
}

/**
 * `start`: the database (embedded or not), the demo data, the API and the
 * in-process relay. Ctrl-C or SIGTERM is handled from the first line: during
 * start-up it stops what has started so far (database last) and exits with
 * 130 or 143; once serving, it drains and stops in order and exits with 0.
 */
async function start(config: AppConfig, connectors: ConnectorsConfig, logger: Logger): Promise<void> {
  const shutdown = new Shutdown(logger);
  try {
    const { db, router } = await openServices(shutdown, config, connectors, logger);
    const shouldSeed = config.seed === "always" || (config.seed === "auto" && db.embedded);
    if (shouldSeed) await seedIfEmpty(db.dataSource, logger, 1, () => shutdown.checkpoint());
    await ensureAdminKey(db.dataSource, config, logger);
    shutdown.checkpoint();
    const app = await createApp({ dataSource: db.dataSource, logger, production: config.production, router, connectors, security: config.security, metricsToken: config.metricsToken, responseCache: config.responseCache, limits: config.limits, cursorSecret: config.cursorSecret, readyzRefreshMs: config.readyzRefreshMs });
    const closeHttp = gracefulClose(app);
    if (config.relay.inProcess) {
      const relay = await startRelayFor(db, router, config, logger);
      shutdown.add(() => relay.stop());
    }
    // Stopping: stop accepting, let the requests under way finish; then the relay, the pools, and the database last.
    shutdown.add(closeHttp);
    shutdown.checkpoint();
    await app.listen({ port: config.port, host: config.host });
    shutdown.serving();
  } catch (error) {
    // A failed or interrupted start must not leave the relay or the embedded PostgreSQL running.
    await shutdown.abandon(error);
  }
  logger.info(`Commerce Graph ready at http://${displayHost(config.host)}:${config.port}/graphql`);
}

/** `relay`: delivers the outbox only; stops on Ctrl-C or SIGTERM like {@link start}. */
async function relay(config: AppConfig, connectors: ConnectorsConfig, logger: Logger): Promise<void> {
  const shutdown = new Shutdown(logger);
  try {
    const { db, router } = await openServices(shutdown, config, connectors, logger);
    const relay = await startRelayFor(db, router, config, logger);
    shutdown.add(() => relay.stop());
    shutdown.serving();
  } catch (error) {
    await shutdown.abandon(error);
  }
}

/**
 * `sync <connector> [domain]`: runs the connector's syncs now, with a progress
 * bar on a terminal (a line per page otherwise). Ctrl-C or SIGTERM stops the
 * run at the next page (its cursor stored: the next run resumes there) and
 * exits with 130 or 143; a failed run exits with 1 and its error.
 */
async function sync(config: AppConfig, connectors: ConnectorsConfig, logger: Logger, args: string[]): Promise<void> {
  // A connector or domain that does not exist is told before anything starts.
  const plan = planSync(connectors, args);
  const shutdown = new Shutdown(logger);
  const stop = new AbortController();
  const abort = () => stop.abort(new Error("stopped by a signal"));
  process.on("SIGINT", abort);
  process.on("SIGTERM", abort);
  try {
    const { db, router } = await openServices(shutdown, config, connectors, logger);
    shutdown.checkpoint();
    const interactive = Boolean(process.stderr.isTTY);
    await runSyncCommand({ dataSource: db.dataSource, router, logger }, plan, stop.signal, { interactive, line: (text) => (interactive ? console.error(text) : logger.info(text)) });
    await shutdown.finish();
  } catch (error) {
    await shutdown.abandon(error);
  } finally {
    process.off("SIGINT", abort);
    process.off("SIGTERM", abort);
  }
}

/** The host to show in the "ready" URL: `localhost` when listening on loopback or everywhere. */
function displayHost(host: string): string {
  if (["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(host)) return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

function startRelayFor(db: Database, router: Router, config: AppConfig, logger: Logger) {
  const { concurrency, maxAttempts, baseMs, maxMs, webhook } = config.relay;
  return startRelay({ databaseUrl: db.url, tasks: scheduledTasks(db.dataSource, router), router, logger, concurrency, webhook, backoff: { maxAttempts, baseMs, maxMs } });
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
