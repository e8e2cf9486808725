import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type GqlResponse, type TestServer } from "./support/test-server.js";

let server: TestServer;
/** Customer access tokens of the demo customers A (C00001) and B (C00002). */
let tokenA: string;
let tokenB: string;

/** Global IDs of one object of each account-owned kind of a demo customer, read with the admin key. */
interface Owned {
  account: string;
  order: string;
  invoice: string;
  quote: string;
  shipTo: string;
}
let a: Owned;
let b: Owned;

async function ownedBy(code: string): Promise<Owned> {
  const account = dataAt<any>(
    await server.gql(
      graphql(`query AccessAccount($code: String!) { account(code: $code) { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }`),
      { code },
      server.adminKey,
    ),
    "account",
  );
  return { account: account.id, order: account.orders.nodes[0].id, invoice: account.invoices.nodes[0].id, quote: account.quotes.nodes[0].id, shipTo: account.shipTos[0].id };
}

beforeAll(async () => {
  server = await startTestServer();
  [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
  [a, b] = await Promise.all([ownedBy("C00001"), ownedBy("C00002")]);
});
afterAll(() => server.close());

const errorCode = (response: GqlResponse) => response.errors?.[0]?.extensions?.code;

async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = (await server.dataSource.query(query, params)) as Array<Record<string, unknown>>;
  return Number(Object.values(row!)[0]);
}

/** Account-owned rows of a table for an account code. */
const ownedCount = (table: string, code: string) => count(`SELECT count(*) FROM ${table} x JOIN account a ON a.id = x.account_id WHERE a.code = $1`, [code]);

/** Every node of a root list for a token, paging forward. */
async function allNodes(list: string, selection: string, token: string): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  do {
    const page: any = dataAt<any>(
      await server.gql(`query($after: String) { ${list}(first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`, { after }, token),
      list,
    );
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

/** Sends a raw request with an exact Authorization header. */
async function withHeader(authorization: string, query: string): Promise<{ statusCode: number; body: GqlResponse }> {
  const response = await server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", authorization },
    payload: JSON.stringify({ query }),
  });
  return { statusCode: response.statusCode, body: response.json() as GqlResponse };
}

/** Ways to read one object of an account (its global ID is `$id`), and the field each answers in. */
const READS_BY_ID: Array<{ path: string; kind: keyof Owned; query: string }> = [
  { path: "order(id)", kind: "order", query: `query($id: ID!) { order(id: $id) { id number account { code } } }` },
  { path: "invoice(id)", kind: "invoice", query: `query($id: ID!) { invoice(id: $id) { id number account { code } } }` },
  { path: "quote(id)", kind: "quote", query: `query($id: ID!) { quote(id: $id) { id number account { code } } }` },
  { path: "account(id)", kind: "account", query: `query($id: ID!) { account(id: $id) { id code } }` },
  { path: "node(order)", kind: "order", query: `query($id: ID!) { node(id: $id) { id ... on Order { number account { code } } } }` },
  { path: "node(invoice)", kind: "invoice", query: `query($id: ID!) { node(id: $id) { id ... on Invoice { number } } }` },
  { path: "node(quote)", kind: "quote", query: `query($id: ID!) { node(id: $id) { id ... on Quote { number } } }` },
  { path: "node(account)", kind: "account", query: `query($id: ID!) { node(id: $id) { id ... on Account { code } } }` },
  { path: "node(shipTo)", kind: "shipTo", query: `query($id: ID!) { node(id: $id) { id ... on ShipTo { name address { line1 } } } }` },
  { path: "nodes([order])", kind: "order", query: `query($id: ID!) { nodes(ids: [$id]) { id } }` },
  { path: "nodes([quote])", kind: "quote", query: `query($id: ID!) { nodes(ids: [$id]) { id ... on Quote { number } } }` },
  { path: "orders(filter: { accountId })", kind: "account", query: `query($id: ID!) { orders(filter: { accountId: $id }) { totalCount nodes { id account { code } } } }` },
  { path: "invoices(filter: { accountId })", kind: "account", query: `query($id: ID!) { invoices(filter: { accountId: $id }) { totalCount nodes { id account { code } } } }` },
  { path: "quotes(filter: { accountId })", kind: "account", query: `query($id: ID!) { quotes(filter: { accountId: $id }) { totalCount nodes { id account { code } } } }` },
];

