import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { DataSource } from "typeorm";
import type { ZodError } from "zod";
import { InboundBatchSchema } from "../../commands/inbound-changes.js";
import type { ConnectorsConfig } from "../../connectors/connectors-config.js";
import { DatabaseBusyError, DATABASE_BUSY_RETRY_AFTER_SECONDS } from "../../db/database-busy.js";
import { DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS, isDatabaseUnreachable } from "../../db/database-unavailable.js";
import { ingestChanges } from "./inbound-apply.js";
import { checkTimestamp, SIGNATURE_HEADER, signatureMatches, TIMESTAMP_HEADER, type SignatureProblem } from "./push-signature.js";

/** Largest pushed batch, in bytes of body (1 MiB: room for the 500 changes a batch may hold). */
export const MAX_PUSH_BODY_BYTES = 1_048_576;
/** Most schema problems listed in a 400 answer (the count of all of them is given too). */
export const MAX_REPORTED_ISSUES = 20;

/** A UTF-16 surrogate without its pair: JSON can escape one, PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A connector name as the connectors file allows it (anything else is not one of ours: 404). */
const CONNECTOR_NAME = /^[a-z][a-z0-9_-]{0,99}$/;

/** What the push endpoint needs. */
export interface PushRouteDeps {
  dataSource: DataSource;
  /** The validated connectors file: a connector accepts pushed events when it has `events` settings. */
  connectors: ConnectorsConfig;
}

/** One problem of a batch that failed the schema: where (`changes.3.occurredAt`) and what. */
export interface BatchIssue {
  path: string;
  message: string;
}

type PushRequest = FastifyRequest<{ Params: { name: string } }>;

/** What each refused signature tells the sender to fix. */
const AUTH_MESSAGES: Record<SignatureProblem, string> = {
  SIGNATURE_MISSING: 'Sign the batch: send X-Commerce-Graph-Timestamp: <unix seconds> and X-Commerce-Graph-Signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>.',
  TIMESTAMP_INVALID: "X-Commerce-Graph-Timestamp must be the Unix time in whole seconds.",
  TIMESTAMP_OUT_OF_TOLERANCE: "X-Commerce-Graph-Timestamp is too far from our clock: sign each batch when you send it (and check your clock).",
  SIGNATURE_INVALID: 'X-Commerce-Graph-Signature does not match the body and timestamp: sign "<timestamp>.<raw body>" with the connector\'s events secret.',
};

/**
 * `POST /connectors/<name>/events`: a backend pushes a batch of changes
 * (`InboundBatchSchema`), signed with its connector's events secret. Outside
 * GraphQL: not under API keys, cost limits or CORS (the signature is the
 * authentication; browsers have no business here). Refusals cost little: an
 * unknown connector or a missing, malformed or stale timestamp is refused
 * before the body is read, and the signature is checked before the JSON is
 * parsed. The batch is validated whole, stored durably (`ingestChanges`) and
 * answered 202 `{ accepted, duplicates }`; it is applied afterwards. Nothing is
 * stored on any 4xx; 503 (with `Retry-After`) when our database does not answer.
 */
