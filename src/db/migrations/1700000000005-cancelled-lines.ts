import type { MigrationInterface, QueryRunner } from "typeorm";

/** Cancelled quantities per order line, for cancelling part of an order. */
export class CancelledLines1700000000005 implements MigrationInterface {
  name = "CancelledLines1700000000005";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE order_line ADD COLUMN cancelled_quantity int NOT NULL DEFAULT 0;
      -- Numbers of invoices registered through the API (the demo data uses INV-2xxxxx).
      CREATE SEQUENCE invoice_number_seq START 900001;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE invoice_number_seq; ALTER TABLE order_line DROP COLUMN cancelled_quantity;`);
  }
}