describe("a customer reads its own account's data", () => {
  it("through viewer.account: the account and the counts of its orders, invoices and quotes", async () => {
    const viewer = dataAt<any>(
      await server.gql(graphql(`query AccessViewer { viewer { kind account { id code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }`), {}, tokenA),
      "viewer",
    );
    expect(viewer).toEqual({
      kind: "CUSTOMER",
      account: {
        id: a.account,
        code: "C00001",
        orders: { totalCount: 60 },
        invoices: { totalCount: await ownedCount("invoice", "C00001") },
        quotes: { totalCount: await ownedCount("quote", "C00001") },
      },
    });
  });

  it.each(READS_BY_ID)("through $path", async ({ query, kind }) => {
    const response = await server.gql(query, { id: a[kind] }, tokenA);
    expect(response.errors).toBeUndefined();
    const json = JSON.stringify(response.data);
    if (query.includes("accountId")) {
      const list: any = Object.values(response.data!)[0];
      expect(list.totalCount).toBeGreaterThan(0);
      expect(list.nodes.every((n: any) => n.account.code === "C00001")).toBe(true);
    } else {
      expect(json).toContain(a[kind]);
    }
    expect(json).not.toContain("C00002");
  });

  it("through account(email | code) of its own account, the e-mail in any case", async () => {
    for (const args of [`email: "buyer@acme.example"`, `email: "BUYER@ACME.EXAMPLE"`, `code: "C00001"`]) {
      expect(dataAt<any>(await server.gql(`{ account(${args}) { id } }`, {}, tokenA), "account"), args).toEqual({ id: a.account });
    }
  });

  it.each([
    ["orders", `"order"`, "number"],
    ["invoices", "invoice", "number"],
    ["quotes", "quote", "number"],
  ])("%s without a filter lists exactly the customer's own, for each customer", async (list, table, field) => {
    for (const [token, code] of [
      [tokenA, "C00001"],
      [tokenB, "C00002"],
    ] as const) {
      const nodes = await allNodes(list, `${field} account { code }`, token);
      const expected = (await server.dataSource.query(`SELECT x.${field} FROM ${table} x JOIN account a ON a.id = x.account_id WHERE a.code = $1 ORDER BY 1`, [code])) as Array<
        Record<string, string>
      >;
      expect(nodes.length, `${code} ${list}`).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.account.code))).toEqual(new Set([code]));
      expect(nodes.map((n) => n[field]).sort()).toEqual(expected.map((r) => r[field]));
      const total = dataAt<number>(await server.gql(`{ ${list} { totalCount } }`, {}, token), `${list}.totalCount`);
      expect(total).toBe(expected.length);
      if (list === "orders") expect(total).toBe(60);
    }
  });
});

