import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes of the inbound path, so that its lookups cost one index probe
 * however much history a connector has:
 * - the latest applied change of an aggregate (whether a report is stale);
 * - an order by the backend's number (changes that name the ERP's order number);
 * - the outbox rows waiting for an aggregate (woken when that aggregate's command is delivered);
 * - the parked changes due for another try (`next_attempt_at`, the backoff), the
 *   received changes left waiting (their apply job died), and the parked changes
 *   that refer to a record (`refs`: woken at once when it appears).
 */
export class InboundIndexes1700000000015 implements MigrationInterface {
  name = "InboundIndexes1700000000015";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS inbound_event_applied_idx ON inbound_event (connector, aggregate_key, occurred_at) WHERE status = 'APPLIED';
      CREATE INDEX IF NOT EXISTS order_external_number_idx ON "order" (external_number, created_at) WHERE external_number IS NOT NULL;
      CREATE INDEX IF NOT EXISTS outbox_depends_on_idx ON outbox USING gin (depends_on) WHERE status = 'PENDING';
      ALTER TABLE inbound_event ADD COLUMN IF NOT EXISTS next_attempt_at timestamptz, ADD COLUMN IF NOT EXISTS refs text[] NOT NULL DEFAULT '{}';
      CREATE INDEX IF NOT EXISTS inbound_event_due_idx ON inbound_event (next_attempt_at) WHERE status = 'PARKED';
      CREATE INDEX IF NOT EXISTS inbound_event_received_idx ON inbound_event (received_at) WHERE status = 'RECEIVED';
      CREATE INDEX IF NOT EXISTS inbound_event_refs_idx ON inbound_event USING gin (refs) WHERE status = 'PARKED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS inbound_event_refs_idx; DROP INDEX IF EXISTS inbound_event_received_idx; DROP INDEX IF EXISTS inbound_event_due_idx;
      ALTER TABLE inbound_event DROP COLUMN IF EXISTS refs, DROP COLUMN IF EXISTS next_attempt_at;`);
    await q.query(`DROP INDEX IF EXISTS outbox_depends_on_idx; DROP INDEX IF EXISTS order_external_number_idx; DROP INDEX IF EXISTS inbound_event_applied_idx;`);
  }
}
