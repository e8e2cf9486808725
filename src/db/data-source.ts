import { DataSource, MigrationExecutor, type Logger } from "typeorm";
import { busyAwarePg } from "./database-busy.js";
import { DatabaseUnavailableError } from "./database-unavailable.js";
import { ENTITIES } from "./entities/index.js";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { InitialSchema1700000000000 } from "./migrations/1700000000000-initial-schema.js";
import { Outbox1700000000001 } from "./migrations/1700000000001-outbox.js";
import { MoreCommands1700000000002 } from "./migrations/1700000000002-more-commands.js";
import { ReturnsQuotesAccounts1700000000003 } from "./migrations/1700000000003-returns-quotes-accounts.js";
import { StockReservations1700000000004 } from "./migrations/1700000000004-stock-reservations.js";
import { CancelledLines1700000000005 } from "./migrations/1700000000005-cancelled-lines.js";
import { RateLimitBuckets1700000000006 } from "./migrations/1700000000006-rate-limit-buckets.js";
import { ApiKeyManagement1700000000007 } from "./migrations/1700000000007-api-key-management.js";
import { PersistedQueries1700000000008 } from "./migrations/1700000000008-persisted-queries.js";
import { ProductSearchIndex1700000000009 } from "./migrations/1700000000009-product-search-index.js";
import { ReservationCaps1700000000010 } from "./migrations/1700000000010-reservation-caps.js";
import { ServerSecrets1700000000011 } from "./migrations/1700000000011-server-secrets.js";
import { OutboxHealthIndexes1700000000013 } from "./migrations/1700000000013-outbox-health-indexes.js";
import { InboundFlow1700000000014 } from "./migrations/1700000000014-inbound-flow.js";
import { InboundIndexes1700000000015 } from "./migrations/1700000000015-inbound-indexes.js";

/** Every migration, in order. TypeORM runs the ones not yet applied. */
export const migrations = [InitialSchema1700000000000, Outbox1700000000001, MoreCommands1700000000002, ReturnsQuotesAccounts1700000000003, StockReservations1700000000004, CancelledLines1700000000005, RateLimitBuckets1700000000006, ApiKeyManagement1700000000007, PersistedQueries1700000000008, ProductSearchIndex1700000000009, ReservationCaps1700000000010, ServerSecrets1700000000011, OutboxHealthIndexes1700000000013, InboundFlow1700000000014, InboundIndexes1700000000015];

/** Options for {@link createDataSource}. */
export interface DataSourceOptions {
  /** A `postgres://` connection string. */
  url: string;
  /** Pool size per process (default 10). */
  poolSize?: number;
  /**
   * How long a statement may wait for a free connection of the pool (default
   * {@link DEFAULT_ACQUIRE_TIMEOUT_MS}); then it fails with `DatabaseBusyError`.
   */
  acquireTimeoutMs?: number;
  /** The pool's connections cancel any statement running longer than this (ms); 0 or absent: no limit. */
  statementTimeoutMs?: number;
  /** A TypeORM logger, e.g. to count statements in tests. */
  logger?: Logger;
}

/** Default of {@link DataSourceOptions.acquireTimeoutMs}. */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 5000;

/**
 * Builds (but does not connect) the TypeORM data source for a Postgres URL.
 * Schema changes only ever happen through {@link migrations}; `synchronize` is off.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities: ENTITIES,
    migrations,
    migrationsTableName: "typeorm_migration",
    synchronize: false,
    // Extensions come from the migrations too; a uuid primary key's default is PostgreSQL's own gen_random_uuid().
    installExtensions: false,
    uuidExtension: "pgcrypto",
    logging: options.logger ? ["query"] : false,
    logger: options.logger,
    // A full pool answers DATABASE_BUSY after the acquire timeout instead of queueing without end.
    driver: busyAwarePg,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS, statement_timeout: options.statementTimeoutMs || undefined },
  });
}

/** How long a statement of `dataSource` may wait for a free connection (ms; 0: without end). */
export function acquireTimeoutOf(dataSource: DataSource): number {
  const { extra } = dataSource.options as { extra?: { connectionTimeoutMillis?: number } };
  return extra?.connectionTimeoutMillis ?? 0;
}

/**
 * Connects and applies pending migrations — ours, then graphile-worker's own
 * schema (the outbox relay's job queue) — and returns the connected data source.
 */
export async function connectAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  // At start-up the operator needs the driver's reason (which address refused), not the clients' message.
  await dataSource.initialize().catch((error: unknown) => Promise.reject(error instanceof DatabaseUnavailableError ? (error.originalError ?? error) : error));
  // A migration may rewrite or index a large table: no statement timeout on the one connection that migrates.
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SET statement_timeout = 0");
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = "each";
    await executor.executePendingMigrations();
    await runner.query("RESET statement_timeout");
  } finally {
    await runner.release();
  }
  await runWorkerMigrations({ connectionString: options.url });
  return dataSource;
}
