import { randomBytes, randomUUID } from "node:crypto";
import type { QueryRunner } from "typeorm";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import type { Router } from "../src/connectors/router.js";
import type { RequestContext } from "../src/context.js";
import { createLoaders } from "../src/loaders.js";
import { DatabaseBusyError } from "../src/db/database-busy.js";
import { runIdempotent } from "../src/outbox/idempotency.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("pool");
});
afterAll(() => dropDatabase(databaseUrl));

const PLACE = graphql(`mutation ConcurrentOrdersPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
  order { id status lines { sku quantity } } command { id } userErrors { field code message } } }`);
const CATALOG = graphql(`query ConcurrentOrdersCatalog { products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }`);
const CONNECTORS = graphql(`query ConcurrentOrdersConnectors { connectors { name circuit status lastError } }`);

/** Products with plenty of stock in one warehouse and no restrictions. */
async function stockedLines(server: TestServer, count: number): Promise<Array<{ sku: string; warehouseId: string }>> {
  const rows = (await server.dataSource.query(
    `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id
     WHERE il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
     ORDER BY p.sku, il.warehouse_id LIMIT $1`,
    [count],
  )) as Array<{ sku: string; warehouse_id: string }>;
  return rows.map((row) => ({ sku: row.sku, warehouseId: `gid://store/Warehouse/${row.warehouse_id}` }));
}

describe("a crowd of mutations on a small pool", () => {
  let server: TestServer;
  beforeAll(async () => {
    // 50 requests queue for 4 connections: on a loaded machine the last may wait longer than the default 5 s for its turn.
    server = await startTestServer({ databaseUrl, acquireTimeoutMs: 20_000 });
  });
  afterAll(() => server.close());

  it("places 50 orders at once on a pool of 4 connections: all succeed, another client's reads succeed meanwhile, the store's circuit stays CLOSED", async () => {
    const [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
    const lines = await stockedLines(server, 5);
    expect(lines).toHaveLength(5);
    const run = `crowd-${randomBytes(4).toString("hex")}`;

    const orders = Array.from({ length: 50 }, (_, i) =>
      server.gql(
        PLACE,
        // Every order decides on reads (account, ship-to, products, units, prices, stock); some name no warehouse.
        { input: { poNumber: `${run}-${i}`, lines: [{ ...lines[i % 5]!, quantity: 1 }, { sku: lines[(i + 1) % 5]!.sku, quantity: 1 }] }, key: `${run}-${i}` },
        i % 2 === 0 ? tokenA : tokenB,
      ),
    );
    const reads = Array.from({ length: 10 }, () => server.gql(CATALOG));
    const [placed, read] = await Promise.all([Promise.all(orders), Promise.all(reads)]);

    for (const result of placed) {
      expect(result.errors).toBeUndefined();
      expect(result.status).toBe(200);
      expect(result.data!.orderPlace.userErrors).toEqual([]);
      expect(result.data!.orderPlace.order).toMatchObject({ status: "PENDING" });
    }
    expect(new Set(placed.map((result) => result.data!.orderPlace.order!.id)).size).toBe(50);
    for (const result of read) {
      expect(result.errors).toBeUndefined();
      expect(result.data!.products.nodes).toHaveLength(5);
    }
    const [stored] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM "order" WHERE po_number LIKE $1`, [`${run}-%`])) as Array<{ n: number }>;
    expect(stored!.n).toBe(50);
    const store = (await server.gql(CONNECTORS, {}, server.adminKey)).data!.connectors.find((c: any) => c.name === "store");
    expect(store).toEqual({ name: "store", circuit: "CLOSED", status: "UP", lastError: null });
  });

  it("a mutation's reads see its own transaction: one orderPlace takes no second pool connection", async () => {
    const token = await server.customerToken(0);
    const [line] = await stockedLines(server, 1);
    // Each of the pool's 4 connections but one is held elsewhere: the order must be placed on the one left.
    const held = await holdConnections(server, 3);
    try {
      const result = await server.gql(PLACE, { input: { lines: [{ ...line!, quantity: 1 }] }, key: `one-conn-${randomBytes(4).toString("hex")}` }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.orderPlace.userErrors).toEqual([]);
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
  });
});

describe("a pool held to its last connection", () => {
  let server: TestServer;
  let router: Router;
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl, acquireTimeoutMs: 300, router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
  });
  afterAll(() => server.close());

  it("answers DATABASE_BUSY (HTTP 503, Retry-After) to reads and mutations, never INTERNAL_SERVER_ERROR, and never opens the store's circuit", async () => {
    const [token, unusedToken] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
    const [line] = await stockedLines(server, 1);
    // Verified once, the token is believed for a while without the database.
    expect((await server.gql(CATALOG, {}, token)).errors).toBeUndefined();
    expect((await server.gql(CATALOG)).errors).toBeUndefined();

    const held = await holdConnections(server, 4);
    try {
      // More store reads than the circuit's failure threshold (5), each waiting the whole acquire timeout.
      for (let i = 0; i < 6; i++) {
        await expect(router.readerOf("catalog", "store").productsBySkus(["SKU-00001"])).rejects.toBeInstanceOf(DatabaseBusyError);
      }
      const response = await server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, payload: JSON.stringify({ query: print(PLACE), variables: { input: { lines: [{ ...line!, quantity: 1 }] }, key: `busy-${randomBytes(4).toString("hex")}` } }) });
      expect(response.statusCode).toBe(503);
      expect(response.headers["retry-after"]).toBe("1");
      const body = response.json() as { data: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "DATABASE_BUSY", retryAfterSeconds: 1 } })]);
      expect(body.errors[0]!.message).toMatch(/^The database is busy.*retry/i);
      // The transaction of a mutation that got as far gives the same error (here called without HTTP in front).
      const ctx = { principal: { kind: "API_KEY", keyId: randomUUID(), scopes: ["admin"] }, dataSource: server.dataSource, router, loaders: createLoaders(router, server.dataSource) } as unknown as RequestContext;
      await expect(runIdempotent(ctx, "orderPlace", "busy", {}, async () => ({ entityKey: null, commandId: null, userErrors: [] }))).rejects.toBeInstanceOf(DatabaseBusyError);

      // A credential not yet verified: the request fails while its context is built, with the same answer.
      const unverified = await server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${unusedToken}` }, payload: JSON.stringify({ query: print(CATALOG) }) });
      expect(unverified.statusCode).toBe(503);
      expect(unverified.headers["retry-after"]).toBe("1");
      expect((unverified.json() as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(["DATABASE_BUSY"]);

      const read = await server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: print(CATALOG) }) });
      expect(read.statusCode).toBe(503);
      expect(read.headers["retry-after"]).toBe("1");
      expect((read.json() as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toContain("DATABASE_BUSY");
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }

    // Waiting for our own pool is no failure of the store: its circuit stayed closed, and reads work at once.
    expect(router.healthOf("store")).toMatchObject({ circuit: "CLOSED", failures: 0, lastError: null });
    const after = await server.gql(CATALOG);
    expect(after.errors).toBeUndefined();
    expect(after.data!.products.nodes).toHaveLength(5);
  });
});

/** Takes `count` of the server's pool connections and keeps them until released. */
async function holdConnections(server: TestServer, count: number): Promise<QueryRunner[]> {
  const runners = Array.from({ length: count }, () => server.dataSource.createQueryRunner());
  await Promise.all(runners.map((runner) => runner.connect()));
  return runners;
}
