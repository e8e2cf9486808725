import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = dataAt<any>(await server.gql(`{ a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`, {}, server.adminKey), "");
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

/** Money strings from numeric(14,2) always have two decimals: "12.30" → 1230n. */
const cents = (amount: string) => BigInt(amount.replace(".", ""));
const format = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, "0")}`;

interface Tier {
  min: number;
  price: string;
}

/** The tier for a quantity in base units: the largest minimum not above it. */
function tierFor(tiers: Tier[], baseQuantity: number): Tier {
  return tiers.filter((t) => t.min <= baseQuantity).sort((x, y) => y.min - x.min)[0]!;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await server.dataSource.query(query, params)) as T[];
}

/** List price and list breaks of a product, as tiers. */
async function listTiers(sku: string): Promise<Tier[]> {
  const rows = await sql<{ min: number; price: string }>(
    `SELECT 1 AS min, list_price::text AS price FROM product WHERE sku = $1
     UNION ALL SELECT b.min_quantity, b.unit_price::text FROM product_price_break b JOIN product p ON p.id = b.product_id WHERE p.sku = $1`,
    [sku],
  );
  return rows.map((r) => ({ min: Number(r.min), price: r.price }));
}

/** Tiers of a price list kind ("account" or "group") for an account code and SKU. */
async function contractTiers(kind: "account" | "group", code: string, sku: string): Promise<Tier[]> {
  const join = kind === "account" ? "pl.account_id = a.id" : "pl.customer_group_id = a.customer_group_id";
  const rows = await sql<{ min: number; price: string }>(
    `SELECT e.min_quantity AS min, e.unit_price::text AS price FROM account a JOIN price_list pl ON ${join}
     JOIN price_list_entry e ON e.price_list_id = pl.id JOIN product p ON p.id = e.product_id
     WHERE a.code = $1 AND p.sku = $2 ORDER BY e.min_quantity`,
    [code, sku],
  );
  return rows.map((r) => ({ min: Number(r.min), price: r.price }));
}

const PRICE = `query($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {
  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {
    unitPrice { amount currencyCode } total { amount } listUnitPrice { amount } quantity unit { code factor } source
    breaks { minQuantity unitPrice { amount } } account { code } } } }`;

async function price(vars: Record<string, unknown>, token = server.storefrontKey) {
  return dataAt<any>(await server.gql(PRICE, vars, token), "product.price");
}

describe("contract prices", () => {
  it("C00001 pays its own contract price, with its own quantity breaks, ahead of its group's and the list's", async () => {
    // A product with an account price, a group price and list breaks: precedence is visible.
    const [row] = await sql<{ sku: string }>(
      `SELECT p.sku FROM product p JOIN account a ON a.code = 'C00001'
       WHERE EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.account_id = a.id AND e.product_id = p.id AND e.min_quantity > 1)
         AND EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.customer_group_id = a.customer_group_id AND e.product_id = p.id)
         AND EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id)
       ORDER BY p.sku LIMIT 1`,
    );
    expect(row, "the seed has a product priced three ways for C00001").toBeDefined();
    const tiers = await contractTiers("account", "C00001", row!.sku);
    const group = await contractTiers("group", "C00001", row!.sku);
    expect(group.length).toBeGreaterThan(0);
    for (const quantity of [1, 9, 10, 49, 50, 120]) {
      const result = await price({ sku: row!.sku, accountId: acme, quantity });
      const expected = tierFor(tiers, quantity).price;
      expect(result.source).toBe("ACCOUNT");
      expect(result.unitPrice).toEqual({ amount: expected, currencyCode: "USD" });
      expect(result.total.amount).toBe(format(cents(expected) * BigInt(quantity)));
      expect(result.account.code).toBe("C00001");
    }
    const result = await price({ sku: row!.sku, accountId: acme });
    expect(result.breaks.map((b: any) => [b.minQuantity, b.unitPrice.amount])).toEqual(tiers.map((t) => [t.min, t.price]));
  });

  it("C00002 pays its customer group's price where the group has one, else the list price", async () => {
    const [inGroup] = await sql<{ sku: string }>(
      `SELECT p.sku FROM product p JOIN account a ON a.code = 'C00002' JOIN price_list pl ON pl.customer_group_id = a.customer_group_id
       JOIN price_list_entry e ON e.price_list_id = pl.id AND e.product_id = p.id ORDER BY p.sku LIMIT 1`,
    );
    const [notInGroup] = await sql<{ sku: string }>(
      `SELECT p.sku FROM product p JOIN account a ON a.code = 'C00002'
       WHERE NOT EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id
                         WHERE (pl.customer_group_id = a.customer_group_id OR pl.account_id = a.id) AND e.product_id = p.id)
       ORDER BY p.sku LIMIT 1`,
    );
    const grouped = await price({ sku: inGroup!.sku, accountId: globex });
    expect(grouped.source).toBe("CUSTOMER_GROUP");
    expect(grouped.unitPrice.amount).toBe(tierFor(await contractTiers("group", "C00002", inGroup!.sku), 1).price);
    const listed = await price({ sku: notInGroup!.sku, accountId: globex });
    expect(listed.source).toBe("LIST");
    expect(listed.unitPrice.amount).toBe(tierFor(await listTiers(notInGroup!.sku), 1).price);
  });

  it("without an account, list prices apply with the list quantity breaks", async () => {
    const [row] = await sql<{ sku: string }>(`SELECT p.sku FROM product p WHERE EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id) ORDER BY sku LIMIT 1`);
    const tiers = await listTiers(row!.sku);
    expect(tiers.length).toBeGreaterThan(1);
    for (const quantity of [1, 10, 50, 100, 1000]) {
      const result = await price({ sku: row!.sku, quantity }, "");
      expect(result.source).toBe("LIST");
      expect(result.unitPrice.amount).toBe(tierFor(tiers, quantity).price);
      expect(result.listUnitPrice.amount).toBe(tiers[0]!.price);
      expect(result.account).toBeNull();
    }
  });

  it("a pack unit is priced per pack, and its quantity in base units picks the break", async () => {
    const [row] = await sql<{ sku: string; code: string; factor: number }>(
      `SELECT p.sku, u.code, u.factor FROM product p JOIN product_unit u ON u.product_id = p.id AND u.factor > 1
       WHERE EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id) ORDER BY p.sku, u.factor DESC LIMIT 1`,
    );
    const tiers = await listTiers(row!.sku);
    const quantity = 3;
    const perBase = tierFor(tiers, quantity * row!.factor).price;
    const result = await price({ sku: row!.sku, quantity, unit: row!.code }, "");
    expect(result.unit).toEqual({ code: row!.code, factor: row!.factor });
    expect(result.unitPrice.amount).toBe(format(cents(perBase) * BigInt(row!.factor)));
    expect(result.total.amount).toBe(format(cents(perBase) * BigInt(row!.factor * quantity)));
    expect(result.listUnitPrice.amount).toBe(format(cents(tiers[0]!.price) * BigInt(row!.factor)));
  });

  it("a signed-in customer gets its own prices without naming its account", async () => {
    const [row] = await sql<{ sku: string }>(
      `SELECT p.sku FROM product p JOIN price_list_entry e ON e.product_id = p.id JOIN price_list pl ON pl.id = e.price_list_id
       JOIN account a ON a.id = pl.account_id WHERE a.code = 'C00001' ORDER BY p.sku LIMIT 1`,
    );
    const token = await server.customerToken(0);
    const own = await price({ sku: row!.sku }, token);
    const asAdmin = await price({ sku: row!.sku, accountId: acme }, server.adminKey);
    expect(own.source).toBe("ACCOUNT");
    expect(own).toEqual(asAdmin);
  });

  it.each([
    [{ quantity: 0 }, "quantity"],
    [{ quantity: -3 }, "quantity"],
    [{ unit: "PALLET" }, "unit"],
    [{ accountId: "gid://store/Account/00000000-0000-0000-0000-000000000000" }, "accountId"],
    [{ accountId: "gid://store/Order/00000000-0000-0000-0000-000000000000" }, "accountId"],
  ])("%j is a BAD_USER_INPUT error naming %s", async (vars, argument) => {
    const response = await server.gql(PRICE, { sku: "SKU-00001", ...vars }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
  });
});
