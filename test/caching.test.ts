import { parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey, createApiKey } from "../src/auth/api-keys.js";
import { staticCachePolicy } from "../src/cache/cache-policy.js";
import { buildSchema } from "../src/schema.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (cache policy is computed from document text, and the response cache keys on it): not typed documents.

const schema = buildSchema();

function policyOf(query: string) {
  const document = parse(query);
  return staticCachePolicy(schema, document, document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode);
}

describe("cache policy from the schema's hints", () => {
  it("a catalog page with list prices is public for 60 s", () => {
    expect(policyOf(`{ products(first: 10) { nodes { id sku name images { url } listPrice { amount } priceBreaks { minQuantity } } pageInfo { endCursor } } }`)).toEqual({ maxAge: 60, scope: "PUBLIC" });
    expect(policyOf(`{ product(sku: "X") { relatedProducts { product { sku } } kitComponents { quantity } categories { slug } } }`)).toEqual({ maxAge: 60, scope: "PUBLIC" });
  });

  it("anything live or per buyer is not cacheable: stock, buyer prices, sync state, orders", () => {
    for (const query of [
      `{ product(sku: "X") { sku inventoryLevels { onHand } } }`,
      `{ product(sku: "X") { inventory { available } } }`,
      `{ product(sku: "X") { price(quantity: 1) { unitPrice { amount } } } }`,
      `{ product(sku: "X") { syncStatus } }`,
      `{ products(first: 1) { nodes { sku } } orders(first: 1) { nodes { number } } }`,
      `{ viewer { kind } }`,
      `{ node(id: "x") { id } }`,
    ]) {
      expect(policyOf(query).maxAge, query).toBe(0);
    }
  });

  it("follows fragments, inline fragments and nesting", () => {
    expect(policyOf(`query { products(first: 1) { ...page } } fragment page on ProductConnection { nodes { ...p } } fragment p on Product { sku ... on Product { name } }`)).toEqual({ maxAge: 60, scope: "PUBLIC" });
    expect(policyOf(`query { products(first: 1) { ...page } } fragment page on ProductConnection { nodes { ...p } } fragment p on Product { sku ... on Product { inventoryLevels { onHand } } }`).maxAge).toBe(0);
    // A fragment spread many times over is walked once per level, not once per spread.
    const wide = Array.from({ length: 30 }, (_, i) => `a${i}: relatedProducts { product { ...p } }`).join(" ");
    expect(policyOf(`query { product(sku: "X") { ...p } } fragment p on Product { sku ${wide.replaceAll("...p", "sku")} }`).maxAge).toBe(60);
  });
});

