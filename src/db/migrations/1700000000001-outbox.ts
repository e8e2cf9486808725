import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The write side: commands (what a client asked for), the outbox (one row per
 * target connector, with Debezium's outbox columns) and idempotency records.
 * Entities a command touches get a sync status and their last command.
 */
export class Outbox1700000000001 implements MigrationInterface {
  name = "Outbox1700000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE command (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        idempotency_key text NOT NULL,
        principal text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX command_aggregate_idx ON command (aggregate_type, aggregate_id, created_at);
      CREATE INDEX command_created_idx ON command (created_at, id);

      -- One row per (command, target connector). id, aggregatetype, aggregateid,
      -- type and payload are Debezium's outbox columns, so the table can be streamed.
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        aggregatetype text NOT NULL,
        aggregateid text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        command_id uuid NOT NULL REFERENCES command(id),
        connector text NOT NULL,
        sequence bigserial NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        delivered_at timestamptz,
        reference text,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (command_id, connector)
      );
      CREATE INDEX outbox_aggregate_idx ON outbox (connector, aggregatetype, aggregateid, sequence);
      CREATE INDEX outbox_status_idx ON outbox (status, next_attempt_at);

      CREATE TABLE idempotency_record (
        principal text NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (principal, key)
      );
      CREATE INDEX idempotency_record_expires_idx ON idempotency_record (expires_at);

      ALTER TABLE "order" ADD COLUMN last_command_id uuid REFERENCES command(id);
      ALTER TABLE account ADD COLUMN last_command_id uuid REFERENCES command(id);
      -- Stock an order line holds in its warehouse, released when the order is cancelled.
      ALTER TABLE order_line ADD COLUMN reserved_quantity int NOT NULL DEFAULT 0;
      -- Numbers of orders placed through the API (the demo data uses SO-1xxxxx).
      CREATE SEQUENCE order_number_seq START 700001;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP SEQUENCE order_number_seq;
      ALTER TABLE order_line DROP COLUMN reserved_quantity;
      ALTER TABLE account DROP COLUMN last_command_id;
      ALTER TABLE "order" DROP COLUMN last_command_id;
      DROP TABLE idempotency_record, outbox, command;
    `);
  }
}
