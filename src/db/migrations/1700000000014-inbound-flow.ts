import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The inbound half: changes that start in a backend and flow into the store.
 * - `order_event`: an order's history (status changes, shipments), with when,
 *   what, and who reported it (a connector, or a mutation's principal).
 * - `shipment` gains the backend's id, a tracking URL, its lines and its origin;
 *   `order_line.shipped_quantity` counts what has left.
 * - `inbound_event`: every change a backend reported (pushed or pulled), kept
 *   by its event id so that it is applied once, in order per aggregate, or
 *   parked while it cannot be applied yet.
 * - `sync_state`: each connector's pull sync per domain: where it stopped (the
 *   high-water mark a run resumes from) and how its runs went.
 * - `synced_from` / `synced_at` on products, stock levels and accounts: which
 *   connector's sync last wrote the row, and when.
 * - `command.origin`: the connector a change came from (never sent back to it);
 *   `outbox.depends_on`: the aggregates whose earlier commands must reach the
 *   same connector first (an order waits for its account's create).
 */
export class InboundFlow1700000000014 implements MigrationInterface {
  name = "InboundFlow1700000000014";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_event (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
        kind text NOT NULL,
        from_status text,
        to_status text,
        -- The connector that reported it; null when a mutation made it (see principal).
        connector text,
        principal text,
        -- The backend's event id, for a change that came in.
        event_id text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX order_event_order_idx ON order_event (order_id, occurred_at, id);

      ALTER TABLE shipment
        ADD COLUMN external_id text,
        ADD COLUMN tracking_url text,
        ADD COLUMN connector text,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT clock_timestamp();
      CREATE UNIQUE INDEX shipment_external_idx ON shipment (order_id, external_id) WHERE external_id IS NOT NULL;
      CREATE TABLE shipment_line (
        shipment_id uuid NOT NULL REFERENCES shipment(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (shipment_id, line_number)
      );
      ALTER TABLE order_line ADD COLUMN shipped_quantity int NOT NULL DEFAULT 0;

      CREATE TABLE inbound_event (
        id bigserial PRIMARY KEY,
        connector text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        -- The aggregate the change is about ("Order:SO-700001"): changes of one aggregate apply in occurred_at order.
        aggregate_key text NOT NULL,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        -- RECEIVED (waiting), APPLIED, PARKED (cannot apply yet: tried again later), REJECTED (can never apply).
        status text NOT NULL DEFAULT 'RECEIVED',
        attempts int NOT NULL DEFAULT 0,
        error text,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        applied_at timestamptz,
        UNIQUE (connector, event_id)
      );
      CREATE INDEX inbound_event_waiting_idx ON inbound_event (connector, aggregate_key, occurred_at, id) WHERE status IN ('RECEIVED', 'PARKED');
      CREATE INDEX inbound_event_status_idx ON inbound_event (connector, status);

      CREATE TABLE sync_state (
        connector text NOT NULL,
        domain text NOT NULL,
        -- Where the next run starts: the page a run under way reached, or the high-water mark a finished run left.
        cursor text,
        running_since timestamptz,
        last_run_at timestamptz,
        last_success_at timestamptz,
        items_applied bigint NOT NULL DEFAULT 0,
        errors int NOT NULL DEFAULT 0,
        last_error text,
        PRIMARY KEY (connector, domain)
      );

      ALTER TABLE product ADD COLUMN synced_from text, ADD COLUMN synced_at timestamptz;
      ALTER TABLE inventory_level ADD COLUMN synced_from text, ADD COLUMN synced_at timestamptz;
      ALTER TABLE account ADD COLUMN synced_from text, ADD COLUMN synced_at timestamptz;

      ALTER TABLE command ADD COLUMN origin text;
      ALTER TABLE outbox ADD COLUMN depends_on text[] NOT NULL DEFAULT '{}';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox DROP COLUMN depends_on;
      ALTER TABLE command DROP COLUMN origin;
      ALTER TABLE account DROP COLUMN synced_from, DROP COLUMN synced_at;
      ALTER TABLE inventory_level DROP COLUMN synced_from, DROP COLUMN synced_at;
      ALTER TABLE product DROP COLUMN synced_from, DROP COLUMN synced_at;
      DROP TABLE sync_state, inbound_event, shipment_line, order_event;
      ALTER TABLE order_line DROP COLUMN shipped_quantity;
      DROP INDEX shipment_external_idx;
      ALTER TABLE shipment DROP COLUMN external_id, DROP COLUMN tracking_url, DROP COLUMN connector, DROP COLUMN created_at;
    `);
  }
}
