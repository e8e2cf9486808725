import type { MigrationInterface, QueryRunner } from "typeorm";

/** Finds a principal's active stock reservations at once: what it holds is checked against its caps on every `stockReserve`. */
export class ReservationCaps1700000000010 implements MigrationInterface {
  name = "ReservationCaps1700000000010";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stock_reservation_principal_idx ON stock_reservation (principal, expires_at) WHERE released_at IS NULL;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_reservation_principal_idx;`);
  }
}
