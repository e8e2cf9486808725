import type { DataSource } from "typeorm";
import { DemoRandom } from "./demo-random.js";
import { seedAccounts } from "./seed-accounts.js";
import { seedCatalog } from "./seed-catalog.js";
import { seedOrders } from "./seed-orders.js";

export { DEMO_CUSTOMERS } from "./seed-accounts.js";

/** Options of {@link seedDemoData}. */
export interface SeedOptions {
  /** Multiplies products, accounts, orders and quotes (default 1). */
  scale?: number;
  /** Called with a short line after each stage. */
  onProgress?: (message: string) => void;
}

/** How many rows of each kind were seeded. */
export interface SeedSummary {
  warehouses: number;
  categories: number;
  products: number;
  accounts: number;
  orders: number;
  invoices: number;
  quotes: number;
}

/**
 * Fills an empty database with the demo store, in one transaction.
 * Deterministic: a fixed random seed and a fixed reference date, so the same
 * scale gives the same rows (ids included). Throws if products already exist.
 */
export async function seedDemoData(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  const progress = options.onProgress ?? (() => undefined);
  const r = new DemoRandom();
  return dataSource.transaction(async (m) => {
    const [{ n }] = (await m.query("SELECT count(*)::int AS n FROM product")) as [{ n: number }];
    if (n > 0) throw new Error("the database already holds products; seed only an empty database");
    const catalog = await seedCatalog(m, r, scaled(500));
    progress(`catalog: ${catalog.warehouseIds.length} warehouses, ${catalog.categoryCount} categories, ${catalog.products.length} products`);
    const accounts = await seedAccounts(m, r, Math.max(2, scaled(100)), catalog);
    progress(`accounts: ${accounts.length} (with ship-to sub-accounts), price lists`);
    const sales = await seedOrders(m, r, { orders: scaled(5000), quotes: scaled(300) }, catalog, accounts);
    progress(`orders: ${sales.orders} (${sales.lines} lines), invoices: ${sales.invoices}, quotes: ${sales.quotes}`);
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
}
