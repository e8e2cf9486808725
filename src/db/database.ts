import { resolve } from "node:path";
import type { DataSource } from "typeorm";
import type { Logger } from "../logger.js";
import { connectAndMigrate } from "./data-source.js";
import { queryRow } from "./query-rows.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

/** A migrated database connection and how to shut it down. */
export interface Database {
  dataSource: DataSource;
  /** The connection string (for processes that need their own pool, like the relay). */
  url: string;
  /** True when the server is the embedded one started by this process. */
  embedded: boolean;
  /** Closes the pool, then stops the embedded server if there is one. */
  close(): Promise<void>;
  /** A shutdown began: the embedded server, if it exits now, is not started again. */
  stopRestarting(): void;
}

/** The settings {@link openDatabase} reads (the application's config has them all). */
export interface DatabaseSettings {
  /** `DATABASE_URL`; unset starts the embedded server. */
  databaseUrl?: string;
  /** Where the embedded server keeps its data (under `postgres/`). */
  dataDir: string;
  /** The embedded server's port. */
  embeddedPgPort: number;
  databaseAcquireTimeoutMs: number;
  statementTimeoutMs: number;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL with its data
 * under the data directory (and starts it again, logged, if it exits unasked),
 * then applies pending migrations.
 */
export async function openDatabase(config: DatabaseSettings, logger: Logger): Promise<Database> {
  let stopServer = async () => undefined as void;
  let stopRestarting = () => undefined as void;
  let url = config.databaseUrl;
  if (!url) {
    const dataDir = resolve(config.dataDir, "postgres");
    logger.info({ dataDir }, "starting embedded PostgreSQL");
    const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, logger });
    if (server.recovered) logger.warn(`embedded PostgreSQL: ${server.recovered}`);
    url = server.url;
    stopServer = server.stop;
    stopRestarting = server.stopRestarting;
  }
  try {
    const dataSource = await connectAndMigrate({ url, acquireTimeoutMs: config.databaseAcquireTimeoutMs, statementTimeoutMs: config.statementTimeoutMs });
    return {
      dataSource,
      url,
      embedded: !config.databaseUrl,
      close: async () => {
        await dataSource.destroy();
        await stopServer();
      },
      stopRestarting,
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/** True when the database holds no catalog yet. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  const row = await queryRow<{ empty: boolean }>(dataSource, "SELECT NOT EXISTS (SELECT 1 FROM product) AS empty");
  return row!.empty;
}
