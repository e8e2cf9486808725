import { GraphQLError } from "graphql";

/**
 * The error vocabulary shared by connectors, the resilience guard, the relay
 * and the API: it imports nothing of theirs, so every one of them can import it.
 */

/**
 * A backend refused a command in a way that retrying cannot fix (a 4xx, a
 * validation error). The relay marks it `FAILED` at once.
 */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/**
 * A backend could not take the command now (timeout, 5xx, 429). The relay
 * retries it with backoff, or after `retryAfterMs` when the backend said so.
 */
export class TransientDeliveryError extends Error {
  override name = "TransientDeliveryError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * A backend answered "too many requests" (HTTP 429). A delivery is retried
 * after `retryAfterMs` like any transient failure; a read waits that long when
 * its timeout allows, else fails with {@link ConnectorThrottledError}. Neither
 * counts towards opening the circuit: the backend is up, only busy.
 */
export class BackendThrottledError extends TransientDeliveryError {
  override name = "BackendThrottledError";
}

/** A read failed because the connector's backend is down, slow, or behind an open circuit: `CONNECTOR_UNAVAILABLE`. */
export class ConnectorUnavailableError extends GraphQLError {
  constructor(connector: string, reason: string, originalError?: Error) {
    super(`Connector "${connector}" is unavailable: ${reason}`, {
      originalError,
      extensions: { code: "CONNECTOR_UNAVAILABLE", connector },
    });
  }
}

/**
 * A read the backend refused as "too many requests" and that could not wait
 * for it within the call's timeout: `CONNECTOR_THROTTLED`, with the wait the
 * backend asked for (`retryAfterMs`) when it said. The backend is up: its
 * circuit stays closed. The message holds nothing of the backend's answer.
 */
export class ConnectorThrottledError extends GraphQLError {
  constructor(connector: string, retryAfterMs: number | undefined, originalError?: Error) {
    const when = retryAfterMs === undefined ? "" : `; it asked to wait ${retryAfterMs} ms`;
    super(`Connector "${connector}" is throttled by its backend (too many requests)${when}`, {
      originalError,
      extensions: { code: "CONNECTOR_THROTTLED", connector, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    });
  }
}

/** True for an error a read of one connector ends in when that connector cannot answer now (a merged list goes on without it). */
export function isConnectorReadFailure(error: unknown): error is ConnectorUnavailableError | ConnectorThrottledError {
  return error instanceof ConnectorUnavailableError || error instanceof ConnectorThrottledError;
}
