import type { MigrationInterface, QueryRunner } from "typeorm";

/** Token buckets shared by every process on this database (an upstream's request quota). */
export class RateLimitBuckets1700000000006 implements MigrationInterface {
  name = "RateLimitBuckets1700000000006";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_bucket (
        key text PRIMARY KEY,
        tokens float8 NOT NULL,
        allowed boolean NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_bucket;`);
  }
}
