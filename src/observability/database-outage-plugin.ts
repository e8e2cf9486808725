import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { FastifyBaseLogger } from "fastify";
import type { RequestContext } from "../context.js";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableExtensions, isDatabaseUnreachable } from "../db/database-unavailable.js";

/** At most one "database unavailable" log line per this many ms per process; the next says how many it left out. */
export const DATABASE_OUTAGE_LOG_EVERY_MS = 10_000;

/**
 * One warn line (no stack) per `everyMs` for a database outage, however many
 * requests meet it: the line names the latest cause and how many occurrences
 * were left out since the previous line.
 */
export class OutageWarnings {
  private lastAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly logger: Pick<FastifyBaseLogger, "warn">,
    private readonly everyMs = DATABASE_OUTAGE_LOG_EVERY_MS,
  ) {}

  /** Counts one request that met the outage, and logs when the last line is old enough. */
  report(cause: unknown, requestId?: string): void {
    const now = Date.now();
    if (now - this.lastAt < this.everyMs) {
      this.suppressed++;
      return;
    }
    this.logger.warn({ cause: describe(cause), suppressed: this.suppressed, everyMs: this.everyMs, ...(requestId ? { reqId: requestId } : {}) }, "database unavailable: requests answer DATABASE_UNAVAILABLE (503)");
    this.lastAt = now;
    this.suppressed = 0;
  }
}

/** The driver's short reason, for operators: code and message of the innermost cause. */
function describe(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && "originalError" in inner && inner.originalError instanceof Error && inner.originalError !== inner) inner = inner.originalError;
  if (!(inner instanceof Error)) return String(inner);
  const code = (inner as { code?: unknown }).code ?? (inner as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof code === "string" ? `${code}: ${inner.message}` : inner.message;
}

/**
 * Answers every error that says our own database is unreachable — wherever it
 * surfaced (a resolver, the cost bucket, a store read, a mutation) — as
 * `DATABASE_UNAVAILABLE` (HTTP 503, `Retry-After`, no driver text), and logs
 * it through {@link OutageWarnings}, never one line per request. Also logs the
 * ones raised while the context is built. Must come before the plugins that log
 * or count errors (synchronous until its end, so they see the new code).
 */
export function databaseOutagePlugin(warnings: OutageWarnings): ApolloServerPlugin<RequestContext> {
  return {
    async contextCreationDidFail({ error }) {
      if (isDatabaseUnreachable(error)) warnings.report(error);
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          // A payload read after a commit keeps its own message: the change was stored (see `afterCommit`).
          const unreachable = errors.filter((error) => error.extensions.changeStored !== true && isDatabaseUnreachable(error));
          for (const error of unreachable) rewrite(error);
          if (unreachable.length > 0) warnings.report(unreachable[0], contextValue.requestId);
        },
      };
    },
  };
}

/** Makes `error` a DATABASE_UNAVAILABLE error in place (Apollo formats the same object). */
function rewrite(error: GraphQLError): void {
  error.message = DATABASE_UNAVAILABLE_MESSAGE;
  Object.assign(error.extensions as Record<string, unknown>, databaseUnavailableExtensions());
}