export async function registerPushRoute(fastify: FastifyInstance, deps: PushRouteDeps): Promise<void> {
  const eventsOf = (name: string) => (CONNECTOR_NAME.test(name) && Object.hasOwn(deps.connectors.connectors, name) ? deps.connectors.connectors[name]!.events : undefined);

  await fastify.register(async (scope) => {
    // Here only: the body stays raw bytes (the signature is over them), JSON is the one type accepted (else 415).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit: MAX_PUSH_BODY_BYTES }, (_, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));

    scope.post<{ Params: { name: string } }>(
      "/connectors/:name/events",
      {
        bodyLimit: MAX_PUSH_BODY_BYTES,
        config: { cors: false },
        // Before the body is read: which connector, and whether the timestamp is acceptable.
        onRequest: async (request: PushRequest, reply) => {
          const events = eventsOf(request.params.name);
          // Unknown, or not accepting pushes: the same answer, so that a caller cannot tell which.
          if (!events) return refuse(reply, 404, "NOT_FOUND", "No connector accepts events at this address.");
          const problem = checkTimestamp(headerOf(request, TIMESTAMP_HEADER), headerOf(request, SIGNATURE_HEADER), events.toleranceSeconds, Math.floor(Date.now() / 1000));
          if (problem) return refuse(reply, 401, problem, AUTH_MESSAGES[problem]);
        },
      },
      async (request, reply) => {
        const name = request.params.name;
        const events = eventsOf(name)!;
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (!signatureMatches(events.secret, headerOf(request, TIMESTAMP_HEADER)!, body, headerOf(request, SIGNATURE_HEADER)!)) {
          return refuse(reply, 401, "SIGNATURE_INVALID", AUTH_MESSAGES.SIGNATURE_INVALID);
        }
        let json: unknown;
        try {
          json = JSON.parse(body.toString("utf8"));
        } catch (error) {
          return refuse(reply, 400, "INVALID_JSON", `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
        }
        const parsed = InboundBatchSchema.safeParse(json);
        if (!parsed.success) return refuseBatch(reply, parsed.error);
        const unstorable = unstorableText(parsed.data);
        if (unstorable) return refuse(reply, 400, "INVALID_BATCH", "The batch holds text PostgreSQL cannot store; nothing was stored.", { issues: [unstorable], issueCount: 1 });
        const result = await ingestChanges(deps.dataSource, name, parsed.data.changes);
        request.log.info({ connector: name, ...result }, "pushed changes stored");
        return reply.code(202).send(result);
      },
    );
  });
}

/**
 * The first text of a validated batch that PostgreSQL cannot store: U+0000, or
 * a lone UTF-16 surrogate (JSON may escape both). Walked without recursion.
 */
function unstorableText(batch: unknown): BatchIssue | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value: batch, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { path: path.join("."), message: "text may not contain the NUL character (U+0000)" };
      if (LONE_SURROGATE.test(value)) return { path: path.join("."), message: "text may not contain a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)" };
    } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** A request header's one value (a repeated header is not one value: treated as absent). */
function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** Answers a refusal: `{ code, message }`. */
function refuse(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).send({ code, message, ...extra });
}

/** 400 with zod's problems, each as `{ path, message }`, at most {@link MAX_REPORTED_ISSUES}. */
function refuseBatch(reply: FastifyReply, error: ZodError): FastifyReply {
  const issues: BatchIssue[] = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
  const more = error.issues.length > issues.length ? ` (the first ${issues.length} of ${error.issues.length} listed)` : "";
  return refuse(reply, 400, "INVALID_BATCH", `The batch does not match the schema; nothing was stored${more}.`, { issues, issueCount: error.issues.length });
}

/** Fastify's own refusals (too large, not JSON) and failures, in the same shape; our database down or busy is 503 so that the backend retries. */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.statusCode === 413) return refuse(reply, 413, "PAYLOAD_TOO_LARGE", `A batch may be at most ${MAX_PUSH_BODY_BYTES} bytes: send fewer changes per batch.`);
  if (error.statusCode === 415) return refuse(reply, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the batch as Content-Type: application/json.");
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return refuse(reply, error.statusCode, "BAD_REQUEST", error.message);
  if (error instanceof DatabaseBusyError || isDatabaseUnreachable(error)) {
    const retryAfter = error instanceof DatabaseBusyError ? DATABASE_BUSY_RETRY_AFTER_SECONDS : DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS;
    request.log.warn({ err: error }, "pushed changes not stored: the database is not answering");
    return refuse(reply.header("retry-after", String(retryAfter)), 503, "DATABASE_UNAVAILABLE", "The changes were not stored: our database is not answering. Retry the same batch shortly.");
  }
  request.log.error({ err: error }, "pushed changes not stored");
  return refuse(reply, 500, "INTERNAL_SERVER_ERROR", "The changes were not stored. Retry the same batch later.");
}
