import type { MigrationInterface, QueryRunner } from "typeorm";

/** Secrets every replica must share (the key that signs pagination cursors), generated once. */
export class ServerSecrets1700000000011 implements MigrationInterface {
  name = "ServerSecrets1700000000011";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE server_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE server_secret;`);
  }
}
