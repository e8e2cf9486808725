import { z } from "zod";
import { DEFAULT_ACQUIRE_TIMEOUT_MS } from "./db/data-source.js";
import { DEFAULT_LIMITS, MAX_RESERVATION_MINUTES, type LimitOptions } from "./common/input-limits.js";
import { DEFAULT_SECURITY, type SecurityOptions } from "./security/security-options.js";
import { DEFAULT_READYZ_REFRESH_MS } from "./observability/readiness.js";

const { customer: CUSTOMER_CAP, storefront: STOREFRONT_CAP } = DEFAULT_LIMITS.reservations;
const SIGN_IN = DEFAULT_LIMITS.signIn;
/** A statement on the API's pool that runs longer than this is cancelled by PostgreSQL (ms). */
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

/** Settings read from the environment at start-up. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  // Loopback (IPv4 and IPv6) unless told otherwise: the README advertises demo credentials.
  HOST: z.string().min(1).default("localhost"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_ACQUIRE_TIMEOUT_MS),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  ADMIN_API_KEY: z.string().min(20, "ADMIN_API_KEY must be at least 20 characters").startsWith("cgk_", "ADMIN_API_KEY must start with cgk_ (the API key prefix)").optional(),
  SEED: z.enum(["auto", "always", "never"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  RELAY: z.enum(["on", "off"]).default("on"),
  RELAY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  RELAY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  RELAY_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1000),
  RELAY_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(300_000),
  FAILURE_WEBHOOK_URL: z.string().url().optional(),
  FAILURE_WEBHOOK_SECRET: z.string().min(16, "FAILURE_WEBHOOK_SECRET must be at least 16 characters").optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(DEFAULT_SECURITY.maxDepth),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(DEFAULT_SECURITY.maxAliases),
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_SECURITY.maxRootFields),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(DEFAULT_SECURITY.maxDirectives),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_SECURITY.maxTokens),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_SECURITY.maxCost),
  GRAPHQL_COST_BUCKET: z.coerce.number().int().min(1).default(DEFAULT_SECURITY.costBucket.maximumAvailable),
  GRAPHQL_COST_RESTORE_RATE: z.coerce.number().positive().default(DEFAULT_SECURITY.costBucket.restoreRate),
  GRAPHQL_INTROSPECTION: z.enum(["on", "off"]).optional(),
  GRAPHQL_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(DEFAULT_SECURITY.maxConcurrent.perClient),
  GRAPHQL_MAX_CONCURRENT_API_KEY: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_SECURITY.maxConcurrent.perApiKey),
  GRAPHQL_APQ_MAX_BYTES: z.coerce.number().int().min(100).max(100_000_000).default(DEFAULT_SECURITY.apqMaxBytes),
  READYZ_REFRESH_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_READYZ_REFRESH_MS),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_STATEMENT_TIMEOUT_MS),
  HTTP_MAX_BODY_BYTES: z.coerce.number().int().min(1000).max(100_000_000).default(DEFAULT_SECURITY.maxBodyBytes),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(DEFAULT_SECURITY.requestTimeoutMs),
  CORS_ORIGINS: z.string().default(""),
  SAFELIST: z.enum(["on", "off"]).default("off"),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  CURSOR_SECRET: z.string().min(32, "CURSOR_SECRET must be at least 32 characters").max(1024, "CURSOR_SECRET must be at most 1024 characters").optional(),
  GRAPHQL_BATCHING: z.enum(["on", "off"]).default("off"),
  CREDENTIAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(DEFAULT_SECURITY.credentialCacheSeconds),
  RESPONSE_CACHE: z.enum(["on", "off"]).default("on"),
  RESERVATION_CUSTOMER_MAX_MINUTES: z.coerce.number().int().min(1).max(MAX_RESERVATION_MINUTES).default(CUSTOMER_CAP.maxMinutes),
  RESERVATION_CUSTOMER_MAX_ACTIVE: z.coerce.number().int().min(1).max(1_000_000_000).default(CUSTOMER_CAP.maxActive),
  RESERVATION_CUSTOMER_MAX_UNITS: z.coerce.number().int().min(1).max(1_000_000_000).default(CUSTOMER_CAP.maxUnits),
  RESERVATION_STOREFRONT_MAX_MINUTES: z.coerce.number().int().min(1).max(MAX_RESERVATION_MINUTES).default(STOREFRONT_CAP.maxMinutes),
  RESERVATION_STOREFRONT_MAX_ACTIVE: z.coerce.number().int().min(1).max(1_000_000_000).default(STOREFRONT_CAP.maxActive),
  RESERVATION_STOREFRONT_MAX_UNITS: z.coerce.number().int().min(1).max(1_000_000_000).default(STOREFRONT_CAP.maxUnits),
  SIGNIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).max(1000).default(SIGN_IN.accountFailures),
  SIGNIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(SIGN_IN.addressFailures),
  AUTH_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(SIGN_IN.credentialFailures),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(SIGN_IN.windowSeconds),
  TRUST_PROXY: z
    .string()
    .refine((value) => value !== "true", "TRUST_PROXY=true would believe any client's X-Forwarded-For; give the number of proxies in front, or their addresses/CIDRs")
    .default(""),
});

/** Validated configuration. */
export interface AppConfig {
  port: number;
  host: string;
  /** External Postgres; when absent, an embedded server is started. */
  databaseUrl: string | undefined;
  /** How long a statement waits for a free pool connection before the request answers DATABASE_BUSY (ms). */
  databaseAcquireTimeoutMs: number;
  /** Where the embedded Postgres keeps its data. */
  dataDir: string;
  embeddedPgPort: number;
  adminApiKey: string | undefined;
  /** Seed the demo data: `auto` seeds an empty embedded database only. */
  seed: "auto" | "always" | "never";
  logLevel: string;
  production: boolean;
  /** Query limits, cost, transport. */
  security: SecurityOptions;
  /** PostgreSQL cancels a statement of the API's pool that runs longer than this (ms); 0: no limit. */
  statementTimeoutMs: number;
  /** `/readyz` refreshes its database check and delivery figures at most this often (ms); 0: every probe. */
  readyzRefreshMs: number;
  /** Guards `/metrics` when set. */
  metricsToken: string | undefined;
  /** Signs pagination cursors; when unset, a secret generated once and kept in the database. */
  cursorSecret: string | undefined;
  /** Cache whole responses to catalog queries. */
  responseCache: boolean;
  /** Reservation caps and sign-in throttling (see `input-limits.ts`). */
  limits: LimitOptions;
  relay: {
    /** Run the outbox relay inside `start` (it always runs in `relay`). */
    inProcess: boolean;
    concurrency: number;
    maxAttempts: number;
    baseMs: number;
    maxMs: number;
    webhook?: { url: string; secret: string };
  };
}

