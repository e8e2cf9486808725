import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { FastifyInstance } from "fastify";
import { print } from "graphql";
import type { Logger as TypeOrmLogger } from "typeorm";
import type { DataSource } from "typeorm";
import { inject } from "vitest";
import { createApp } from "../../src/app.js";
import type { Router } from "../../src/connectors/router.js";
import type { ConnectorsConfig } from "../../src/connectors/connectors-config.js";
import { createApiKey } from "../../src/auth/api-keys.js";
import { connectAndMigrate } from "../../src/db/data-source.js";
import { DEMO_CUSTOMERS } from "../../src/db/seed/seed-demo-data.js";
import { createLogger, type Logger } from "../../src/logger.js";
import type { SecurityOptions } from "../../src/security/security-options.js";
import { graphql } from "../generated/index.js";
import { DEFAULT_LIMITS, type LimitOptions } from "../../src/common/input-limits.js";

/** A GraphQL response as tests read it. */
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } & Record<string, unknown> }>;
}

/**
 * Sends a GraphQL operation: a typed document written with the generated `graphql(…)` (its result and
 * variables are checked by tsc), or a raw string for requests that are wrong on purpose (security, fuzz, limits).
 */
export interface SendOperation {
  <R, V>(document: TypedDocumentNode<R, V>, variables?: V, token?: string): Promise<GqlResponse<R>>;
  <R = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<R>>;
}

/** Counts SQL statements sent through the data source (the N+1 check). */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string): void {
    // The cost bucket's one or two statements per request are the same for every query: not data reads.
    if (query.includes("rate_limit_bucket")) return;
    this.count++;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.statements = [];
  }
}

/** An in-process server over the seeded test database, driven through real HTTP requests (Fastify inject). */
export interface TestServer {
  app: FastifyInstance;
  dataSource: DataSource;
  statements: StatementCounter;
  adminKey: string;
  storefrontKey: string;
  /** Runs a GraphQL operation with an optional bearer token. */
  gql: SendOperation;
  /** Signs a demo customer in and returns the access token. */
  customerToken(index: 0 | 1): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** A database of this test file's own (a copy of the seeded template) instead of the shared read-only one. */
  databaseUrl?: string;
  /** Connectors and routes, built on the server's data source (default: everything in the store). */
  router?: (dataSource: DataSource) => Router;
  /** The connectors file the app is given (its `events` settings accept pushed changes); default: the store only. */
  connectors?: ConnectorsConfig;
  /** Limits to test; by default the cost bucket and the bound on requests in flight are too large to throttle the suite's requests. */
  security?: Partial<SecurityOptions>;
  /** Guards `/metrics` (see `AppOptions.metricsToken`). */
  metricsToken?: string;
  /** Cache catalog responses (off by default, so that a test sees every change at once; the cache has tests of its own). */
  responseCache?: boolean;
  /** Where the server logs (default: nowhere). */
  logger?: Logger;
  /** How long a statement waits for one of the pool's 4 connections (default: the data source's). */
  acquireTimeoutMs?: number;
  /** Reservation caps and sign-in throttling; by default sign-in throttling is too loose to refuse the suite's requests (it has tests of its own). */
  limits?: Partial<LimitOptions>;
  /** The pool's statement timeout (ms; default: none). */
  statementTimeoutMs?: number;
  /** How often `/readyz` refreshes its database figures (default: the app's). */
  readyzRefreshMs?: number;
}

const SIGN_IN = graphql(`
  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }
`);

/** Sign-in throttling that the suite's requests never reach. */
const LOOSE_SIGN_IN = { ...DEFAULT_LIMITS.signIn, accountFailures: 1_000, addressFailures: 100_000, credentialFailures: 100_000 };

/** Starts a test server on a seeded database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const statements = new StatementCounter();
  const dataSource = await connectAndMigrate({ url: options.databaseUrl ?? inject("databaseUrl"), poolSize: 4, acquireTimeoutMs: options.acquireTimeoutMs, logger: statements, statementTimeoutMs: options.statementTimeoutMs });
  const router = options.router?.(dataSource);
  // Neither the bucket nor the bound on requests in flight throttles the suite's rapid and concurrent requests unless a test asks.
  const security = { costBucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 }, maxConcurrent: { perClient: 10_000, perApiKey: 10_000 }, ...options.security };
  const app = await createApp({ dataSource, logger: options.logger ?? createLogger("silent"), router, connectors: options.connectors, security, metricsToken: options.metricsToken, responseCache: options.responseCache ?? false, limits: { signIn: LOOSE_SIGN_IN, ...options.limits }, readyzRefreshMs: options.readyzRefreshMs });
  const adminKey = (await createApiKey(dataSource, { name: "test admin", scopes: ["admin"] })).secret;
  const storefrontKey = (await createApiKey(dataSource, { name: "test storefront", scopes: ["storefront"] })).secret;

  const gql: SendOperation = async (document: TypedDocumentNode | string, variables?: unknown, token?: string): Promise<GqlResponse<any>> => {
    const query = typeof document === "string" ? document : print(document);
    const response = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, ...(response.json() as object) } as GqlResponse<any>;
  };

  return {
    app,
    dataSource,
    statements,
    adminKey,
    storefrontKey,
    gql,
    customerToken: async (index) => {
      const { email, password } = DEMO_CUSTOMERS[index]!;
      const result = await gql(SIGN_IN, { input: { email, password } });
      const token = result.data?.customerAccessTokenCreate.customerAccessToken?.accessToken;
      if (!token) throw new Error(`could not sign in ${email}: ${JSON.stringify(result)}`);
      return token;
    },
    close: async () => {
      await app.close();
      await router?.close();
      await dataSource.destroy();
    },
  };
}
