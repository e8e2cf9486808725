import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { buildRouter } from "../src/connectors/build-router.js";
import type { CatalogReader, Connector } from "../src/connectors/connector.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { Router } from "../src/connectors/router.js";
import { createStoreConnector } from "../src/connectors/store/store-connector.js";
import { DOMAINS } from "../src/connectors/connector.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (documents that are malformed, too deep, too costly or sent the wrong way on purpose): not typed documents.

/**
 * The protections of an API on the open internet: each refusal has a code a
 * client can act on and an HTTP status, and happens before any connector is
 * called (the store connector's call count does not move).
 */
let server: TestServer;
let router: Router;

beforeAll(async () => {
  server = await startTestServer({
    router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)),
    security: { maxDepth: 6, maxAliases: 3, maxRootFields: 3, maxTokens: 400, maxCost: 500, maxBodyBytes: 5000, corsOrigins: ["https://shop.example"] },
  });
});
afterAll(() => server.close());

/** A raw HTTP request to /graphql. */
function send(options: { method?: "GET" | "POST"; url?: string; headers?: Record<string, string>; body?: string }) {
  return server.app.inject({ method: options.method ?? "POST", url: options.url ?? "/graphql", headers: options.headers, payload: options.body });
}

/** Runs `request`, and checks that no connector was called meanwhile. */
async function withoutConnectorCalls<T>(request: () => Promise<T>): Promise<T> {
  const before = router.healthOf("store")!.calls;
  const result = await request();
  expect(router.healthOf("store")!.calls).toBe(before);
  return result;
}

const json = { "content-type": "application/json" };

