import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The store connector's tables: catalog, warehouses and stock, accounts with
 * ship-tos and contract prices, orders, invoices, quotes, and the credentials
 * (API keys, customer passwords and access tokens).
 *
 * Money columns are `numeric(14,2)` and are read as strings, never floats.
 */
export class InitialSchema1700000000000 implements MigrationInterface {
  name = "InitialSchema1700000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE warehouse (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        address jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        parent_id uuid REFERENCES category(id),
        position int NOT NULL DEFAULT 0
      );

      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text NOT NULL UNIQUE,
        barcode text UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        images jsonb NOT NULL DEFAULT '[]',
        base_unit text NOT NULL DEFAULT 'EA',
        list_price numeric(14,2) NOT NULL,
        currency_code char(3) NOT NULL DEFAULT 'USD',
        special_order boolean NOT NULL DEFAULT false,
        presell boolean NOT NULL DEFAULT false,
        restricted boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX product_name_idx ON product (lower(name));

      CREATE TABLE product_category (
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES category(id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, category_id)
      );
      CREATE INDEX product_category_category_idx ON product_category (category_id);

      -- Pack units of a product: one CASE = factor base units.
      CREATE TABLE product_unit (
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        factor int NOT NULL CHECK (factor > 0),
        PRIMARY KEY (product_id, code)
      );

      -- Quantity breaks on the list price, per base unit.
      CREATE TABLE product_price_break (
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        min_quantity int NOT NULL CHECK (min_quantity > 1),
        unit_price numeric(14,2) NOT NULL,
        PRIMARY KEY (product_id, min_quantity)
      );

      CREATE TABLE kit_component (
        kit_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES product(id),
        quantity int NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (kit_id, component_id)
      );

      CREATE TABLE product_relation (
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        related_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        kind text NOT NULL,
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id, related_id, kind)
      );

      CREATE TABLE inventory_level (
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        warehouse_id uuid NOT NULL REFERENCES warehouse(id) ON DELETE CASCADE,
        on_hand int NOT NULL DEFAULT 0,
        reserved int NOT NULL DEFAULT 0,
        restock_date date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (product_id, warehouse_id)
      );
      CREATE INDEX inventory_level_warehouse_idx ON inventory_level (warehouse_id, product_id);

      CREATE TABLE customer_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL
      );

      CREATE TABLE corporate_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL
      );

      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        email text NOT NULL,
        phone text,
        parent_id uuid REFERENCES account(id),
        customer_group_id uuid REFERENCES customer_group(id),
        corporate_group_id uuid REFERENCES corporate_group(id),
        default_warehouse_id uuid REFERENCES warehouse(id),
        payment_terms text NOT NULL DEFAULT 'NET30',
        currency_code char(3) NOT NULL DEFAULT 'USD',
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX account_email_key ON account (lower(email));
      CREATE INDEX account_parent_idx ON account (parent_id);

      CREATE TABLE account_external_ref (
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        connector text NOT NULL,
        external_id text NOT NULL,
        PRIMARY KEY (account_id, connector)
      );

      CREATE TABLE ship_to (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        erp_ship_to_id text,
        name text NOT NULL,
        address jsonb NOT NULL,
        is_default boolean NOT NULL DEFAULT false
      );
      CREATE INDEX ship_to_account_idx ON ship_to (account_id);

      CREATE TABLE account_restricted_product (
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, product_id)
      );

      -- Contract prices: a list for a customer group or for one account.
      CREATE TABLE price_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        customer_group_id uuid REFERENCES customer_group(id),
        account_id uuid REFERENCES account(id) ON DELETE CASCADE,
        currency_code char(3) NOT NULL DEFAULT 'USD',
        CHECK ((customer_group_id IS NULL) <> (account_id IS NULL))
      );
      CREATE INDEX price_list_group_idx ON price_list (customer_group_id);
      CREATE INDEX price_list_account_idx ON price_list (account_id);

      CREATE TABLE price_list_entry (
        price_list_id uuid NOT NULL REFERENCES price_list(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        min_quantity int NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
        unit_price numeric(14,2) NOT NULL,
        PRIMARY KEY (price_list_id, product_id, min_quantity)
      );
      CREATE INDEX price_list_entry_product_idx ON price_list_entry (product_id);

      CREATE TABLE "order" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        external_number text,
        account_id uuid NOT NULL REFERENCES account(id),
        ship_to_id uuid REFERENCES ship_to(id),
        kind text NOT NULL,
        status text NOT NULL,
        currency_code char(3) NOT NULL DEFAULT 'USD',
        subtotal numeric(14,2) NOT NULL,
        tax_total numeric(14,2) NOT NULL DEFAULT 0,
        shipping_total numeric(14,2) NOT NULL DEFAULT 0,
        total numeric(14,2) NOT NULL,
        po_number text,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX order_account_created_idx ON "order" (account_id, created_at, id);
      CREATE INDEX order_created_idx ON "order" (created_at, id);

      CREATE TABLE order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        product_id uuid REFERENCES product(id),
        sku text NOT NULL,
        quantity int NOT NULL,
        unit text NOT NULL,
        unit_price numeric(14,2) NOT NULL,
        line_total numeric(14,2) NOT NULL,
        warehouse_id uuid REFERENCES warehouse(id),
        UNIQUE (order_id, line_number)
      );

      CREATE TABLE shipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
        carrier_code text NOT NULL,
        tracking_number text NOT NULL,
        warehouse_id uuid REFERENCES warehouse(id),
        shipped_at timestamptz NOT NULL
      );
      CREATE INDEX shipment_order_idx ON shipment (order_id);

      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        account_id uuid NOT NULL REFERENCES account(id),
        order_id uuid REFERENCES "order"(id),
        status text NOT NULL,
        currency_code char(3) NOT NULL DEFAULT 'USD',
        total numeric(14,2) NOT NULL,
        amount_paid numeric(14,2) NOT NULL DEFAULT 0,
        issued_at timestamptz NOT NULL DEFAULT now(),
        due_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invoice_account_idx ON invoice (account_id, created_at, id);
      CREATE INDEX invoice_order_idx ON invoice (order_id);

      CREATE TABLE invoice_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        product_id uuid REFERENCES product(id),
        sku text,
        description text NOT NULL,
        quantity int NOT NULL,
        unit_price numeric(14,2) NOT NULL,
        line_total numeric(14,2) NOT NULL,
        UNIQUE (invoice_id, line_number)
      );

      CREATE TABLE invoice_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        method text NOT NULL,
        reference text,
        paid_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invoice_payment_invoice_idx ON invoice_payment (invoice_id);

      CREATE TABLE quote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        account_id uuid NOT NULL REFERENCES account(id),
        status text NOT NULL,
        currency_code char(3) NOT NULL DEFAULT 'USD',
        total numeric(14,2) NOT NULL,
        valid_until date NOT NULL,
        converted_order_id uuid REFERENCES "order"(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX quote_account_idx ON quote (account_id, created_at, id);

      CREATE TABLE quote_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        product_id uuid REFERENCES product(id),
        sku text NOT NULL,
        quantity int NOT NULL,
        unit text NOT NULL,
        unit_price numeric(14,2) NOT NULL,
        line_total numeric(14,2) NOT NULL,
        UNIQUE (quote_id, line_number)
      );

      -- Credentials. Secrets are stored as SHA-256 digests of random tokens.
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );

      CREATE TABLE customer_access_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS customer_access_token, api_key, quote_line, quote,
        invoice_payment, invoice_line, invoice, shipment, order_line, "order",
        price_list_entry, price_list, account_restricted_product, ship_to,
        account_external_ref, account, corporate_group, customer_group,
        inventory_level, product_relation, kit_component, product_price_break,
        product_unit, product_category, product, category, warehouse CASCADE;
    `);
  }
}
