import type { MigrationInterface, QueryRunner } from "typeorm";

/** API keys: the networks each may be used from, and a recognisable prefix to list them by. */
export class ApiKeyManagement1700000000007 implements MigrationInterface {
  name = "ApiKeyManagement1700000000007";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_key ADD COLUMN allowed_ips cidr[] NOT NULL DEFAULT '{}';
      ALTER TABLE api_key ADD COLUMN key_prefix text NOT NULL DEFAULT '';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP COLUMN allowed_ips, DROP COLUMN key_prefix;`);
  }
}
