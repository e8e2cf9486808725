import type { DataSource, EntityManager } from "typeorm";
import type { Router } from "./connectors/router.js";
import type { RequestContext } from "./context.js";
import { createAccountLoaders } from "./domains/account/account.loaders.js";
import { createCommandLoaders } from "./domains/command/command.loaders.js";
import { createInvoiceLoaders } from "./domains/invoice/invoice.loaders.js";
import { createOrderLoaders } from "./domains/order/order.loaders.js";
import { createProductLoaders } from "./domains/product/product.loaders.js";
import { createQuoteLoaders } from "./domains/quote/quote.loaders.js";
import { createStockReservationLoaders } from "./domains/warehouse/stock-reservation.commands.js";
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

/**
 * {@link RequestContext.inTransaction}: derives from the context it is called
 * on (`this`), which is Apollo's own copy of the request's context per operation.
 */
function inTransaction(this: RequestContext, manager: EntityManager): RequestContext {
  // Shared with the request's context, so that errors collected inside reach the response.
  this.partialErrors ??= [];
  const router = this.router.inTransaction(manager);
  return { ...this, router, loaders: createLoaders(router, manager) };
}

/** A request context's per-request parts: fresh loaders over `dataSource`, and how to enter a mutation's transaction. */
export function requestScope(router: Router, dataSource: DataSource): Pick<RequestContext, "loaders" | "inTransaction"> {
  return { loaders: createLoaders(router, dataSource), inTransaction };
}
