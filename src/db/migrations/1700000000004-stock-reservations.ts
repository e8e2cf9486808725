import type { MigrationInterface, QueryRunner } from "typeorm";

/** Stock held for a cart or a batch of orders, until released or expired. */
export class StockReservations1700000000004 implements MigrationInterface {
  name = "StockReservations1700000000004";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        principal text NOT NULL,
        reference text,
        expires_at timestamptz NOT NULL,
        released_at timestamptz,
        release_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_command_id uuid REFERENCES command(id)
      );
      CREATE INDEX stock_reservation_expiry_idx ON stock_reservation (expires_at) WHERE released_at IS NULL;
      CREATE TABLE stock_reservation_line (
        reservation_id uuid NOT NULL REFERENCES stock_reservation(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        product_id uuid NOT NULL REFERENCES product(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        quantity int NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (reservation_id, line_number)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_reservation_line, stock_reservation;`);
  }
}
