import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startTestServer, type GqlResponse, type TestServer } from "./support/test-server.js";

let server: TestServer;
let tokenA: string;
let tokenB: string;
/** Global IDs of customer B's objects, read with the admin key. */
let b: { account: string; order: string; invoice: string; quote: string; shipTo: string };

beforeAll(async () => {
  server = await startTestServer();
  [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
  const account = dataAt<any>(
    await server.gql(
      `{ account(code: "C00002") { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }`,
      {},
      server.adminKey,
    ),
    "account",
  );
  b = { account: account.id, order: account.orders.nodes[0].id, invoice: account.invoices.nodes[0].id, quote: account.quotes.nodes[0].id, shipTo: account.shipTos[0].id };
});
afterAll(() => server.close());

function errorCode(response: GqlResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

describe("customer tokens see only their own account", () => {
  it("a customer reads its own account, orders, invoices and quotes", async () => {
    const viewer = dataAt<any>(
      await server.gql(`{ viewer { kind account { code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }`, {}, tokenA),
      "viewer",
    );
    expect(viewer.kind).toBe("CUSTOMER");
    expect(viewer.account.code).toBe("C00001");
    expect(viewer.account.orders.totalCount).toBe(60);
    expect(viewer.account.invoices.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ["order(id)", `query($id: ID!) { order(id: $id) { id } }`, "order"],
    ["invoice(id)", `query($id: ID!) { invoice(id: $id) { id } }`, "invoice"],
    ["quote(id)", `query($id: ID!) { quote(id: $id) { id } }`, "quote"],
    ["account(id)", `query($id: ID!) { account(id: $id) { id } }`, "account"],
    ["node(order)", `query($id: ID!) { node(id: $id) { id } }`, "order"],
    ["node(invoice)", `query($id: ID!) { node(id: $id) { id } }`, "invoice"],
    ["node(quote)", `query($id: ID!) { node(id: $id) { id } }`, "quote"],
    ["node(account)", `query($id: ID!) { node(id: $id) { id } }`, "account"],
    ["node(shipTo)", `query($id: ID!) { node(id: $id) { id } }`, "shipTo"],
    ["nodes([…])", `query($id: ID!) { nodes(ids: [$id]) { id } }`, "order"],
    ["orders(filter: accountId)", `query($id: ID!) { orders(filter: { accountId: $id }) { nodes { id } } }`, "account"],
    ["invoices(filter: accountId)", `query($id: ID!) { invoices(filter: { accountId: $id }) { nodes { id } } }`, "account"],
    ["quotes(filter: accountId)", `query($id: ID!) { quotes(filter: { accountId: $id }) { nodes { id } } }`, "account"],
    ["price(accountId)", `query($id: ID!) { product(sku: "SKU-00001") { price(accountId: $id) { unitPrice { amount } } } }`, "account"],
  ] as const)("customer A asking for B's data through %s gets FORBIDDEN and no data", async (_, query, which) => {
    const response = await server.gql(query, { id: b[which] }, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(JSON.stringify(response.data ?? null)).not.toContain(b[which]);
  });

  it.each([
    ["email", `{ account(email: "buyer@globex.example") { id } }`],
    ["code", `{ account(code: "C00002") { id } }`],
    ["unknown code", `{ account(code: "NO-SUCH") { id } }`],
  ])("account(%s) of another account is FORBIDDEN for a customer", async (_, query) => {
    const response = await server.gql(query, {}, tokenA);
    expect(errorCode(response)).toBe("FORBIDDEN");
  });

  it.each(["orders", "invoices", "quotes"])("%s without a filter lists only the customer's own", async (list) => {
    const page = dataAt<any>(await server.gql(`{ ${list}(first: 100) { totalCount nodes { account { code } } } }`, {}, tokenB), list);
    expect(page.nodes.length).toBeGreaterThan(0);
    expect(new Set(page.nodes.map((n: any) => n.account.code))).toEqual(new Set(["C00002"]));
    if (list === "orders") expect(page.totalCount).toBe(60);
  });

  it("a customer cannot list accounts", async () => {
    expect(errorCode(await server.gql(`{ accounts { nodes { id } } }`, {}, tokenA))).toBe("FORBIDDEN");
  });
});

describe("anonymous requests", () => {
  it("read the public catalog", async () => {
    const data = dataAt<any>(await server.gql(`{ products(first: 2) { nodes { sku price { source } inventory { available } } } warehouses { totalCount } categories { totalCount } }`), "");
    expect(data.products.nodes).toHaveLength(2);
    expect(data.products.nodes[0].price.source).toBe("LIST");
  });

  it.each([
    `{ orders { nodes { id } } }`,
    `{ invoices { nodes { id } } }`,
    `{ quotes { nodes { id } } }`,
    `{ accounts { nodes { id } } }`,
    `{ account(code: "C00001") { id } }`,
  ])("are UNAUTHENTICATED for account data: %s", async (query) => {
    expect(errorCode(await server.gql(query))).toBe("UNAUTHENTICATED");
  });

  it("are UNAUTHENTICATED for an order by id and for account prices", async () => {
    expect(errorCode(await server.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: b.order }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await server.gql(`query($id: ID!) { product(sku: "SKU-00001") { price(accountId: $id) { source } } }`, { id: b.account }))).toBe("UNAUTHENTICATED");
  });
});

describe("API keys", () => {
  it("a storefront key reads the catalog and any account's prices", async () => {
    const product = dataAt<any>(
      await server.gql(`query($id: ID!) { product(sku: "SKU-00001") { sku price(accountId: $id) { account { code } } } }`, { id: b.account }, server.storefrontKey),
      "product",
    );
    expect(product.price.account.code).toBe("C00002");
  });

  it.each([`{ orders { nodes { id } } }`, `{ accounts { nodes { id } } }`, `{ invoices { nodes { id } } }`, `{ quotes { nodes { id } } }`, `{ account(code: "C00001") { id } }`])(
    "a storefront key is FORBIDDEN account data: %s",
    async (query) => {
      expect(errorCode(await server.gql(query, {}, server.storefrontKey))).toBe("FORBIDDEN");
    },
  );

  it("an admin key reads every account's data", async () => {
    const data = dataAt<any>(await server.gql(`query($id: ID!) { order(id: $id) { account { code } } accounts { totalCount } }`, { id: b.order }, server.adminKey), "");
    expect(data.order.account.code).toBe("C00002");
    expect(data.accounts.totalCount).toBeGreaterThanOrEqual(100);
  });
});

describe("credentials", () => {
  it.each(["Bearer cgk_unknown", "Bearer cgc_unknown", "Bearer something-else", "Basic dXNlcjpwYXNz", "Bearer"])(
    "Authorization %j is UNAUTHENTICATED, not anonymous",
    async (header) => {
      const response = await server.app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", authorization: header },
        payload: JSON.stringify({ query: "{ products(first: 1) { totalCount } }" }),
      });
      const body = response.json() as GqlResponse;
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.data).toBeUndefined();
    },
  );

  it("a wrong password is a userError with no token; e-mail matches case-insensitively", async () => {
    const mutation = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { field code message } } }`;
    const wrong = dataAt<any>(await server.gql(mutation, { input: { email: "buyer@acme.example", password: "nope" } }), "customerAccessTokenCreate");
    expect(wrong.customerAccessToken).toBeNull();
    expect(wrong.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const upper = dataAt<any>(await server.gql(mutation, { input: { email: "  BUYER@ACME.EXAMPLE ", password: "acme-demo-1" } }), "customerAccessTokenCreate");
    expect(upper.customerAccessToken.accessToken).toMatch(/^cgc_/);
  });

  it("an expired customer token is UNAUTHENTICATED", async () => {
    const token = await server.customerToken(0);
    // Expire just this token (the only write to the shared database besides sign-ins).
    const { createHash } = await import("node:crypto");
    await server.dataSource.query(`UPDATE customer_access_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      createHash("sha256").update(token).digest("hex"),
    ]);
    expect(errorCode(await server.gql(`{ viewer { kind } }`, {}, token))).toBe("UNAUTHENTICATED");
  });

  it("errors carry a code but never a stack trace", async () => {
    const response = await server.gql(`{ orders { nodes { id } } }`);
    expect(response.errors?.[0]?.extensions).not.toHaveProperty("stacktrace");
  });
});
