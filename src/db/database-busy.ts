import { GraphQLError } from "graphql";
import pg from "pg";
import { DatabaseUnavailableError, isConnectionFailure, noteConnectionLoss } from "./database-unavailable.js";

/** What a client is told to wait before it retries (`Retry-After`, seconds). */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

/** pg-pool's error when no connection became free within `connectionTimeoutMillis`. */
const ACQUIRE_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

/**
 * Every connection of our pool stayed busy for the whole acquire timeout. Retryable:
 * nothing ran (`extensions.code: DATABASE_BUSY`, HTTP 503 with `Retry-After`). It is
 * Commerce Graph's own load, never a connector's failure (it is a `GraphQLError`,
 * which the connectors' circuit breakers let through uncounted).
 */
export class DatabaseBusyError extends GraphQLError {
  constructor(waitedMs: number) {
    super(`The database is busy: no connection became free within ${waitedMs} ms. Nothing was done; retry in a moment (a mutation with the same idempotency key).`, {
      extensions: {
        code: "DATABASE_BUSY",
        retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new Map([["retry-after", String(DATABASE_BUSY_RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A pg pool whose acquire timeout rejects with {@link DatabaseBusyError}, and
 * whose failure to reach the server rejects with {@link DatabaseUnavailableError},
 * instead of pg-pool's plain errors (driver text and the server's address).
 * It notes every connection refused or lost, for `isDatabaseUnreachable`.
 */
class BusyAwarePool extends pg.Pool {
  private readonly acquireTimeoutMs: number;

  constructor(config?: pg.PoolConfig) {
    super(config);
    this.acquireTimeoutMs = config?.connectionTimeoutMillis ?? 0;
    // Once per connection: a connection that errors (in use or idle) was lost.
    this.on("connect", (client) => client.on("error", noteConnectionLoss));
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect().catch((error: unknown) => Promise.reject(this.translate(error)));
    super.connect((error, client, done) => callback(error && this.translate(error), client, done));
  }

  private translate<E>(error: E): E | DatabaseBusyError | DatabaseUnavailableError {
    if (error instanceof Error && error.message === ACQUIRE_TIMEOUT_MESSAGE) return new DatabaseBusyError(this.acquireTimeoutMs);
    if (!isConnectionFailure(error)) return error;
    noteConnectionLoss();
    return new DatabaseUnavailableError(error);
  }
}

/** The `pg` module with {@link BusyAwarePool} as its pool: TypeORM's `driver` option for our data source. */
export const busyAwarePg = { ...pg, Pool: BusyAwarePool };
