import type { GraphQLRequestContext } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import type { DataSource, EntityManager } from "typeorm";
import type { Principal } from "./auth/principal.js";
import type { LimitOptions } from "./common/input-limits.js";
import type { PartialErrors } from "./common/partial-errors.js";
import type { Router } from "./connectors/router.js";
import { createCommandLoaders } from "./domains/command/command.loaders.js";
import { createStockReservationLoaders } from "./domains/warehouse/stock-reservation.commands.js";
import { createAccountLoaders } from "./domains/account/account.loaders.js";
import { createInvoiceLoaders } from "./domains/invoice/invoice.loaders.js";
import { createOrderLoaders } from "./domains/order/order.loaders.js";
import { createProductLoaders } from "./domains/product/product.loaders.js";
import { createQuoteLoaders } from "./domains/quote/quote.loaders.js";
import { createWarehouseLoaders } from "./domains/warehouse/warehouse.loaders.js";

/** Every per-request DataLoader, by name. */
export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Creates fresh loaders for one request (their caches live as long as the
 * request); `database` is the data source, or a mutation's transaction.
 */
export function createLoaders(router: Router, database: DataSource | EntityManager) {
  return {
    ...createCommandLoaders(database),
    ...createStockReservationLoaders(database),
    ...createWarehouseLoaders(router),
    ...createProductLoaders(router),
    ...createAccountLoaders(router),
    ...createOrderLoaders(router),
    ...createInvoiceLoaders(router),
    ...createQuoteLoaders(router),
  };
}

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
}

/**
 * The context a mutation decides in: the request's, except that its router and
 * loaders read Commerce Graph's own database through the mutation's transaction
 * (`manager`). Its reads then see what it wrote and hold no second pool
 * connection while the transaction holds one (which deadlocked a full pool);
 * connectors over other systems are read as before. Fresh loaders, so nothing
 * read inside the transaction is cached for the rest of the request.
 */
export function transactionContext(ctx: RequestContext, manager: EntityManager): RequestContext {
  // Shared with the request's context, so that errors collected inside reach the response.
  ctx.partialErrors ??= [];
  const router = ctx.router.inTransaction(manager);
  return { ...ctx, router, loaders: createLoaders(router, manager) };
}
