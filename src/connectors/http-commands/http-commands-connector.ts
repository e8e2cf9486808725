import type { ApplyResult, Connector, OutboxCommand } from "../connector.js";
import { PermanentDeliveryError, TransientDeliveryError } from "../connector.js";

/** Settings of an `http-commands` connector. */
export interface HttpCommandsOptions {
  /** Connector name (appears in routes and command deliveries). */
  name: string;
  /** Base URL; commands are POSTed to `{url}/commands/{type}`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Command types it accepts. */
  applies: readonly string[];
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

/**
 * A write-only connector for any backend that takes commands as JSON over HTTP:
 * `POST {url}/commands/{type}` with an `Idempotency-Key` header and the command
 * as the body; a 2xx answer `{ "reference": "…" }` is the backend's id.
 * 4xx answers (but 408 and 429) are permanent failures; 408, 429, 5xx, timeouts
 * and network errors are transient, and `Retry-After` is honoured.
 */
export function createHttpCommandsConnector(options: HttpCommandsOptions): Connector {
  const base = options.url.replace(/\/+$/, "");
  return {
    name: options.name,
    kind: "http-commands",
    readers: {},
    writer: {
      applies: options.applies,
      apply: async (command: OutboxCommand): Promise<ApplyResult> => {
        let response: Response;
        try {
          response = await fetch(`${base}/commands/${encodeURIComponent(command.type)}`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "idempotency-key": command.idempotencyKey,
              ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            },
            body: JSON.stringify({ id: command.id, type: command.type, aggregateType: command.aggregateType, aggregateId: command.aggregateId, payload: command.payload }),
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          });
        } catch (error) {
          throw new TransientDeliveryError(`${options.name} unreachable: ${error instanceof Error ? error.message : String(error)}`);
        }
        const text = await response.text();
        if (response.ok) {
          const body = parseJson(text);
          return { reference: typeof body?.reference === "string" ? body.reference : null, details: body ?? undefined };
        }
        const detail = `${options.name} answered ${response.status}: ${text.slice(0, 300)}`;
        if (response.status === 408 || response.status === 429 || response.status >= 500) {
          throw new TransientDeliveryError(detail, retryAfterMs(response.headers.get("retry-after")));
        }
        throw new PermanentDeliveryError(detail);
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

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