describe("customer A gets nothing of customer B's", () => {
  it.each(READS_BY_ID)("$path of B's object is FORBIDDEN, with no data", async ({ path, query, kind }) => {
    const response = await server.gql(query, { id: b[kind] }, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    const json = JSON.stringify(response.data ?? null);
    for (const id of Object.values(b)) expect(json, path).not.toContain(id);
    expect(json).not.toContain("C00002");
    const field = Object.keys(response.data ?? {})[0];
    if (field) expect(response.data?.[field] ?? null).toBeNull();
  });

  it("nodes with A's and B's IDs mixed is FORBIDDEN and returns none of them", async () => {
    const ids = [a.order, b.order, a.invoice, b.invoice, b.quote, b.account, b.shipTo];
    const response = await server.gql(graphql(`query AccessNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids }, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.data ?? null).toBeNull();
  });

  it.each([
    ["email", `{ account(email: "buyer@globex.example") { id } }`],
    ["email in capitals", `{ account(email: "BUYER@GLOBEX.EXAMPLE") { id } }`],
    ["code", `{ account(code: "C00002") { id } }`],
    ["code of an account that does not exist", `{ account(code: "NO-SUCH") { id } }`],
    ["e-mail of an account that does not exist", `{ account(email: "nobody@example.com") { id } }`],
  ])("account(%s) is FORBIDDEN: a customer does not even learn whether another account exists", async (_, query) => {
    const response = await server.gql(query, {}, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.data?.account ?? null).toBeNull();
  });

  it("B's prices are FORBIDDEN", async () => {
    const response = await server.gql(graphql(`query AccessProduct($id: ID!) { product(sku: "SKU-00001") { price(accountId: $id) { unitPrice { amount } account { code } } } }`), { id: b.account }, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(JSON.stringify(response.data ?? null)).not.toContain("C00002");
  });

  it("an accountId in the filter of the customer's own account lists is ignored: they stay A's", async () => {
    const account = dataAt<any>(
      await server.gql(
        graphql(`query AccessViewer2($b: ID!) { viewer { account { orders(first: 100, filter: { accountId: $b }) { totalCount nodes { account { code } } } quotes(filter: { accountId: $b }) { nodes { account { code } } } } } }`),
        { b: b.account },
        tokenA,
      ),
      "viewer.account",
    );
    expect(account.orders.totalCount).toBe(60);
    expect(account.orders.nodes.every((o: any) => o.account.code === "C00001")).toBe(true);
    expect(account.quotes.nodes.every((q: any) => q.account.code === "C00001")).toBe(true);
  });

  it("a customer cannot list accounts", async () => {
    const response = await server.gql(graphql(`query AccessAccounts { accounts { nodes { id code } } }`), {}, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.data ?? null).toBeNull();
  });
});

/** Reads of account data that need credentials; `$id` is one of B's objects. */
const ACCOUNT_DATA: Array<{ name: string; query: string; id?: keyof Owned }> = [
  { name: "orders", query: `{ orders { nodes { id } } }` },
  { name: "order(id)", query: `query($id: ID!) { order(id: $id) { id } }`, id: "order" },
  { name: "invoices", query: `{ invoices { nodes { id } } }` },
  { name: "invoice(id)", query: `query($id: ID!) { invoice(id: $id) { id } }`, id: "invoice" },
  { name: "quotes", query: `{ quotes { nodes { id } } }` },
  { name: "quote(id)", query: `query($id: ID!) { quote(id: $id) { id } }`, id: "quote" },
  { name: "accounts", query: `{ accounts { nodes { id } } }` },
  { name: "account(id)", query: `query($id: ID!) { account(id: $id) { id } }`, id: "account" },
  { name: "account(email)", query: `{ account(email: "buyer@globex.example") { id } }` },
  { name: "account(code)", query: `{ account(code: "C00002") { id } }` },
  { name: "node(order)", query: `query($id: ID!) { node(id: $id) { id } }`, id: "order" },
  { name: "node(shipTo)", query: `query($id: ID!) { node(id: $id) { id } }`, id: "shipTo" },
  { name: "nodes([invoice])", query: `query($id: ID!) { nodes(ids: [$id]) { id } }`, id: "invoice" },
];

describe("anonymous requests", () => {
  it("read the public catalog, with list prices", async () => {
    const data = dataAt<any>(
      await server.gql(graphql(`query AccessViewer3 { viewer { kind account { id } } products(first: 2) { nodes { sku price(quantity: 10) { source account { code } } inventory { available } } }
        product(sku: "SKU-00002") { sku } warehouses { totalCount } categories { totalCount } category(slug: "tools") { slug } warehouse(code: "WH-EAST") { code } }`)),
      "",
    );
    expect(data.viewer).toEqual({ kind: "ANONYMOUS", account: null });
    expect(data.products.nodes).toHaveLength(2);
    expect(data.products.nodes.map((p: any) => p.price)).toEqual([
      { source: "LIST", account: null },
      { source: "LIST", account: null },
    ]);
    expect(data.product.sku).toBe("SKU-00002");
    expect(data.warehouses.totalCount).toBe(3);
  });

  it.each(ACCOUNT_DATA)("are UNAUTHENTICATED for $name", async ({ query, id }) => {
    const response = await server.gql(query, id ? { id: b[id] } : {});
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(response.data ?? null)).not.toMatch(/gid:\/\/store\/(Order|Invoice|Quote|Account|ShipTo)\//);
  });

  it("are UNAUTHENTICATED for account prices", async () => {
    const response = await server.gql(graphql(`query AccessProduct2($id: ID!) { product(sku: "SKU-00001") { price(accountId: $id) { source } } }`), { id: a.account });
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("API keys", () => {
  it("a storefront key reads the catalog and any account's prices", async () => {
    const data = dataAt<any>(
      await server.gql(
        graphql(`query AccessProducts($a: ID!, $b: ID!) { products(first: 1) { totalCount } product(sku: "SKU-00001") { sku a: price(accountId: $a) { account { code } } b: price(accountId: $b) { account { code } } } }`),
        { a: a.account, b: b.account },
        server.storefrontKey,
      ),
      "",
    );
    expect(data.products.totalCount).toBe(500);
    expect(data.product).toEqual({ sku: "SKU-00001", a: { account: { code: "C00001" } }, b: { account: { code: "C00002" } } });
  });

  it.each(ACCOUNT_DATA)("a storefront key is FORBIDDEN $name", async ({ query, id }) => {
    const response = await server.gql(query, id ? { id: b[id] } : {}, server.storefrontKey);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(JSON.stringify(response.data ?? null)).not.toMatch(/gid:\/\/store\/(Order|Invoice|Quote|Account|ShipTo)\//);
  });

  it.each(ACCOUNT_DATA)("an admin key reads $name", async ({ query, id }) => {
    const response = await server.gql(query, id ? { id: b[id] } : {}, server.adminKey);
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).toMatch(/gid:\/\/store\/(Order|Invoice|Quote|Account|ShipTo)\//);
  });
});

describe("credentials", () => {
  it.each(["Bearer cgk_nope", "Bearer cgc_nope", "Basic xyz", "Bearer", "Bearer something-else", "Bearer cgk_a cgk_b", "Token cgk_nope"])(
    "Authorization %j is UNAUTHENTICATED, even for the public catalog, never silently anonymous",
    async (header) => {
      const { statusCode, body } = await withHeader(header, `{ viewer { kind } products(first: 1) { totalCount } }`);
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.data ?? null).toBeNull();
      expect(statusCode).toBe(401);
      expect(body.errors?.[0]?.message).not.toMatch(/Context creation failed/);
    },
  );

  it("a valid API key or customer token sent with another scheme than Bearer is UNAUTHENTICATED", async () => {
    for (const header of [`Basic ${server.adminKey}`, `Token ${tokenA}`, server.storefrontKey]) {
      const { body } = await withHeader(header, `{ viewer { kind } }`);
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.data ?? null).toBeNull();
    }
    // The scheme is case-insensitive (RFC 7235).
    expect((await withHeader(`bearer ${server.adminKey}`, `{ viewer { kind } }`)).body.data).toEqual({ viewer: { kind: "API_KEY" } });
  });

  const SIGN_IN = graphql(`mutation AccessSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) {
    customerAccessToken { accessToken expiresAt } userErrors { field code message } } }`);

  it.each([
    ["a wrong password", { email: "buyer@acme.example", password: "wrong-password" }],
    ["another customer's password", { email: "buyer@acme.example", password: "globex-demo-2" }],
    ["an unknown e-mail", { email: "nobody@acme.example", password: "acme-demo-1" }],
    ["an empty e-mail and password", { email: "", password: "" }],
  ])("signing in with %s is a userError INVALID_CREDENTIALS and no token", async (_, input) => {
    const payload = dataAt<any>(await server.gql(SIGN_IN, { input }), "customerAccessTokenCreate");
    expect(payload.customerAccessToken).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  });

  it("signing in with a NUL character in the e-mail is INVALID_CREDENTIALS (or BAD_USER_INPUT), never an internal error", async () => {
    const response = await server.gql(SIGN_IN, { input: { email: "buyer@acme.example\u0000", password: "acme-demo-1" } });
    if (response.errors) {
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
    } else {
      expect(response.data?.customerAccessTokenCreate).toMatchObject({ customerAccessToken: null, userErrors: [{ code: "INVALID_CREDENTIALS" }] });
    }
  });

  it("an account without a password cannot sign in", async () => {
    const [row] = (await server.dataSource.query(`SELECT email FROM account WHERE password_hash IS NULL ORDER BY code LIMIT 1`)) as Array<{ email: string }>;
    for (const password of ["", "acme-demo-1"]) {
      const payload = dataAt<any>(await server.gql(SIGN_IN, { input: { email: row!.email, password } }), "customerAccessTokenCreate");
      expect(payload.customerAccessToken).toBeNull();
      expect(payload.userErrors.map((e: any) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    }
  });

  it("signing in matches the e-mail case-insensitively and issues a working token, valid for 30 days", async () => {
    const before = Date.now();
    const payload = dataAt<any>(await server.gql(SIGN_IN, { input: { email: "  BUYER@Globex.EXAMPLE ", password: "globex-demo-2" } }), "customerAccessTokenCreate");
    expect(payload.userErrors).toEqual([]);
    const { accessToken, expiresAt } = payload.customerAccessToken;
    expect(accessToken).toMatch(/^cgc_/);
    const days = (Date.parse(expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    expect(dataAt<any>(await server.gql(graphql(`query AccessViewer4 { viewer { kind account { code } } }`), {}, accessToken), "viewer")).toEqual({ kind: "CUSTOMER", account: { code: "C00002" } });
  });
});

describe("errors", () => {
  const FAILING: Array<{ name: string; send: () => Promise<GqlResponse>; code: string }> = [
    { name: "UNAUTHENTICATED (anonymous)", send: () => server.gql(graphql(`query AccessOrders { orders { nodes { id } } }`)), code: "UNAUTHENTICATED" },
    { name: "UNAUTHENTICATED (bad token)", send: async () => (await withHeader("Bearer cgk_nope", `{ viewer { kind } }`)).body, code: "UNAUTHENTICATED" },
    { name: "FORBIDDEN", send: () => server.gql(graphql(`query AccessAccounts2 { accounts { nodes { id } } }`), {}, server.storefrontKey), code: "FORBIDDEN" },
    { name: "BAD_USER_INPUT", send: () => server.gql(graphql(`query AccessNode { node(id: "abc") { id } }`)), code: "BAD_USER_INPUT" },
    // Invalid on purpose: raw strings, which codegen does not check.
    { name: "GRAPHQL_VALIDATION_FAILED", send: () => server.gql(`{ products { nope } }`), code: "GRAPHQL_VALIDATION_FAILED" },
    { name: "GRAPHQL_PARSE_FAILED", send: () => server.gql(`{ products {`), code: "GRAPHQL_PARSE_FAILED" },
  ];

  it.each(FAILING)("$name carries its code and no stack trace", async ({ send, code }) => {
    const response = await send();
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    for (const error of response.errors ?? []) {
      expect(error.extensions).not.toHaveProperty("stacktrace");
      expect(error.extensions).not.toHaveProperty("exception");
      expect(error.message).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
    }
  });
});
