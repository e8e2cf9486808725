import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The mobile order-history page: an account, its orders, lines, products, stock per warehouse, shipments and history. */
const ORDER_HISTORY = graphql(`query NPlusOneOrderHistory($code: String!, $first: Int!) {
  account(code: $code) {
    name
    orders(first: $first) {
      nodes {
        number status total { amount }
        lines { sku quantity shippedQuantity unitPrice { amount }
          product { sku name inventoryLevels { available warehouse { code } } } }
        shipments { id trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }
        events { kind toStatus occurredAt }
      }
    }
  }
}`);

async function statementsFor(first: number): Promise<{ statements: number; orders: number; lines: number }> {
  server.statements.reset();
  const account = dataAt<any>(await server.gql(ORDER_HISTORY, { code: "C00001", first }, server.adminKey), "account");
  const orders = account.orders.nodes as any[];
  return {
    statements: server.statements.count,
    orders: orders.length,
    lines: orders.reduce((sum, o) => sum + o.lines.length, 0),
  };
}

describe("batched reads", () => {
  it("the order-history query costs a few SQL statements, as many for 50 orders as for 5", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.orders).toBe(5);
    expect(large.orders).toBe(50);
    expect(large.lines).toBeGreaterThan(small.lines);
    // One per level: API key, account, orders page, lines, shipments (with their lines), events, products, levels,
    // warehouses — plus at most one more warehouse batch when lines and shipments resolve in different ticks.
    // Ten times the orders, the same bound: an N+1 would cost 50+ statements.
    for (const run of [small, large]) expect(run.statements).toBeLessThanOrEqual(10);
  });

  it("a catalog page with prices, stock and relations is a fixed number of statements", async () => {
    const query = `query($first: Int!) { products(first: $first) { nodes { sku
      price(quantity: 12) { unitPrice { amount } }
      inventory { available } inventoryLevels { warehouse { code } }
      categories { name } units { code } priceBreaks { minQuantity }
      relatedProducts { kind product { sku } } kitComponents { product { sku } } } } }`;
    server.statements.reset();
    dataAt(await server.gql(query, { first: 5 }, server.storefrontKey), "products");
    const small = server.statements.count;
    server.statements.reset();
    dataAt(await server.gql(query, { first: 100 }, server.storefrontKey), "products");
    // Bounded by the query's depth and breadth (about one statement per field that loads), not by 100 products.
    expect(small).toBeLessThanOrEqual(16);
    expect(server.statements.count).toBeLessThanOrEqual(16);
  });
});
