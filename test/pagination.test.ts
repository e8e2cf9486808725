import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt, walk } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PAGE = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;

/** Every root connection, with the query that pages it (admin sees all). */
const LISTS: Array<{ name: string; query: string; path: string; size: number }> = [
  { name: "products", path: "products", size: 97, query: `query($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
  { name: "products by name, reversed", path: "products", size: 100, query: `query($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before, sortKey: NAME, reverse: true) { ${PAGE} } }` },
  { name: "categories", path: "categories", size: 7, query: `query($first: Int, $after: String, $last: Int, $before: String) { categories(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
  { name: "warehouses", path: "warehouses", size: 2, query: `query($first: Int, $after: String, $last: Int, $before: String) { warehouses(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
  { name: "accounts", path: "accounts", size: 33, query: `query($first: Int, $after: String, $last: Int, $before: String) { accounts(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
  { name: "orders (5000+)", path: "orders", size: 100, query: `query($first: Int, $after: String, $last: Int, $before: String) { orders(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
  { name: "invoices by due date", path: "invoices", size: 100, query: `query($first: Int, $after: String, $last: Int, $before: String) { invoices(first: $first, after: $after, last: $last, before: $before, sortKey: DUE_DATE) { ${PAGE} } }` },
  { name: "quotes", path: "quotes", size: 41, query: `query($first: Int, $after: String, $last: Int, $before: String) { quotes(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }` },
];

describe("Relay connections", () => {
  it.each(LISTS)("$name: forward and backward visit every item exactly once, in the same order", async ({ query, path, size }) => {
    const run = (vars: Record<string, unknown>) => server.gql(query, vars, server.adminKey);
    const forward = await walk(run, path, "forward", size);
    const backward = await walk(run, path, "backward", size);
    expect(forward.ids.length).toBeGreaterThan(0);
    expect(new Set(forward.ids).size).toBe(forward.ids.length);
    expect(forward.ids.length).toBe(forward.totalCount);
    expect(backward.ids).toEqual(forward.ids);
  });

  it("the warehouse inventory-level connection pages forward and backward", async () => {
    const codes = dataAt<{ nodes: Array<{ id: string }> }>(await server.gql(graphql(`query PaginationWarehouses { warehouses { nodes { id } } }`)), "warehouses");
    const query = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { warehouse(id: $id) { inventoryLevels(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { product { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } } }`;
    const run = async (vars: Record<string, unknown>) => {
      const response = await server.gql(query, { id: codes.nodes[0]!.id, ...vars });
      // Reshape so `walk` sees node ids.
      const levels = response.data?.warehouse?.inventoryLevels;
      if (levels) levels.edges = levels.edges.map((e: any) => ({ cursor: e.cursor, node: { id: e.node.product.id } }));
      return response;
    };
    const forward = await walk(run, "warehouse.inventoryLevels", "forward", 64);
    const backward = await walk(run, "warehouse.inventoryLevels", "backward", 64);
    expect(forward.ids.length).toBe(forward.totalCount);
    expect(backward.ids).toEqual(forward.ids);
  });

  it("pageInfo flags and cursors describe the page", async () => {
    const first = dataAt<any>(await server.gql(`{ products(first: 3) { ${PAGE} } }`), "products");
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[2].cursor });
    const second = dataAt<any>(await server.gql(`query($after: String) { products(first: 3, after: $after) { ${PAGE} } }`, { after: first.pageInfo.endCursor }), "products");
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = dataAt<any>(await server.gql(`query($before: String) { products(last: 3, before: $before) { ${PAGE} } }`, { before: second.pageInfo.startCursor }), "products");
    expect(back.edges.map((e: any) => e.node.id)).toEqual(first.edges.map((e: any) => e.node.id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("nodes lists the same items as edges", async () => {
    const page = dataAt<any>(await server.gql(graphql(`query PaginationProducts { products(first: 5) { nodes { id } edges { node { id } } } }`)), "products");
    expect(page.nodes).toEqual(page.edges.map((e: any) => e.node));
  });

  it.each([
    ["first: 0", "first"],
    ["first: -1", "first"],
    ["first: 101", "first"],
    ["last: 0", "last"],
    ["last: 101", "last"],
    ["first: 5, last: 5", "last"],
    [`after: "not-a-cursor"`, "after"],
    [`before: "bm90IGpzb24"`, "before"],
  ])("%s is a BAD_USER_INPUT error naming the argument", async (args, argument) => {
    const response = await server.gql(`{ products(${args}) { totalCount } }`);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
  });

  it.each(LISTS)("$name: a cursor carries no SQL, only a short name of the list's ordering and the item's position", async ({ query, path }) => {
    const page = dataAt<any>(await server.gql(query, { first: 2 }, server.adminKey), path);
    for (const { cursor } of page.edges as Array<{ cursor: string }>) {
      const decoded = Buffer.from(cursor.split(".")[0]!, "base64url").toString("utf8");
      const [by] = JSON.parse(decoded) as string[];
      expect(by).toMatch(/^[\w-]{12}$/);
      expect(decoded).not.toMatch(/\b(SELECT|FROM|JOIN|WHERE|LEFT|ON)\b|\b(customer_group|inventory_level|product p|account a|invoice i|quote q|"order" o)\b|\b[a-z]\.(id|code|name|created_at|due_date|sku)\b/);
    }
  });

  it("without first or last a page holds 20 items", async () => {
    const page = dataAt<any>(await server.gql(graphql(`query PaginationProducts2 { products { nodes { id } pageInfo { hasNextPage } } }`)), "products");
    expect(page.nodes).toHaveLength(20);
  });
});
