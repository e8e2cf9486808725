import type { DataSource } from "typeorm";
import pg from "pg";
import type { Connector, DomainReaders } from "../connector.js";
import { queryOf, type Query, type Row } from "./sql.js";
import { storeAccountReader } from "./store-account-reader.js";
import { storeCatalogReader } from "./store-catalog-reader.js";
import { storeInventoryReader } from "./store-inventory-reader.js";
import { storeInvoiceReader } from "./store-invoice-reader.js";
import { storeOrderReader } from "./store-order-reader.js";
import { storeQuoteReader } from "./store-quote-reader.js";
import { storeWarehouseReader } from "./store-warehouse-reader.js";
import { storeWriter } from "./store-writer.js";

/** Name of the built-in store connector. */
export const STORE = "store";

/**
 * The built-in connector: every domain kept in Commerce Graph's own Postgres.
 * Each reader method is one batched SQL statement; as a command target it
 * confirms what the mutation already wrote locally.
 */
export function createStoreConnector(dataSource: DataSource, name = STORE): Connector {
  const query = queryOf(dataSource);
  const writer = storeWriter(dataSource, name);
  return {
    name,
    kind: "store",
    readers: storeReaders(query, name),
    writer,
    inTransaction: (manager) => ({ name, kind: "store", readers: storeReaders(queryOf(manager), name), writer }),
  };
}

/**
 * Another Commerce Graph store's database (a second web store, say), read
 * through its own small connection pool. It applies no commands: writes go
 * through the API that owns that database.
 */
export function createExternalStoreConnector(databaseUrl: string, name: string): Connector {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  // An idle connection the database drops must not crash the process: the pool replaces it, and queries report the outage.
  pool.on("error", () => undefined);
  const query: Query = async (sql, params) => (await pool.query(sql, params)).rows as Row[];
  return { name, kind: "store", readers: storeReaders(query, name), close: () => pool.end() };
}

/** Every domain's reader over one database. */
function storeReaders(query: Query, name: string): DomainReaders {
  return {
    warehouses: storeWarehouseReader(query, name),
    catalog: storeCatalogReader(query, name),
    inventory: storeInventoryReader(query, name),
    accounts: storeAccountReader(query, name),
    orders: storeOrderReader(query, name),
    invoices: storeInvoiceReader(query, name),
    quotes: storeQuoteReader(query, name),
  };
}
