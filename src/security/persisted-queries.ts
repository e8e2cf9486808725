import { createHash } from "node:crypto";
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { FastifyReply, FastifyRequest } from "fastify";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { queryCount, queryRow, type Queryable } from "../db/query-rows.js";

/** How long an automatically persisted query is kept after it was last registered (seconds). */
export const APQ_TTL_SECONDS = 86_400;

/** Registering an automatic persisted query costs one unit of the query cost per this many bytes of its document. */
export const APQ_BYTES_PER_COST = 10;

/**
 * The size (bytes, UTF-8) of the document a request registers as an automatic
 * persisted query — it sends the document with the persisted-query extension —
 * or 0 when it registers none. A document over `maxBytes` is refused with
 * `PERSISTED_QUERY_TOO_LARGE` (HTTP 400) before it is stored.
 */
export function apqRegistrationBytes(request: { query?: string; extensions?: Record<string, unknown> }, maxBytes: number): number {
  if (!request.extensions?.persistedQuery || typeof request.query !== "string") return 0;
  const bytes = Buffer.byteLength(request.query, "utf8");
  if (bytes > maxBytes) {
    throw new GraphQLError(`This persisted query is ${bytes} bytes; the largest document this server registers is ${maxBytes} bytes. Send it without the persisted-query extension, or make it smaller (comments and indentation count).`, {
      extensions: { code: "PERSISTED_QUERY_TOO_LARGE", maxBytes, http: { status: 400 } },
    });
  }
  return bytes;
}

/** What registering a document of `bytes` costs (see {@link APQ_BYTES_PER_COST}). */
export function apqRegistrationCost(bytes: number): number {
  return Math.ceil(bytes / APQ_BYTES_PER_COST);
}

/** The hash a client sends for a document: SHA-256 of its exact text, hex. */
export function documentHash(document: string): string {
  return createHash("sha256").update(document).digest("hex");
}

/**
 * Apollo Server's persisted-query cache, kept in PostgreSQL so that a query a
 * mobile client registered on one replica is found on every other. Apollo
 * prefixes its keys with `apq:`; rows are stored by the bare hash, with an
 * expiry (safelisted documents never expire and are never replaced). A
 * document over `maxBytes` is never stored (the cost plugin refuses it first).
 */
export class PgPersistedQueryCache implements KeyValueCache<string> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const row = await queryRow<{ document: string }>(this.dataSource, `SELECT document FROM persisted_query WHERE hash = $1 AND (expires_at IS NULL OR expires_at > now())`, [hashOf(key)]);
    return row?.document;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (Buffer.byteLength(value, "utf8") > this.maxBytes) return;
    const ttl = options?.ttl ?? APQ_TTL_SECONDS;
    await queryCount(
      this.dataSource,
      `INSERT INTO persisted_query (hash, document, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (hash) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE NOT persisted_query.safelisted`,
      [hashOf(key), value, ttl],
    );
  }

  async delete(key: string): Promise<boolean> {
    await queryCount(this.dataSource, `DELETE FROM persisted_query WHERE hash = $1 AND NOT safelisted`, [hashOf(key)]);
    return true;
  }
}

function hashOf(key: string): string {
  return key.replace(/^apq:/, "");
}

/**
 * Safelist mode: only documents an operator registered run (`npm run
 * operations -- register`); anything else is refused before Apollo Server
 * parses it, with `PERSISTED_QUERY_NOT_ALLOWED` (HTTP 400). A Fastify hook on
 * the GraphQL route: it sees the document (or its hash, for a persisted query)
 * in a POST body or GET parameters. Registered hashes are remembered by each
 * process once seen.
 */
export function safelistHook(dataSource: DataSource, path: string) {
  const known = new Set<string>();
  const allowed = async (hash: string | null): Promise<boolean> => {
    if (hash === null) return false;
    if (known.has(hash)) return true;
    const registered = (await queryRow<{ "?column?": number }>(dataSource, `SELECT 1 FROM persisted_query WHERE hash = $1 AND safelisted`, [hash])) !== undefined;
    if (registered) known.add(hash);
    return registered;
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // The route as Fastify matched it (a percent-encoded path is the same route).
    if (request.routeOptions.url !== path) return;
    const body = request.method === "GET" ? request.query : request.body;
    // Every operation of a batch must be registered; a request without a document or hash is refused too.
    const operations = Array.isArray(body) ? body : [body];
    for (const operation of operations) if (!(await allowed(operationHash(operation)))) return refuse(reply);
  };
}

/** The hash of an operation's document: of its text, or the persisted-query hash it sends. */
function operationHash(params: unknown): string | null {
  const { query, extensions } = (params ?? {}) as { query?: unknown; extensions?: unknown };
  if (typeof query === "string") return documentHash(query);
  const parsed = typeof extensions === "string" ? safeJson(extensions) : extensions;
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? hash : null;
}

async function refuse(reply: FastifyReply): Promise<void> {
  await reply
      .code(400)
      .type("application/json; charset=utf-8")
    .send({ errors: [{ message: "This server runs registered operations only, and this one is not registered.", extensions: { code: "PERSISTED_QUERY_NOT_ALLOWED" } }] });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Registers documents in the safelist: a `.graphql` file is one document (as
 * the client sends it, byte for byte); a `.json` manifest maps hashes to
 * documents (graphql-codegen's persisted documents, Apollo's operation
 * manifests). Returns the hashes registered.
 */
export async function registerOperations(db: Queryable, documents: Array<{ hash?: string; document: string }>, client: string | null): Promise<string[]> {
  const hashes: string[] = [];
  for (const { hash, document } of documents) {
    const computed = documentHash(document);
    if (hash && hash !== computed) throw new Error(`The hash ${hash} is not the SHA-256 of its document (${computed}).`);
    await queryCount(
      db,
      `INSERT INTO persisted_query (hash, document, safelisted, client) VALUES ($1, $2, true, $3)
       ON CONFLICT (hash) DO UPDATE SET safelisted = true, client = EXCLUDED.client, expires_at = NULL`,
      [computed, document, client],
    );
    hashes.push(computed);
  }
  return hashes;
}

/** Forgets expired automatic persisted queries (never safelisted ones); returns how many. Run hourly by the relay (see `scheduled-tasks.ts`). */
export function purgeExpiredPersistedQueries(db: Queryable): Promise<number> {
  return queryCount(db, `DELETE FROM persisted_query WHERE expires_at < now() AND NOT safelisted`);
}
