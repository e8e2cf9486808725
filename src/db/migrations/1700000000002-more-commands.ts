import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Saved payment methods (a provider's token, never a card number), and the
 * last command of invoices, products and quotes.
 */
export class MoreCommands1700000000002 implements MigrationInterface {
  name = "MoreCommands1700000000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_method (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        provider text NOT NULL,
        token text NOT NULL,
        brand text,
        last4 char(4),
        expiry_month int CHECK (expiry_month BETWEEN 1 AND 12),
        expiry_year int,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        last_command_id uuid REFERENCES command(id)
      );
      CREATE INDEX payment_method_account_idx ON payment_method (account_id) WHERE removed_at IS NULL;
      ALTER TABLE "order" ADD COLUMN payment_method_id uuid REFERENCES payment_method(id);
      ALTER TABLE invoice ADD COLUMN last_command_id uuid REFERENCES command(id);
      ALTER TABLE product ADD COLUMN last_command_id uuid REFERENCES command(id);
      ALTER TABLE quote ADD COLUMN last_command_id uuid REFERENCES command(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE quote DROP COLUMN last_command_id;
      ALTER TABLE product DROP COLUMN last_command_id;
      ALTER TABLE invoice DROP COLUMN last_command_id;
      ALTER TABLE "order" DROP COLUMN payment_method_id;
      DROP TABLE payment_method;
    `);
  }
}