describe("response cache", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: true });
  });
  afterAll(() => server.close());

  async function post(query: string, variables?: Record<string, unknown>, token = server.adminKey) {
    const response = await server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, payload: JSON.stringify({ query, variables }) });
    return { headers: response.headers, body: response.json() as { data?: any; errors?: any[] } };
  }

  it("answers a repeated catalog query from the cache, for every client, with Cache-Control and Age", async () => {
    const query = `query($n: Int) { products(first: $n) { nodes { sku name listPrice { amount } } } }`;
    await post(query, { n: 3 }); // the credentials are verified now, not below
    await post(query, { n: 4 }, server.storefrontKey);
    server.statements.reset();
    const first = await post(query, { n: 7 });
    expect(server.statements.count).toBeGreaterThan(0);
    expect(first.headers["cache-control"]).toBe("max-age=60, public");
    server.statements.reset();
    const again = await post(query, { n: 7 }, server.storefrontKey);
    expect(server.statements.count).toBe(0);
    expect(again.body.data).toEqual(first.body.data);
    expect(again.headers.age).toBeDefined();
    // Other variables are another response.
    await post(query, { n: 8 });
    expect(server.statements.count).toBeGreaterThan(0);
  });

  it("never caches stock, buyer prices, or a filter on availability", async () => {
    for (const [query, variables] of [
      [`{ product(sku: "SKU-00001") { inventoryLevels { onHand } } }`, undefined],
      [`{ product(sku: "SKU-00001") { price(quantity: 1) { unitPrice { amount } } } }`, undefined],
      [`query($a: Boolean) { products(first: 5, filter: { available: $a }) { nodes { sku } } }`, { a: true }],
    ] as const) {
      const first = await post(query, variables);
      expect(first.body.errors).toBeUndefined();
      expect(first.headers["cache-control"], query).toBe("no-store");
      server.statements.reset();
      await post(query, variables);
      expect(server.statements.count, query).toBeGreaterThan(0);
    }
  });

  it("does not cache a response with errors", async () => {
    const query = `{ products(first: 2, after: "not-a-cursor") { nodes { sku } } }`;
    const first = await post(query);
    expect(first.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(first.headers["cache-control"]).toBe("no-store");
    server.statements.reset();
    expect((await post(query)).body.errors).toBeDefined();
  });

  it("mutations are never cached", async () => {
    const response = await post(`mutation { customerAccessTokenDelete(accessToken: "cgc_nothing") { deleted } }`);
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});

describe("credential cache", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const VIEWER = `{ viewer { kind } }`;

  it("verifies a key once, not on every request", async () => {
    const { secret } = await createApiKey(server.dataSource, { name: "cached", scopes: ["storefront"] });
    server.statements.reset();
    expect((await server.gql(VIEWER, {}, secret)).data).toEqual({ viewer: { kind: "API_KEY" } });
    const lookups = () => server.statements.statements.filter((s) => s.includes("FROM api_key")).length;
    expect(lookups()).toBe(1);
    await server.gql(VIEWER, {}, secret);
    await server.gql(VIEWER, {}, secret);
    expect(lookups()).toBe(1);
  });

  it("a key revoked in this process stops working at once", async () => {
    const { secret, id } = await createApiKey(server.dataSource, { name: "revoked soon", scopes: ["storefront"] });
    expect((await server.gql(VIEWER, {}, secret)).status).toBe(200);
    await revokeApiKey(server.dataSource, id);
    expect((await server.gql(VIEWER, {}, secret)).status).toBe(401);
  });

  it("a signed-out customer token stops working at once", async () => {
    const token = await server.customerToken(0);
    expect((await server.gql(VIEWER, {}, token)).data).toEqual({ viewer: { kind: "CUSTOMER" } });
    await server.gql(`mutation($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }`, { t: token });
    expect((await server.gql(VIEWER, {}, token)).status).toBe(401);
  });

  it("a customer token is never believed past its expiry", async () => {
    const token = await server.customerToken(1);
    const { digest } = await import("../src/auth/tokens.js");
    await server.dataSource.query(`UPDATE customer_access_token SET expires_at = now() + interval '1 second' WHERE token_hash = $1`, [digest(token)]);
    expect((await server.gql(VIEWER, {}, token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await server.gql(VIEWER, {}, token)).status).toBe(401);
  });

  it("a key revoked by another process works until the cache entry is stale (here: never cached)", async () => {
    const uncached = await startTestServer({ security: { credentialCacheSeconds: 0 } });
    try {
      const { secret, id } = await createApiKey(uncached.dataSource, { name: "other process", scopes: ["storefront"] });
      expect((await uncached.gql(VIEWER, {}, secret)).status).toBe(200);
      // As another replica or the CLI would: straight in the database, without this process knowing.
      await uncached.dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [id]);
      expect((await uncached.gql(VIEWER, {}, secret)).status).toBe(401);

      const cached = await createApiKey(server.dataSource, { name: "other process, cached", scopes: ["storefront"] });
      expect((await server.gql(VIEWER, {}, cached.secret)).status).toBe(200);
      await server.dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [cached.id]);
      // Within CREDENTIAL_CACHE_SECONDS (10 s by default) this process still believes it: the documented trade-off.
      expect((await server.gql(VIEWER, {}, cached.secret)).status).toBe(200);
    } finally {
      await uncached.close();
    }
  });
});
