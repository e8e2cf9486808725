import type { MigrationInterface, QueryRunner } from "typeorm";

/** The index that serves product search (see `SEARCH_TEXT_SQL` in the store's catalog reader), for a DBA to create by hand. */
export const PRODUCT_SEARCH_INDEX_SQL = `CREATE INDEX IF NOT EXISTS product_search_trgm_idx ON product USING gin ((name || ' ' || sku) gin_trgm_ops)`;

/**
 * A trigram index for product search: `ILIKE '%word%'` on name and SKU is
 * served by pg_trgm's GIN operator class instead of a scan of every product.
 *
 * pg_trgm ships with PostgreSQL (the embedded server has it) and is a trusted
 * extension, so the database's owner may create it. Where this role may not (a
 * managed server that restricts extensions), the migration does not fail:
 * search works without the index (bounded by the search limits, the statement
 * timeout and the query cost), and a warning gives the SQL for a DBA to run.
 */
export class ProductSearchIndex1700000000009 implements MigrationInterface {
  name = "ProductSearchIndex1700000000009";

  async up(q: QueryRunner): Promise<void> {
    // Building the index on a large catalog may take longer than the pool's statement timeout.
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(`SAVEPOINT pg_trgm`);
    try {
      await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    } catch (error) {
      await q.query(`ROLLBACK TO SAVEPOINT pg_trgm`);
      process.emitWarning(
        `Product search runs without its index: the extension pg_trgm could not be created (${error instanceof Error ? error.message : String(error)}). ` +
          `Ask a database administrator to run \`CREATE EXTENSION pg_trgm;\` and then \`${PRODUCT_SEARCH_INDEX_SQL};\` in this database.`,
        { code: "COMMERCE_GRAPH_NO_SEARCH_INDEX" },
      );
      return;
    }
    await q.query(PRODUCT_SEARCH_INDEX_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS product_search_trgm_idx`);
  }
}
