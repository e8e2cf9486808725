import { z } from "zod";
import { BackendThrottledError, PermanentDeliveryError, TransientDeliveryError } from "../errors.js";

/**
 * How an HTTP-based connector proves who it is, from its settings: a bearer
 * token, basic auth, or a header of the backend's own (`X-Api-Key: …`).
 */
export const HttpAuthSchema = z.union([
  z.object({ bearer: z.string().min(1) }).strict(),
  z.object({ basic: z.object({ username: z.string().min(1), password: z.string() }).strict() }).strict(),
  z.object({ header: z.object({ name: z.string().regex(/^[A-Za-z0-9-]+$/, "a header name"), value: z.string().min(1) }).strict() }).strict(),
]);

/** Validated auth settings (see {@link HttpAuthSchema}). */
export type HttpAuth = z.infer<typeof HttpAuthSchema>;

/** One backend's transport settings. */
export interface HttpTransportOptions {
  /** The connector's name: every error message starts with it. */
  name: string;
  /** The backend's base URL; a request's `path` is appended to it. */
  baseUrl: string;
  /** Each request gives up after this long (default 10 s); giving up is a transient failure. */
  timeoutMs?: number;
  /** Sent with every request. */
  auth?: HttpAuth;
  /**
   * The reason quoted from a failed answer's body in the error message
   * (default: its first 300 characters); null quotes nothing.
   */
  reasonOf?: (body: string, status: number) => string | null;
}

/** One request. */
export interface HttpRequest {
  /** Appended to the base URL (`/commands/orderPlace`). */
  path: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Names the call in error messages, after the connector's name (`erp account.list answered 503`). */
  label?: string;
  /**
   * Return every other answer below 500 (4xx but 408 and 429) instead of
   * failing permanently, for a protocol whose body says what went wrong.
   */
  returnClientErrors?: boolean;
}

/** A backend's answer, its body read as text. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request to the backend. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * The one HTTP transport of every HTTP-based connector kind. It answers 2xx
 * (and, when asked, any other answer below 500) and classifies every failure the same way:
 * network errors, timeouts, 5xx and 408 are {@link TransientDeliveryError}s;
 * 429 "too many requests" is a {@link BackendThrottledError}; any other 4xx is
 * a {@link PermanentDeliveryError} with the body's reason. `Retry-After`
 * (seconds or an HTTP date) is carried as `retryAfterMs`.
 */
export function httpTransport(options: HttpTransportOptions): HttpTransport {
  const base = options.baseUrl.replace(/\/+$/, "");
  const auth = authHeaders(options.auth);
  const reasonOf = options.reasonOf ?? ((body: string) => body.slice(0, 300));
  return async (request) => {
    const who = request.label ? `${options.name} ${request.label}` : options.name;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${request.path}`, {
        method: request.method ?? "POST",
        headers: { ...auth, ...request.headers },
        body: request.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      text = await response.text();
    } catch (error) {
      throw new TransientDeliveryError(`${options.name} unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.ok) return { status: response.status, headers: response.headers, text };
    const reason = reasonOf(text, response.status);
    const detail = `${who} answered ${response.status}${reason === null ? "" : `: ${reason}`}`;
    const retryAfter = retryAfterMs(response.headers.get("retry-after"));
    if (response.status === 429) throw new BackendThrottledError(detail, retryAfter);
    if (response.status === 408 || response.status >= 500) throw new TransientDeliveryError(detail, retryAfter);
    if (request.returnClientErrors) return { status: response.status, headers: response.headers, text };
    throw new PermanentDeliveryError(detail);
  };
}

/** The headers that carry `auth`. */
function authHeaders(auth: HttpAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ("bearer" in auth) return { authorization: `Bearer ${auth.bearer}` };
  if ("basic" in auth) return { authorization: `Basic ${Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString("base64")}` };
  return { [auth.header.name.toLowerCase()]: auth.header.value };
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
