import { GraphQLError } from "graphql";
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from "typeorm";

/** What a client is told to wait before it retries while the database does not answer (`Retry-After`, seconds). */
export const DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The client's message: no driver text, no address. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not answering. Retry in a few seconds; retry a mutation with the same idempotency key (a change that was stored is answered, never applied twice).";

/** Node's network errors on a connection of our pool. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** SQLSTATEs of a server that is going away or not yet up: admin shutdown, crash shutdown, cannot connect now. */
const SHUTDOWN_STATES = new Set(["57P01", "57P02", "57P03"]);
/** node-postgres's messages for a connection that closed under it (also "due to connection timeout"), or a query sent on one that did. */
const CONNECTION_LOST = /^Connection terminated\b|^Client has encountered a connection error and is not queryable|^Client was closed and is not queryable/;
/** How long after a lost connection an "already released" query runner is blamed on it (ms). */
const LOSS_WINDOW_MS = 30_000;

/** When a connection of one of our pools was last lost or refused (ms since the epoch). */
let lastConnectionLossAt = Number.NEGATIVE_INFINITY;

/**
 * Our own database did not answer: it refused or dropped the connection, or
 * is shutting down. Retryable (`extensions.code: DATABASE_UNAVAILABLE`, HTTP
 * 503 with `Retry-After`). Like `DATABASE_BUSY` it is never a connector's
 * failure (a `GraphQLError`, which the circuit breakers let through uncounted).
 * The cause stays in `originalError`, for the log only.
 */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { originalError: cause instanceof Error ? cause : undefined, extensions: databaseUnavailableExtensions() });
  }
}

/** The extensions of a {@link DatabaseUnavailableError} (fresh each time: Apollo removes `http` from them). */
export function databaseUnavailableExtensions(): Record<string, unknown> {
  return {
    code: "DATABASE_UNAVAILABLE",
    retryAfterSeconds: DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS,
    http: { status: 503, headers: new Map([["retry-after", String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS)]]) },
  };
}

/** Notes that a connection of our pool was refused or lost (see {@link isDatabaseUnreachable}). */
export function noteConnectionLoss(): void {
  lastConnectionLossAt = Date.now();
}

/**
 * Whether `error`, raised by node-postgres on one of our connections, says the
 * server is unreachable: a network error, SQLSTATE class 08 (connection
 * exception), 57P01–57P03 (shutting down, not yet accepting), or a connection
 * terminated under it. Not an authentication or query error.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return CONNECTION_LOST.test(error.message);
}

/**
 * Whether `error` (as TypeORM or our pool raise it, or a `GraphQLError`
 * wrapping one) means our own database is unreachable. TypeORM's "query runner
 * already released" errors count only shortly after a connection was lost: the
 * runner was released because its connection died under it.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (error instanceof GraphQLError) return error.originalError !== undefined && error.originalError !== error && isDatabaseUnreachable(error.originalError);
  if (error instanceof QueryFailedError) return isConnectionFailure(error.driverError);
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return Date.now() - lastConnectionLossAt < LOSS_WINDOW_MS;
  return false;
}

/** `error` as a {@link DatabaseUnavailableError} when our database is unreachable, else `error` itself. */
export function databaseUnavailableOr(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnreachable(error)) return error;
  return new DatabaseUnavailableError(error instanceof GraphQLError ? (error.originalError ?? error) : error);
}