describe("documents refused before anything runs", () => {
  it.each([
    ["a deep query", `{ products(first: 1) { nodes { categories { parent { parent { parent { parent { name } } } } } } } }`, "QUERY_TOO_DEEP"],
    ["an alias flood", `{ a: products(first: 1) { nodes { id } } b: products(first: 1) { nodes { id } } c: warehouses { nodes { id } } d: categories { nodes { id } } }`, "TOO_MANY_ALIASES"],
    ["too many root fields", `{ products(first: 1) { nodes { id } } warehouses { nodes { id } } categories { nodes { id } } viewer { account { id } } }`, "TOO_MANY_ROOT_FIELDS"],
    ["a huge document", `{ products(first: 1) { nodes { ${"id ".repeat(450)} } } }`, "TOO_MANY_TOKENS"],
    ["a query over the cost limit", `{ products(first: 100) { nodes { relatedProducts { product { id } } } } }`, "MAX_COST_EXCEEDED"],
  ])("%s: 400 with its code", async (_, query, code) => {
    const response = await withoutConnectorCalls(() => send({ headers: json, body: JSON.stringify({ query }) }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe(code);
  });

  it("a huge first is a clear error, and no connector is asked", async () => {
    // Over the cost limit (500 here) it is refused as too costly; under it, as out of range.
    const costly = await withoutConnectorCalls(() => server.gql(`{ warehouses(first: 1000) { nodes { id } } }`));
    expect(costly.errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
    const tooMany = await withoutConnectorCalls(() => server.gql(`{ warehouses(first: 200) { nodes { id } } }`));
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.message).toContain("between 1 and 100");
  });

  it("repeated and cyclic fragments cannot make the cost walk explode or fail", async () => {
    const spreads = (name: string) => Array.from({ length: 12 }, () => `...${name}`).join(" ");
    const nested = `{ viewer { ${spreads("A")} } } fragment A on Viewer { ${spreads("B")} } fragment B on Viewer { ${spreads("C")} } fragment C on Viewer { kind }`;
    const merged = await send({ headers: json, body: JSON.stringify({ query: nested }) });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().extensions.cost.requested).toBe(1);
    const cycle = await send({ headers: json, body: JSON.stringify({ query: `query { ...A } fragment A on Query { ...A }` }) });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("the cost counts variable defaults and list arguments, and refuses what is not a number", async () => {
    const cost = async (query: string, variables: Record<string, unknown> = {}) => (await send({ headers: json, body: JSON.stringify({ query, variables }) })).json();
    expect((await cost(`query($n: Int = 100) { warehouses(first: $n) { nodes { id } } }`)).extensions.cost.requested).toBe(101);
    const ids = Array.from({ length: 30 }, (_, i) => `gid://store/Warehouse/${i}`);
    expect((await cost(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Warehouse { address { city } } } }`, { ids })).extensions.cost.requested).toBe(31); // 1 + 30 items × their address
    const huge = await send({ headers: json, body: `{"query":"query($n: Int) { warehouses(first: $n) { nodes { id } } }","variables":{"n":1e400}}` });
    expect(huge.statusCode).toBe(400);
  });

  it("a response with errors gives nothing back to the bucket: its resolvers ran all the same", async () => {
    const body = await send({ headers: json, body: JSON.stringify({ query: `{ warehouses(first: 50) { nodes { id } } broken: node(id: "abc") { id } }` }) });
    expect(body.json().errors).toBeDefined();
    expect(body.json().extensions.cost).toMatchObject({ requested: 52, actual: null });
  });

  it("the cost a query asked for and what it used are reported, with the bucket", async () => {
    const response = await send({ headers: json, body: JSON.stringify({ query: `{ warehouses(first: 5) { nodes { id code } } }` }) });
    expect(response.json().extensions.cost).toEqual({
      requested: 6,
      actual: 4,
      throttle: { maximumAvailable: 1_000_000, currentlyAvailable: expect.any(Number), restoreRate: 1_000_000 },
    });
    // What was given back shows: the bucket is (nearly) full, not empty.
    expect(response.json().extensions.cost.throttle.currentlyAvailable).toBeGreaterThan(999_000);
  });
});

describe("transport", () => {
  it("refuses a batched array, a mutation over GET, a CSRF-style simple request and a body over the limit", async () => {
    await withoutConnectorCalls(async () => {
      const batch = await send({ headers: json, body: JSON.stringify([{ query: "{ viewer { account { id } } }" }, { query: "{ viewer { account { id } } }" }]) });
      expect(batch.statusCode).toBe(400);
      expect(batch.json().errors[0].extensions.code).toBe("BAD_REQUEST");
      const mutation = encodeURIComponent(`mutation { customerAccessTokenDelete(accessToken: "x") { deleted } }`);
      const get = await send({ method: "GET", url: `/graphql?query=${mutation}`, headers: { "apollo-require-preflight": "true" } });
      expect(get.statusCode).toBe(405);
      expect(get.json().errors[0].message).toContain("mutation");
      const simple = await send({ headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ warehouses { nodes { id } } }" }) });
      expect(simple.statusCode).toBe(400);
      expect(simple.json().errors[0].extensions.code).toBe("BAD_REQUEST");
      const big = await send({ headers: json, body: JSON.stringify({ query: `{ warehouses { nodes { id } } }`, variables: { padding: "x".repeat(6000) } }) });
      expect(big.statusCode).toBe(413);
    });
  });

  it("sends security headers, and CORS headers only to configured origins", async () => {
    const allowed = await send({ headers: { ...json, origin: "https://shop.example" }, body: JSON.stringify({ query: "{ warehouses { nodes { id } } }" }) });
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://shop.example");
    expect(allowed.headers["x-content-type-options"]).toBe("nosniff");
    const other = await send({ headers: { ...json, origin: "https://evil.example" }, body: JSON.stringify({ query: "{ warehouses { nodes { id } } }" }) });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("throttling", () => {
  it("a principal over its bucket gets THROTTLED (429, Retry-After) and recovers at the restore rate", async () => {
    const small = await startTestServer({ security: { costBucket: { maximumAvailable: 20, restoreRate: 20 }, maxCost: 20 } });
    try {
      const query = JSON.stringify({ query: `{ warehouses(first: 3) { nodes { id } } }` }); // costs 4
      const ask = () => small.app.inject({ method: "POST", url: "/graphql", headers: { ...json, authorization: `Bearer ${small.storefrontKey}` }, payload: query });
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await ask());
      const throttled = answers.find((a) => a.statusCode === 429);
      expect(throttled).toBeDefined();
      expect(Number(throttled!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(throttled!.json().errors[0].extensions).toMatchObject({ code: "THROTTLED", cost: { requested: 4, throttle: { maximumAvailable: 20, restoreRate: 20 } } });
      // Another principal has a bucket of its own.
      const anonymous = await small.app.inject({ method: "POST", url: "/graphql", headers: json, payload: query });
      expect(anonymous.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, Number(throttled!.headers["retry-after"]) * 1000));
      expect((await ask()).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe("production mode", () => {
  /** A catalog connector whose backend returns a product without a name: a bug the client must not see the insides of. */
  function brokenCatalog(dataSource: DataSource): Router {
    const store = createStoreConnector(dataSource);
    const catalog = store.readers.catalog!;
    const broken: CatalogReader = { ...catalog, listProducts: async (query) => ({ ...(await catalog.listProducts(query)), items: [{ name: null } as never] }) };
    const connector: Connector = { ...store, readers: { ...store.readers, catalog: broken } };
    return new Router([connector], Object.fromEntries(DOMAINS.map((d) => [d, ["store"]])) as never, {});
  }

  it("hides introspection, suggestions and internal messages; the client gets a request id to quote", async () => {
    const production = await startTestServer({ router: brokenCatalog, security: { production: true, introspection: false } });
    try {
      const introspection = await production.gql(`{ __schema { types { name } } }`);
      expect(introspection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      const typo = await production.gql(`{ prodcts { nodes { id } } }`);
      expect(typo.errors?.[0]?.message).not.toContain("Did you mean");
      const broken = await production.gql(`{ products(first: 1) { nodes { name } } }`);
      const error = broken.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId: expect.any(String) });
      expect(error?.message).toBe(`Internal server error. Quote request ${String(error?.extensions?.requestId)} when you report it.`);
      expect(JSON.stringify(broken)).not.toMatch(/non-nullable|Product\.name|stack/);
    } finally {
      await production.close();
    }
  });

  it("development mode keeps introspection and suggestions", async () => {
    expect((await server.gql(`{ __schema { queryType { name } } }`)).errors).toBeUndefined();
    expect((await server.gql(`{ prodcts { nodes { id } } }`)).errors?.[0]?.message).toContain("Did you mean");
  });
});
