/** Limits and transport settings that protect the API (see the README's security section). */
export interface SecurityOptions {
  /** Deepest selection nesting a document may have. */
  maxDepth: number;
  /** Most aliases in a document. */
  maxAliases: number;
  /** Most fields at the root of an operation. */
  maxRootFields: number;
  /** Most directives in a document. */
  maxDirectives: number;
  /** Most lexical tokens in a document (its size, as the parser sees it). */
  maxTokens: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most cost one operation may ask for (see `query-cost.ts`). */
  maxCost: number;
  /** Each principal's cost bucket: how much it holds, and how fast it refills (per second). */
  costBucket: { maximumAvailable: number; restoreRate: number };
  /**
   * Most requests one principal may have in flight on this process at once: an anonymous address
   * or a customer (`perClient`), an API key (`perApiKey`, a storefront server speaking for many buyers).
   */
  maxConcurrent: { perClient: number; perApiKey: number };
  /** Largest document a client may register as an automatic persisted query (bytes, UTF-8). */
  apqMaxBytes: number;
  /** Origins browsers may call from (`*` for any); none: no CORS headers. */
  corsOrigins: string[];
  /** A request that takes longer is answered 408 (ms). */
  requestTimeoutMs: number;
  /** Answer introspection queries (off in production unless turned on). */
  introspection: boolean;
  /** Production mode: no Sandbox, no "did you mean" suggestions, internal errors masked. */
  production: boolean;
  /** Run registered operations only (see `npm run operations`). */
  safelist: boolean;
  /** Accept a JSON array of operations in one request (each still limited and costed on its own). */
  batching: boolean;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client's address (allow-lists, anonymous
   * throttling): false (none: the socket's address), true (any), a hop count, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  /** How long a verified API key or customer token is believed without asking the database again (0: never); a revocation by another process takes up to this long. */
  credentialCacheSeconds: number;
}

/** The defaults: generous for storefront and mobile queries, tight for abuse. */
export const DEFAULT_SECURITY: SecurityOptions = {
  maxDepth: 12,
  maxAliases: 15,
  maxRootFields: 10,
  maxDirectives: 20,
  maxTokens: 3000,
  maxBodyBytes: 100_000,
  maxCost: 10_000,
  costBucket: { maximumAvailable: 20_000, restoreRate: 1000 },
  maxConcurrent: { perClient: 4, perApiKey: 32 },
  apqMaxBytes: 30_000,
  corsOrigins: [],
  requestTimeoutMs: 30_000,
  introspection: true,
  production: false,
  safelist: false,
  batching: false,
  trustProxy: false,
  credentialCacheSeconds: 10,
};
