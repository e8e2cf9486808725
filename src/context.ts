/*
 * The per-request context's type. Types only: the loaders and the transaction
 * context are created above every layer, in `loaders.ts`, so that anything
 * (the outbox, a plugin) can take a context without importing the domains.
 */
import type { GraphQLRequestContext } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import type { DataSource, EntityManager } from "typeorm";
import type { Principal } from "./auth/principal.js";
import type { LimitOptions } from "./common/input-limits.js";
import type { PartialErrors } from "./connectors/partial-errors.js";
import type { Router } from "./connectors/router.js";
import type { Loaders } from "./loaders.js";

/** What every resolver and service receives as its first argument. */
export interface RequestContext extends PartialErrors {
  /** Who is asking. */
  principal: Principal;
  /** The client's address (anonymous requests are throttled by it). */
  clientIp: string;
  /** The HTTP request's id, on every log line of the request (and in masked errors). */
  requestId: string;
  /** The request's logger: every line it writes carries the request id (`reqId`). */
  log: FastifyBaseLogger;
  /** Routes reads to connectors. */
  router: Router;
  /** Per-request batching loaders. */
  loaders: Loaders;
  /** Commerce Graph's own database (credentials, outbox, idempotency records). Resolvers never use it directly. */
  dataSource: DataSource;
  /** The response's cache policy (set by the cache-policy plugin): a resolver whose answer depends on something live calls `restrict({ maxAge: 0 })`. */
  cachePolicy?: GraphQLRequestContext<RequestContext>["overallCachePolicy"];
  /** Reservation caps and sign-in throttling, as configured. */
  limits: LimitOptions;
  /** Set by idempotent mutations; reported as `extensions.idempotency`. */
  idempotency?: { replayed: boolean };
  /**
   * The context a mutation decides in: this one, except that its router and
   * loaders read Commerce Graph's own database through the mutation's
   * transaction (`manager`). Its reads then see what it wrote and hold no
   * second pool connection while the transaction holds one (which deadlocked a
   * full pool); connectors over other systems are read as before. Fresh
   * loaders, so nothing read inside the transaction is cached for the rest of
   * the request. Call it as a method (`ctx.inTransaction(manager)`): it derives
   * from the context it is called on. Built where the loaders are (`loaders.ts`).
   */
  inTransaction(manager: EntityManager): RequestContext;
}
