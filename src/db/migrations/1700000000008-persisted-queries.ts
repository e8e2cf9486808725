import type { MigrationInterface, QueryRunner } from "typeorm";

/** Persisted queries: registered automatically by clients (APQ, with an expiry) or safelisted by operators. */
export class PersistedQueries1700000000008 implements MigrationInterface {
  name = "PersistedQueries1700000000008";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE persisted_query (
        hash text PRIMARY KEY,
        document text NOT NULL,
        safelisted boolean NOT NULL DEFAULT false,
        client text,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX persisted_query_expiry_idx ON persisted_query (expires_at) WHERE NOT safelisted;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE persisted_query;`);
  }
}
