import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes that let `/readyz` and `Query.connectors` find each connector's latest
 * delivery and latest delivery error with one index probe each, whatever the
 * size of the delivered history (see `readDeliveryStats`).
 */
export class OutboxHealthIndexes1700000000013 implements MigrationInterface {
  name = "OutboxHealthIndexes1700000000013";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS outbox_delivered_idx ON outbox (connector, delivered_at DESC) WHERE delivered_at IS NOT NULL;
      CREATE INDEX IF NOT EXISTS outbox_last_error_idx ON outbox (connector, updated_at DESC) WHERE last_error IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_last_error_idx; DROP INDEX IF EXISTS outbox_delivered_idx;`);
  }
}
