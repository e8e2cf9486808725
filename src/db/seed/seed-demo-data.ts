import type { DataSource } from "typeorm";
import { DemoRandom } from "./demo-random.js";
import { DEMO_CUSTOMERS, seedAccounts } from "./seed-accounts.js";
import { seedCatalog } from "./seed-catalog.js";
import { seedOrders } from "./seed-orders.js";

export { DEMO_CUSTOMERS } from "./seed-accounts.js";

/** Options of {@link seedDemoData}. */
export interface SeedOptions {
  /** Multiplies products, accounts, orders and quotes (default 1); warehouses, categories and demo customers stay as they are. */
  scale?: number;
  /** Called with a short line after each stage, e.g. "orders 5000 (lines 17551, shipments 5679)". */
  onProgress?: (message: string) => void;
}

/** How many rows of each kind were seeded. */
export interface SeedSummary {
  warehouses: number;
  categories: number;
  products: number;
  /** All accounts: the top-level ones (demo customers included) and their ship-to sub-accounts. */
  accounts: number;
  orders: number;
  invoices: number;
  quotes: number;
}

/**
 * Fills an empty database with the demo data set, in one transaction.
 * Deterministic: a fixed random seed and a fixed reference date (2026-11-01),
 * so the same scale gives the same rows, ids included (only the demo customers'
 * password hashes differ, by their random salt). Throws if the product table is not empty.
 */
export async function seedDemoData(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be a positive number, not ${scale}`);
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  const progress = options.onProgress ?? (() => undefined);
  const r = new DemoRandom();
  const summary = await dataSource.transaction(async (m) => {
    const [{ n }] = (await m.query("SELECT count(*)::int AS n FROM product")) as [{ n: number }];
    if (n > 0) throw new Error("the database already holds products; the demo data goes only into an empty database");
    const catalog = await seedCatalog(m, r, scaled(500), progress);
    const accounts = await seedAccounts(
      m,
      r,
      { accounts: Math.max(DEMO_CUSTOMERS.length, scaled(100)), withSubAccounts: scaled(10), withRestrictions: scaled(20), withContracts: scaled(15) },
      catalog,
      progress,
    );
    const sales = await seedOrders(m, r, { orders: scaled(5000), quotes: scaled(300) }, catalog, accounts, progress);
    return {
      warehouses: catalog.warehouseIds.length,
      categories: catalog.categoryCount,
      products: catalog.products.length,
      accounts: accounts.length,
      orders: sales.orders,
      invoices: sales.invoices,
      quotes: sales.quotes,
    };
  });
  // Planner statistics now, not whenever autovacuum gets to it: without them the first
  // queries over the fresh tables (order lines by order, say) scan whole tables.
  await dataSource.query("ANALYZE");
  return summary;
}
