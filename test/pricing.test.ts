import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import type { PricingPriceQueryVariables } from "./generated/graphql.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type GqlResponse, type TestServer } from "./support/test-server.js";

let server: TestServer;
/** Global IDs of the demo accounts C00001 (WHOLESALE, own price list) and C00002 (CONTRACTOR). */
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = dataAt<any>(await server.gql(graphql(`query PricingAccount { a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`), {}, server.adminKey), "");
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

/** Money strings from numeric(14,2) always have two decimals: "12.30" → 1230n. */
const cents = (amount: string) => {
  expect(amount).toMatch(/^\d+\.\d{2}$/);
  return BigInt(amount.replace(".", ""));
};
const format = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, "0")}`;
/** `amount × factor`, exactly. */
const times = (amount: string, factor: number) => format(cents(amount) * BigInt(factor));

interface Tier {
  min: number;
  price: string;
}

/** The tier for a quantity in base units: the largest minimum not above it. */
function tierFor(tiers: Tier[], baseQuantity: number): Tier {
  const tier = tiers.filter((t) => t.min <= baseQuantity).sort((x, y) => y.min - x.min)[0];
  if (!tier) throw new Error(`no tier for ${baseQuantity} in ${JSON.stringify(tiers)}`);
  return tier;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await server.dataSource.query(query, params)) as T[];
}

/** The list price (from 1) and the list breaks of a product, as tiers. */
async function listTiers(sku: string): Promise<Tier[]> {
  const rows = await sql<{ min: number; price: string }>(
    `SELECT 1 AS min, list_price::text AS price FROM product WHERE sku = $1
     UNION ALL SELECT b.min_quantity, b.unit_price::text FROM product_price_break b JOIN product p ON p.id = b.product_id WHERE p.sku = $1
     ORDER BY 1`,
    [sku],
  );
  return rows.map((r) => ({ min: Number(r.min), price: r.price }));
}

/** The tiers of the account's own ("account") or its customer group's ("group") price list for a SKU. */
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

/** The first SKU (by SKU) matching a condition on product `p` and account `a` (the account with `code`). */
async function firstSku(code: string, condition: string): Promise<string> {
  const [row] = await sql<{ sku: string }>(`SELECT p.sku FROM product p, account a WHERE a.code = $1 AND ${condition} ORDER BY p.sku LIMIT 1`, [code]);
  expect(row, `the seed has a product where ${condition}`).toBeDefined();
  return row!.sku;
}

/** SQL conditions on `p` and `a` for {@link firstSku}. */
const HAS = {
  accountEntry: `EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.account_id = a.id AND e.product_id = p.id)`,
  accountBreak: `EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.account_id = a.id AND e.product_id = p.id AND e.min_quantity > 1)`,
  groupEntry: `EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.customer_group_id = a.customer_group_id AND e.product_id = p.id)`,
  groupBreak: `EXISTS (SELECT 1 FROM price_list pl JOIN price_list_entry e ON e.price_list_id = pl.id WHERE pl.customer_group_id = a.customer_group_id AND e.product_id = p.id AND e.min_quantity > 1)`,
  listBreaks: `EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id)`,
  box: `EXISTS (SELECT 1 FROM product_unit u WHERE u.product_id = p.id AND u.code = 'BOX')`,
  case: `EXISTS (SELECT 1 FROM product_unit u WHERE u.product_id = p.id AND u.code = 'CASE')`,
};
const not = (condition: string) => `NOT ${condition}`;
const all = (...conditions: string[]) => conditions.join(" AND ");

/** The factor of a pack unit of a product. */
async function factorOf(sku: string, unit: string): Promise<number> {
  const [row] = await sql<{ factor: number }>(`SELECT u.factor FROM product_unit u JOIN product p ON p.id = u.product_id WHERE p.sku = $1 AND u.code = $2`, [sku, unit]);
  return Number(row!.factor);
}

const PRICE = graphql(`query PricingPrice($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {
  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {
    unitPrice { amount currencyCode } total { amount currencyCode } listUnitPrice { amount } quantity unit { code factor } source
    breaks { minQuantity unitPrice { amount } } account { code } } } }`);

function priceResponse(vars: Record<string, unknown>, token?: string): Promise<GqlResponse> {
  return server.gql(PRICE, vars as PricingPriceQueryVariables, token);
}

async function price(vars: Record<string, unknown>, token?: string) {
  return dataAt<any>(await priceResponse(vars, token), "product.price");
}

/**
 * The price the API must return: the tier of `tiers` for the quantity in base
 * units, scaled to the unit; the total is unit price × quantity.
 */
function expectedPrice(options: { tiers: Tier[]; list: Tier[]; source: string; account: string | null; quantity: number; unit?: { code: string; factor: number } }) {
  const unit = options.unit ?? { code: "EA", factor: 1 };
  const unitPrice = times(tierFor(options.tiers, options.quantity * unit.factor).price, unit.factor);
  return {
    unitPrice: { amount: unitPrice, currencyCode: "USD" },
    total: { amount: times(unitPrice, options.quantity), currencyCode: "USD" },
    listUnitPrice: { amount: times(options.list[0]!.price, unit.factor) },
    quantity: options.quantity,
    unit,
    source: options.source,
    breaks: options.tiers.map((t) => ({ minQuantity: t.min, unitPrice: { amount: t.price } })),
    account: options.account ? { code: options.account } : null,
  };
}

const QUANTITIES = [1, 9, 10, 49, 50, 99, 100, 1000];

describe("list prices", () => {
  it("anonymous, without accountId: the list price, with the list breaks at 10, 50 and 100", async () => {
    const sku = await firstSku("C00001", HAS.listBreaks);
    const list = await listTiers(sku);
    expect(list.map((t) => t.min)).toEqual([1, 10, 50, 100]);
    for (const quantity of QUANTITIES) {
      const result = await price({ sku, quantity });
      expect(result, `quantity ${quantity}`).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: null, quantity }));
    }
    // The breaks make a difference: 100 units cost less each than 1.
    expect(cents(tierFor(list, 100).price)).toBeLessThan(cents(list[0]!.price));
  });

  it("quantity defaults to 1; a product without list breaks costs its list price at every quantity", async () => {
    const sku = await firstSku("C00001", not(HAS.listBreaks));
    const list = await listTiers(sku);
    expect(list).toHaveLength(1);
    expect(await price({ sku })).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: null, quantity: 1 }));
    expect(await price({ sku, quantity: 500 })).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: null, quantity: 500 }));
  });

  it("API keys without accountId get list prices too", async () => {
    const sku = await firstSku("C00001", all(HAS.accountEntry, HAS.listBreaks));
    const list = await listTiers(sku);
    for (const token of [server.adminKey, server.storefrontKey]) {
      expect(await price({ sku, quantity: 50 }, token)).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: null, quantity: 50 }));
    }
  });
});

describe("account prices", () => {
  it("C00001 pays its own price list's tier for the quantity, ahead of its group's and the list's (admin and storefront keys)", async () => {
    const sku = await firstSku("C00001", all(HAS.accountBreak, HAS.groupEntry, HAS.listBreaks));
    const tiers = await contractTiers("account", "C00001", sku);
    const list = await listTiers(sku);
    expect(tiers.map((t) => t.min)).toEqual([1, 10, 50]);
    // The three lists disagree, so the source that won is visible in the price.
    const group = await contractTiers("group", "C00001", sku);
    expect(group.length).toBeGreaterThan(0);
    expect(tierFor(tiers, 1).price).not.toBe(tierFor(group, 1).price);
    expect(tierFor(tiers, 1).price).not.toBe(list[0]!.price);
    for (const token of [server.adminKey, server.storefrontKey]) {
      for (const quantity of QUANTITIES) {
        const result = await price({ sku, accountId: acme, quantity }, token);
        expect(result, `quantity ${quantity}`).toEqual(expectedPrice({ tiers, list, source: "ACCOUNT", account: "C00001", quantity }));
      }
    }
  });

  it("C00001 gets its group's (WHOLESALE) price where it has no own price, else the list price", async () => {
    const grouped = await firstSku("C00001", all(not(HAS.accountEntry), HAS.groupEntry));
    const groupTiers = await contractTiers("group", "C00001", grouped);
    for (const quantity of [1, 10, 50]) {
      expect(await price({ sku: grouped, accountId: acme, quantity }, server.adminKey)).toEqual(
        expectedPrice({ tiers: groupTiers, list: await listTiers(grouped), source: "CUSTOMER_GROUP", account: "C00001", quantity }),
      );
    }
    const listed = await firstSku("C00001", all(not(HAS.accountEntry), not(HAS.groupEntry), HAS.listBreaks));
    const list = await listTiers(listed);
    for (const quantity of [1, 10, 100]) {
      expect(await price({ sku: listed, accountId: acme, quantity }, server.adminKey)).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: "C00001", quantity }));
    }
  });

  it("C00002 (CONTRACTOR) pays its group's tier where the group lists the product", async () => {
    const sku = await firstSku("C00002", all(HAS.groupBreak, HAS.listBreaks));
    const tiers = await contractTiers("group", "C00002", sku);
    expect(await contractTiers("account", "C00002", sku)).toEqual([]);
    expect(tiers.map((t) => t.min)).toEqual([1, 10, 50]);
    const list = await listTiers(sku);
    for (const quantity of QUANTITIES) {
      expect(await price({ sku, accountId: globex, quantity }, server.storefrontKey), `quantity ${quantity}`).toEqual(
        expectedPrice({ tiers, list, source: "CUSTOMER_GROUP", account: "C00002", quantity }),
      );
    }
  });

  it("C00002 pays the list price, with list breaks, where its group does not list the product", async () => {
    const sku = await firstSku("C00002", all(not(HAS.groupEntry), not(HAS.accountEntry), HAS.listBreaks));
    const list = await listTiers(sku);
    for (const quantity of [1, 10, 50, 100]) {
      expect(await price({ sku, accountId: globex, quantity }, server.adminKey)).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: "C00002", quantity }));
    }
  });
});

describe("many prices in one request", () => {
  /** Tiers by SKU, from rows of (sku, min, price). */
  function bySku(rows: Array<{ sku: string; min: number; price: string }>): Map<string, Tier[]> {
    const map = new Map<string, Tier[]>();
    for (const r of rows) map.set(r.sku, [...(map.get(r.sku) ?? []), { min: Number(r.min), price: r.price }].sort((x, y) => x.min - y.min));
    return map;
  }
  const contractRows = (kind: "account" | "group", code: string) =>
    sql<{ sku: string; min: number; price: string }>(
      `SELECT p.sku, e.min_quantity AS min, e.unit_price::text AS price FROM account a
       JOIN price_list pl ON ${kind === "account" ? "pl.account_id = a.id" : "pl.customer_group_id = a.customer_group_id"}
       JOIN price_list_entry e ON e.price_list_id = pl.id JOIN product p ON p.id = e.product_id WHERE a.code = $1`,
      [code],
    );

  it("a page of products priced for C00001, C00002 and no account at once gets each product's own price", async () => {
    const list = bySku(
      await sql(`SELECT sku, 1 AS min, list_price::text AS price FROM product
                 UNION ALL SELECT p.sku, b.min_quantity, b.unit_price::text FROM product_price_break b JOIN product p ON p.id = b.product_id`),
    );
    const lists = {
      C00001: { ACCOUNT: bySku(await contractRows("account", "C00001")), CUSTOMER_GROUP: bySku(await contractRows("group", "C00001")) },
      C00002: { ACCOUNT: bySku(await contractRows("account", "C00002")), CUSTOMER_GROUP: bySku(await contractRows("group", "C00002")) },
    };
    /** The price list that applies, by precedence: the account's, its group's, the list. */
    const expected = (code: "C00001" | "C00002" | null, sku: string, quantity: number) => {
      const source = code === null ? "LIST" : lists[code].ACCOUNT.has(sku) ? "ACCOUNT" : lists[code].CUSTOMER_GROUP.has(sku) ? "CUSTOMER_GROUP" : "LIST";
      const tiers = source === "LIST" ? list.get(sku)! : lists[code!][source as "ACCOUNT" | "CUSTOMER_GROUP"].get(sku)!;
      return { source, unitPrice: { amount: tierFor(tiers, quantity).price } };
    };
    const nodes = dataAt<any[]>(
      await server.gql(
        graphql(`query PricingProducts($a: ID!, $g: ID!) { products(first: 100) { nodes { sku
          a: price(accountId: $a, quantity: 10) { source unitPrice { amount } }
          g: price(accountId: $g, quantity: 50) { source unitPrice { amount } }
          l: price(quantity: 100) { source unitPrice { amount } } } } }`),
        { a: acme, g: globex },
        server.storefrontKey,
      ),
      "products.nodes",
    );
    expect(nodes).toHaveLength(100);
    const sources = new Set<string>();
    for (const p of nodes) {
      expect(p.a, `${p.sku} for C00001`).toEqual(expected("C00001", p.sku, 10));
      expect(p.g, `${p.sku} for C00002`).toEqual(expected("C00002", p.sku, 50));
      expect(p.l, `${p.sku} without account`).toEqual(expected(null, p.sku, 100));
      sources.add(`a:${p.a.source}`).add(`g:${p.g.source}`);
    }
    // The page shows every precedence case.
    expect(sources).toEqual(new Set(["a:ACCOUNT", "a:CUSTOMER_GROUP", "a:LIST", "g:CUSTOMER_GROUP", "g:LIST"]));
  });
});

describe("pack units", () => {
  it("a BOX or CASE costs the per-base-unit price × its factor, and the quantity in base units picks the break", async () => {
    const sku = await firstSku("C00001", all(HAS.box, HAS.case, HAS.listBreaks));
    const list = await listTiers(sku);
    for (const code of ["BOX", "CASE"]) {
      const unit = { code, factor: await factorOf(sku, code) };
      expect(unit.factor).toBeGreaterThanOrEqual(6);
      for (const quantity of [1, 2, 3, 5, 9]) {
        const result = await price({ sku, quantity, unit: code });
        expect(result, `${quantity} ${code}`).toEqual(expectedPrice({ tiers: list, list, source: "LIST", account: null, quantity, unit }));
      }
    }
    // Two boxes (of 6 or 12) are 12 or 24 base units: the 10+ break applies, though the quantity asked for is 2.
    const box = await factorOf(sku, "BOX");
    const twoBoxes = await price({ sku, quantity: 2, unit: "BOX" });
    expect(twoBoxes.unitPrice.amount).toBe(times(tierFor(list, 10).price, box));
    expect(twoBoxes.unitPrice.amount).not.toBe(times(list[0]!.price, box));
  });

  it("for an account, the pack quantity in base units picks the account's tier", async () => {
    const sku = await firstSku("C00001", all(HAS.accountBreak, HAS.box));
    const tiers = await contractTiers("account", "C00001", sku);
    const list = await listTiers(sku);
    const unit = { code: "BOX", factor: await factorOf(sku, "BOX") };
    for (const quantity of [1, 2, 4, 5, 9]) {
      expect(await price({ sku, accountId: acme, quantity, unit: "BOX" }, server.adminKey), `${quantity} BOX`).toEqual(
        expectedPrice({ tiers, list, source: "ACCOUNT", account: "C00001", quantity, unit }),
      );
    }
  });

  it("unit EA is the same as no unit", async () => {
    const sku = await firstSku("C00001", HAS.listBreaks);
    expect(await price({ sku, quantity: 12, unit: "EA" })).toEqual(await price({ sku, quantity: 12 }));
  });
});

describe("signed-in customers", () => {
  it("get their own prices without accountId, the same as an API key asking for their account", async () => {
    const sku = await firstSku("C00001", all(HAS.accountBreak, HAS.groupEntry));
    const [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
    for (const quantity of [1, 10, 50]) {
      const own = await price({ sku, quantity }, tokenA);
      expect(own.source).toBe("ACCOUNT");
      expect(own.account).toEqual({ code: "C00001" });
      expect(own).toEqual(await price({ sku, accountId: acme, quantity }, server.adminKey));
    }
    const globexSku = await firstSku("C00002", HAS.groupEntry);
    const own = await price({ sku: globexSku, quantity: 10 }, tokenB);
    expect(own.source).toBe("CUSTOMER_GROUP");
    expect(own).toEqual(await price({ sku: globexSku, accountId: globex, quantity: 10 }, server.adminKey));
  });

  it("may name their own account", async () => {
    const sku = await firstSku("C00001", HAS.accountEntry);
    const token = await server.customerToken(0);
    expect(await price({ sku, accountId: acme, quantity: 10 }, token)).toEqual(await price({ sku, quantity: 10 }, token));
  });

  it("asking for another account's prices is FORBIDDEN and shows no price", async () => {
    const sku = await firstSku("C00002", HAS.groupEntry);
    const token = await server.customerToken(0);
    const response = await priceResponse({ sku, accountId: globex }, token);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(response.data?.product ?? null).toBeNull();
  });
});

describe("invalid price requests", () => {
  it("anonymous with an accountId is UNAUTHENTICATED", async () => {
    const response = await priceResponse({ sku: "SKU-00001", accountId: acme });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.data?.product ?? null).toBeNull();
  });

  const INVALID: Array<{ name: string; vars: Record<string, unknown>; argument: string; productWithoutCase?: boolean }> = [
    { name: "quantity 0", vars: { quantity: 0 }, argument: "quantity" },
    { name: "a negative quantity", vars: { quantity: -3 }, argument: "quantity" },
    { name: "an unknown unit", vars: { unit: "PALLET" }, argument: "unit" },
    { name: "a unit the product is not sold in", vars: { unit: "CASE" }, argument: "unit", productWithoutCase: true },
    { name: "an unknown account", vars: { accountId: "gid://store/Account/00000000-0000-0000-0000-000000000000" }, argument: "accountId" },
    { name: "the ID of another type as accountId", vars: { accountId: "gid://store/Order/00000000-0000-0000-0000-000000000000" }, argument: "accountId" },
    { name: "a malformed accountId", vars: { accountId: "C00001" }, argument: "accountId" },
  ];

  it.each(INVALID)("$name is BAD_USER_INPUT naming the argument", async ({ vars, argument, productWithoutCase }) => {
    const sku = productWithoutCase ? await firstSku("C00001", not(HAS.case)) : "SKU-00001";
    for (const token of [server.adminKey, server.storefrontKey]) {
      const response = await priceResponse({ ...vars, sku }, token);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
      expect(response.data?.product ?? null).toBeNull();
    }
  });
});
