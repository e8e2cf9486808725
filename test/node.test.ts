import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { errorCode, reader } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// node(id) and nodes(ids) as an admin API key reads them.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const { read: admin } = reader(() => server, (s) => s.adminKey);

describe("node and nodes", () => {
  const TYPES = ["Account", "ShipTo", "Product", "Category", "Warehouse", "Order", "Invoice", "Quote"] as const;
  // The fields of Node these tests read, spread as ...NodeFields.
  graphql(`fragment NodeFields on Node { __typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }
    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number } }`);
  /** One object of each type: its global ID and the type's own field, read through its root field. */
  let samples: Record<(typeof TYPES)[number], { id: string; field: string; value: string }>;
  beforeAll(async () => {
    const data = await admin(
      graphql(`query NodeAccount { account(code: "C00002") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }
         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }`),
    );
    samples = {
      Account: { id: data.account.id, field: "code", value: data.account.code },
      ShipTo: { id: data.account.shipTos[0].id, field: "name", value: data.account.shipTos[0].name },
      Product: { id: data.products.nodes[0].id, field: "sku", value: data.products.nodes[0].sku },
      Category: { id: data.categories.nodes[0].id, field: "slug", value: data.categories.nodes[0].slug },
      Warehouse: { id: data.warehouses.nodes[0].id, field: "code", value: data.warehouses.nodes[0].code },
      Order: { id: data.account.orders.nodes[0].id, field: "number", value: data.account.orders.nodes[0].number },
      Invoice: { id: data.account.invoices.nodes[0].id, field: "number", value: data.account.invoices.nodes[0].number },
      Quote: { id: data.account.quotes.nodes[0].id, field: "number", value: data.account.quotes.nodes[0].number },
    };
  });

  it.each(TYPES)("node(id) of a %s returns it with the same id, its __typename and its fields", async (type) => {
    const { id, field, value } = samples[type];
    expect(id.startsWith(`gid://store/${type}/`)).toBe(true);
    expect(await admin(graphql(`query NodeBNode($id: ID!) { node(id: $id) { ...NodeFields } }`), { id }, "node")).toEqual({ __typename: type, id, [field]: value });
  });

  it("nodes(ids) keeps the order of the IDs and gives null for a well-formed ID of nothing", async () => {
    const missing = "gid://store/Product/00000000-0000-0000-0000-000000000000";
    const ids = [samples.Quote.id, missing, samples.Account.id, samples.Product.id, samples.Order.id, "gid://store/Order/00000000-0000-0000-0000-000000000000", samples.Quote.id];
    const nodes = await admin(graphql(`query NodeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`), { ids }, "nodes");
    expect(nodes).toEqual([
      { __typename: "Quote", id: samples.Quote.id },
      null,
      { __typename: "Account", id: samples.Account.id },
      { __typename: "Product", id: samples.Product.id },
      { __typename: "Order", id: samples.Order.id },
      null,
      { __typename: "Quote", id: samples.Quote.id },
    ]);
    expect(await admin(graphql(`query NodeNodes2 { nodes(ids: []) { id } }`), {}, "nodes")).toEqual([]);
  });

  it("a well-formed ID of nothing, or of an unknown connector, is null", async () => {
    for (const id of ["gid://store/Order/00000000-0000-0000-0000-000000000000", "gid://store/Order/not-a-uuid", "gid://erp/Order/42"]) {
      expect(await admin(graphql(`query NodeNode($id: ID!) { node(id: $id) { id } order(id: $id) { id } }`), { id }), id).toEqual({ node: null, order: null });
    }
  });

  it.each([
    ["abc", "node"],
    ["gid://store/Nope/1", "node"],
    ["gid://store/Product", "node"],
    ["", "node"],
    ["abc", "nodes"],
    ["gid://store/Nope/1", "nodes"],
    ["abc", "order"],
    ["gid://store/Invoice/00000000-0000-0000-0000-000000000000", "order"],
    ["gid://store/Order/00000000-0000-0000-0000-000000000000", "invoice"],
    ["gid://store/Account/00000000-0000-0000-0000-000000000000", "quote"],
    ["gid://store/Product/00000000-0000-0000-0000-000000000000", "account"],
  ])("%j is BAD_USER_INPUT for %s", async (id, field) => {
    const query = field === "nodes" ? `query($id: ID!) { nodes(ids: [$id]) { id } }` : `query($id: ID!) { ${field}(id: $id) { id } }`;
    const response = await server.gql(query, { id }, server.adminKey);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.data?.[field] ?? null).toBeNull();
  });

  it("more than 100 IDs is BAD_USER_INPUT", async () => {
    const ids = Array.from({ length: 101 }, () => samples.Product.id);
    expect(errorCode(await server.gql(graphql(`query NodeNodes3($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids }))).toBe("BAD_USER_INPUT");
    expect(await admin(graphql(`query NodeNodes4($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids: ids.slice(1) }, "nodes")).toHaveLength(100);
  });
});
