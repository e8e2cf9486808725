import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import type { Router } from "../src/connectors/router.js";
import { COUNT_COST, SEARCH_WORD_COST, UNINDEXED_FILTER_COST } from "../src/security/query-cost.js";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { lockTable, until } from "./support/table-lock.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (aliased and repeated documents built at run time to reach a cost): not typed documents.

/**
 * The cost limit bounds database work: counting, search words and filters no
 * index serves are charged, so aliased counted searches cannot pass as cheap;
 * and a principal may have only so many requests in flight at once.
 */

const json = { "content-type": "application/json" };

describe("what costs", () => {
  let server: TestServer;
  let router: Router;
  beforeAll(async () => {
    server = await startTestServer({ router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
  });
  afterAll(() => server.close());

  const cost = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.gql(query, variables);
    return { errors: response.errors, cost: (response as unknown as { extensions?: { cost: { requested: number; actual: number | null } } }).extensions?.cost };
  };

  /** A page of 5 products with their SKUs: the connection, and each node an object. */
  const PAGE = 1 + 5;

  it("a counted search costs its count, its words, and its words again for the count; the plain list costs its page", async () => {
    expect((await cost(`{ products(first: 5) { nodes { sku } } }`)).cost).toMatchObject({ requested: PAGE, actual: PAGE });
    expect((await cost(`{ products(first: 5) { totalCount nodes { sku } } }`)).cost).toMatchObject({ requested: PAGE + COUNT_COST, actual: PAGE + COUNT_COST });
    const counted = PAGE + SEARCH_WORD_COST + COUNT_COST + SEARCH_WORD_COST;
    expect(counted).toBe(146);
    expect((await cost(`{ products(first: 5, filter: { search: "steel" }) { totalCount nodes { sku } } }`)).cost).toMatchObject({ requested: counted, actual: counted });
    // The same through a variable; repeated words and words inside another count once, as they are searched once.
    expect((await cost(`query($s: String) { products(first: 5, filter: { search: $s }) { totalCount nodes { sku } } }`, { s: "steel STEEL stee" })).cost).toMatchObject({ requested: counted });
  });

  it("words under 3 characters and the available filter cost as scans: no index serves them", async () => {
    const { cost: charged } = await cost(`{ products(first: 5, filter: { search: "st ab", available: true }) { nodes { sku } } }`);
    expect(charged).toMatchObject({ requested: PAGE + 3 * UNINDEXED_FILTER_COST });
  });

  it("words of punctuation, or without 3 letters or digits in a row, cost as scans: pg_trgm makes no trigram of them", async () => {
    const search = "--- ,,, ... ;;; ::: !!! ??? +++ a-b-c 1/2/3";
    expect((await cost(`query($s: String) { products(first: 5, filter: { search: $s }) { nodes { sku } } }`, { s: search })).cost).toMatchObject({ requested: PAGE + 10 * UNINDEXED_FILTER_COST });
    // A run of 3 letters or digits anywhere in a word is enough for the index.
    expect((await cost(`{ products(first: 5, filter: { search: "--steel-- 1/200" }) { nodes { sku } } }`)).cost).toMatchObject({ requested: PAGE + 2 * SEARCH_WORD_COST });
  });

  it("ten aliased counted searches cost ten times a counted search, not 10", async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `s${i}: products(first: 1, filter: { search: "steel" }) { totalCount }`).join(" ");
    expect((await cost(`{ ${aliases} }`)).cost).toMatchObject({ requested: 10 * (1 + SEARCH_WORD_COST + COUNT_COST + SEARCH_WORD_COST) });
  });

  it("five aliased counted searches of ten short words exceed the maximum cost: refused before any connector is asked", async () => {
    const search = "a b c d e f g h i j";
    const each = 1 + 10 * UNINDEXED_FILTER_COST + COUNT_COST + 10 * UNINDEXED_FILTER_COST;
    const aliases = Array.from({ length: 5 }, (_, i) => `s${i}: products(first: 1, filter: { search: "${search}" }) { totalCount }`).join(" ");
    const before = router.healthOf("store")!.calls;
    const response = await server.app.inject({ method: "POST", url: "/graphql", headers: json, payload: JSON.stringify({ query: `{ ${aliases} }` }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: { requested: 5 * each } });
    expect(5 * each).toBeGreaterThan(10_000);
    expect(router.healthOf("store")!.calls).toBe(before);
  });
});

describe("requests in flight per principal", () => {
  let databaseUrl: string;
  let server: TestServer;
  beforeAll(async () => {
    const template = inject("writeTemplateUrl");
    databaseUrl = await copyDatabase(template, `inflight_${process.pid}_${randomBytes(3).toString("hex")}`, new URL(template).pathname.slice(1));
    server = await startTestServer({ databaseUrl, security: { maxConcurrent: { perClient: 2, perApiKey: 2 } } });
  });
  afterAll(async () => {
    await server.close();
    await dropDatabase(databaseUrl);
  });

  const ask = (address: string, query: string, token?: string) =>
    server.app.inject({ method: "POST", url: "/graphql", remoteAddress: address, headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: JSON.stringify({ query }) });

  it("beyond the bound a principal is refused (THROTTLED, 429, Retry-After) while others are served; its slots come back as its requests end", async () => {
    const lock = await lockTable(databaseUrl, "product");
    let slow: ReturnType<typeof ask>[] = [];
    try {
      slow = [ask("203.0.113.7", `{ products(first: 1) { nodes { sku } } }`), ask("203.0.113.7", `{ products(first: 2) { nodes { sku } } }`)];
      await until(async () => (await lock.waiting("%FROM product p%")).length === 2, "both reads wait for the lock");
      const refused = await ask("203.0.113.7", `{ warehouses { nodes { code } } }`);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers["retry-after"]).toBe("1");
      expect(refused.json().errors[0].extensions).toMatchObject({ code: "THROTTLED", concurrency: { limit: 2 } });
      // Another address, and an API key from the same address, are principals of their own.
      expect((await ask("203.0.113.8", `{ warehouses { nodes { code } } }`)).statusCode).toBe(200);
      expect((await ask("203.0.113.7", `{ warehouses { nodes { code } } }`, server.storefrontKey)).statusCode).toBe(200);
    } finally {
      await lock.release();
    }
    expect((await Promise.all(slow)).map((response) => response.statusCode)).toEqual([200, 200]);
    expect((await ask("203.0.113.7", `{ warehouses { nodes { code } } }`)).statusCode).toBe(200);
  });
});
