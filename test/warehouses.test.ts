import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { errorCode, reader } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// warehouse and warehouses: public, every request here is anonymous (stock of a product: products.test.ts).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const { read, sql, allNodes } = reader(() => server);


describe("warehouses", () => {
  it("warehouses lists the three warehouses by code, with their addresses", async () => {
    const rows = await sql<{ code: string; name: string; address: Record<string, string> }>(`SELECT code, name, address FROM warehouse ORDER BY code`);
    const page = await read(graphql(`query WarehousesWarehouses { warehouses { totalCount nodes { code name address { line1 line2 city region postalCode countryCode } } } }`), {}, "warehouses");
    expect(page.totalCount).toBe(3);
    expect(page.nodes).toEqual(rows.map((r) => ({ code: r.code, name: r.name, address: { line2: null, region: null, ...r.address } })));
    expect(page.nodes.map((w: any) => w.code)).toEqual(["WH-CENTRAL", "WH-EAST", "WH-WEST"]);
  });

  it("warehouse(code) and warehouse(id) return the same warehouse; unknown is null, no argument BAD_USER_INPUT", async () => {
    const byCode = await read(graphql(`query WarehousesWarehouse { warehouse(code: "WH-WEST") { id code name } }`), {}, "warehouse");
    expect(byCode.code).toBe("WH-WEST");
    expect(await read(graphql(`query WarehousesWarehouse2($id: ID!) { warehouse(id: $id) { id code name } }`), { id: byCode.id }, "warehouse")).toEqual(byCode);
    expect(await read(graphql(`query WarehousesWarehouse3 { warehouse(code: "WH-NOPE") { id } }`), {}, "warehouse")).toBeNull();
    expect(errorCode(await server.gql(graphql(`query WarehousesWarehouse4 { warehouse { id } }`)))).toBe("BAD_USER_INPUT");
  });

  it.each(["WH-EAST", "WH-WEST", "WH-CENTRAL"])("%s: inventoryLevels lists every level by SKU; filter available splits them", async (code) => {
    const rows = await sql<{ sku: string; on_hand: number; reserved: number }>(
      `SELECT p.sku, il.on_hand, il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id
       WHERE w.code = $1 ORDER BY p.sku`,
      [code],
    );
    const id = await read(graphql(`query WarehousesWarehouse5($code: String!) { warehouse(code: $code) { id } }`), { code }, "warehouse.id");
    const levels = (available: boolean | null) =>
      allNodes(
        graphql(`query WarehousesBWarehouse($id: ID!, $after: String, $available: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, after: $after, filter: { available: $available }) {
          nodes { product { sku } warehouse { code } onHand reserved available } pageInfo { hasNextPage endCursor } } } }`),
        "warehouse.inventoryLevels",
        { id, available },
      );
    const expected = rows.map((r) => ({ product: { sku: r.sku }, warehouse: { code }, onHand: r.on_hand, reserved: r.reserved, available: Math.max(r.on_hand - r.reserved, 0) }));
    expect(await levels(null)).toEqual(expected);
    const yes = await levels(true);
    const no = await levels(false);
    expect(yes).toEqual(expected.filter((l) => l.available > 0));
    expect(no).toEqual(expected.filter((l) => l.available === 0));
    expect(yes.length).toBeGreaterThan(0);
    expect(no.length).toBeGreaterThan(0);
  });
});
