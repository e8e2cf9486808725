import type { MigrationInterface, QueryRunner } from "typeorm";

/** Returned quantities per order line, numbers for requested quotes, deleted accounts and removed ship-tos. */
export class ReturnsQuotesAccounts1700000000003 implements MigrationInterface {
  name = "ReturnsQuotesAccounts1700000000003";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE order_line ADD COLUMN returned_quantity int NOT NULL DEFAULT 0;
      -- Numbers of quotes requested through the API (the demo data uses QT-3xxxxx).
      CREATE SEQUENCE quote_number_seq START 800001;
      ALTER TABLE account ADD COLUMN deleted_at timestamptz;
      -- Removed ship-tos stay for the orders that used them.
      ALTER TABLE ship_to ADD COLUMN removed_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ship_to DROP COLUMN removed_at;
      ALTER TABLE account DROP COLUMN deleted_at;
      DROP SEQUENCE quote_number_seq;
      ALTER TABLE order_line DROP COLUMN returned_quantity;
    `);
  }
}
