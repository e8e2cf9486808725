import type { ApplyResult, OutboxCommand } from "../connector.js";
import type { KindConnector } from "../kind.js";
import { httpTransport, type HttpAuth } from "../http/http-transport.js";

export { retryAfterMs } from "../http/http-transport.js";

/** Settings of an `http-commands` connector. */
export interface HttpCommandsOptions {
  /** Connector name (appears in routes and command deliveries). */
  name: string;
  /** Base URL; commands are POSTed to `{url}/commands/{type}`. */
  url: string;
  /** Sent with every command: a bearer token, basic auth or a header of the backend's own. */
  auth?: HttpAuth;
  /** Command types it accepts. */
  applies: readonly string[];
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

/**
 * A write-only connector for any backend that takes commands as JSON over HTTP:
 * `POST {url}/commands/{type}` with an `Idempotency-Key` header and the command
 * as the body; a 2xx answer `{ "reference": "…" }` is the backend's id.
 * Failures are classified by the shared HTTP transport: 4xx answers (but 408
 * and 429) are permanent; 408, 429, 5xx, timeouts and network errors are
 * transient, and `Retry-After` is honoured.
 */
export function createHttpCommandsConnector(options: HttpCommandsOptions): KindConnector {
  const send = httpTransport({ name: options.name, baseUrl: options.url, timeoutMs: options.timeoutMs, auth: options.auth });
  return {
    readers: {},
    writer: {
      applies: options.applies,
      apply: async (command: OutboxCommand): Promise<ApplyResult> => {
        const response = await send({
          path: `/commands/${encodeURIComponent(command.type)}`,
          headers: { "content-type": "application/json", "idempotency-key": command.idempotencyKey },
          body: JSON.stringify({ id: command.id, type: command.type, aggregateType: command.aggregateType, aggregateId: command.aggregateId, payload: command.payload }),
        });
        const body = parseJson(response.text);
        return { reference: typeof body?.reference === "string" ? body.reference : null, details: body ?? undefined };
      },
    },
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