function requireSecret(secret: string | undefined): string {
  if (!secret) throw new Error("Invalid configuration:\n  FAILURE_WEBHOOK_SECRET: required when FAILURE_WEBHOOK_URL is set");
  return secret;
}

/** Reads and validates the configuration; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.GRAPHQL_MAX_COST > e.GRAPHQL_COST_BUCKET) throw new Error("Invalid configuration:\n  GRAPHQL_MAX_COST: must not exceed GRAPHQL_COST_BUCKET (a query costing more could never run)");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAcquireTimeoutMs: e.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    adminApiKey: e.ADMIN_API_KEY,
    seed: e.SEED ?? "auto",
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    metricsToken: e.METRICS_TOKEN,
    cursorSecret: e.CURSOR_SECRET,
    responseCache: e.RESPONSE_CACHE === "on",
    limits: {
      reservations: {
        customer: { maxMinutes: e.RESERVATION_CUSTOMER_MAX_MINUTES, maxActive: e.RESERVATION_CUSTOMER_MAX_ACTIVE, maxUnits: e.RESERVATION_CUSTOMER_MAX_UNITS },
        storefront: { maxMinutes: e.RESERVATION_STOREFRONT_MAX_MINUTES, maxActive: e.RESERVATION_STOREFRONT_MAX_ACTIVE, maxUnits: e.RESERVATION_STOREFRONT_MAX_UNITS },
        admin: DEFAULT_LIMITS.reservations.admin,
      },
      signIn: {
        accountFailures: e.SIGNIN_ACCOUNT_FAILURES,
        addressFailures: e.SIGNIN_ADDRESS_FAILURES,
        credentialFailures: e.AUTH_ADDRESS_FAILURES,
        windowSeconds: e.SIGNIN_WINDOW_SECONDS,
      },
    },
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    readyzRefreshMs: e.READYZ_REFRESH_MS,
    security: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxRootFields: e.GRAPHQL_MAX_ROOT_FIELDS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      costBucket: { maximumAvailable: e.GRAPHQL_COST_BUCKET, restoreRate: e.GRAPHQL_COST_RESTORE_RATE },
      maxConcurrent: { perClient: e.GRAPHQL_MAX_CONCURRENT, perApiKey: e.GRAPHQL_MAX_CONCURRENT_API_KEY },
      apqMaxBytes: e.GRAPHQL_APQ_MAX_BYTES,
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      corsOrigins: e.CORS_ORIGINS.split(",").map((origin) => origin.trim()).filter(Boolean),
      production: e.NODE_ENV === "production",
      safelist: e.SAFELIST === "on",
      batching: e.GRAPHQL_BATCHING === "on",
      trustProxy: e.TRUST_PROXY === "" || e.TRUST_PROXY === "false" ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
      introspection: e.GRAPHQL_INTROSPECTION ? e.GRAPHQL_INTROSPECTION === "on" : e.NODE_ENV !== "production",
      credentialCacheSeconds: e.CREDENTIAL_CACHE_SECONDS,
    },
    relay: {
      inProcess: e.RELAY === "on",
      concurrency: e.RELAY_CONCURRENCY,
      maxAttempts: e.RELAY_MAX_ATTEMPTS,
      baseMs: e.RELAY_BACKOFF_BASE_MS,
      maxMs: e.RELAY_BACKOFF_MAX_MS,
      webhook: e.FAILURE_WEBHOOK_URL ? { url: e.FAILURE_WEBHOOK_URL, secret: requireSecret(e.FAILURE_WEBHOOK_SECRET) } : undefined,
    },
  };
}
