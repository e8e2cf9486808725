import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes of the inbound path, so that its lookups cost one index probe
 * however much history a connector has:
 * - the latest applied change of an aggregate (whether a report is stale);
 * - an order by the backend's number (changes that name the ERP's order number);
 * - the outbox rows waiting for an aggregate (woken when that aggregate's command is delivered).
 */
export class InboundIndexes1700000000015 implements MigrationInterface {
  name = "InboundIndexes1700000000015";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS inbound_event_applied_idx ON inbound_event (connector, aggregate_key, occurred_at) WHERE status = 'APPLIED';
      CREATE INDEX IF NOT EXISTS order_external_number_idx ON "order" (external_number, created_at) WHERE external_number IS NOT NULL;
      CREATE INDEX IF NOT EXISTS outbox_depends_on_idx ON outbox USING gin (depends_on) WHERE status = 'PENDING';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_depends_on_idx; DROP INDEX IF EXISTS order_external_number_idx; DROP INDEX IF EXISTS inbound_event_applied_idx;`);
  }
}
