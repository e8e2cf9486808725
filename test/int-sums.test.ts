import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/**
 * Sums shown in `Int` fields stay within GraphQL's `Int`: each level within its
 * documented maximum must never turn the sum into INTERNAL_SERVER_ERROR.
 * Here on a database of its own.
 */
const MAX_INT = 2_147_483_647;
let databaseUrl: string;
let server: TestServer;
beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("int_sums");
  server = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

describe("sums of stock", () => {
  it("1,000,000,000 on hand (the maximum) in each of the 3 warehouses shows as the largest Int, for anonymous reads of one product and of a list", async () => {
    const product = dataAt<any>(await server.gql(graphql(`query IntSumsProduct { product(sku: "SKU-00042") { id } }`)), "product");
    const warehouses = dataAt<any>(await server.gql(graphql(`query IntSumsWarehouses { warehouses(first: 10) { nodes { id } } }`), {}, server.adminKey), "warehouses").nodes as Array<{ id: string }>;
    expect(warehouses).toHaveLength(3);
    for (const [index, warehouse] of warehouses.entries()) {
      const set = await server.gql(
        graphql(`mutation IntSumsInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 1000000000 }, idempotencyKey: $key) { userErrors { code } } }`),
        { p: product.id, w: warehouse.id, key: `int-sums-${process.pid}-${index}` },
        server.adminKey,
      );
      expect(dataAt<any>(set, "inventorySet").userErrors).toEqual([]);
    }
    const one = await server.gql(graphql(`query IntSumsProduct2 { product(sku: "SKU-00042") { inventory { onHand available } } }`));
    expect(one.errors).toBeUndefined();
    expect(one.data!.product!.inventory).toEqual({ onHand: MAX_INT, available: MAX_INT });
    const list = await server.gql(graphql(`query IntSumsProducts { products(first: 5, filter: { skus: ["SKU-00042"] }) { nodes { inventory { available } } } }`));
    expect(list.errors).toBeUndefined();
    expect(list.data!.products.nodes).toEqual([{ inventory: { available: MAX_INT } }]);
  });

  it("units held over every active reservation show as the largest Int when they sum beyond it", async () => {
    const [key] = (await server.dataSource.query(`SELECT id FROM api_key WHERE name = 'test admin'`)) as Array<{ id: string }>;
    // 3,000 lines of 1,000,000 units (each line's maximum) over 30 reservations of 100 lines (the maximum): 3,000,000,000 units.
    await server.dataSource.query(
      `WITH r AS (INSERT INTO stock_reservation (principal, expires_at) SELECT $1, now() + interval '1 hour' FROM generate_series(1, 30) RETURNING id),
            p AS (SELECT id FROM product ORDER BY sku LIMIT 1), w AS (SELECT id FROM warehouse ORDER BY code LIMIT 1)
       INSERT INTO stock_reservation_line (reservation_id, line_number, product_id, warehouse_id, quantity)
       SELECT r.id, n, p.id, w.id, 1000000 FROM r, p, w, generate_series(1, 100) n`,
      [`api-key:${key!.id}`],
    );
    const allowance = await server.gql(graphql(`query IntSumsStockReservationAllowance { stockReservationAllowance { activeReservations unitsHeld } }`), {}, server.adminKey);
    expect(allowance.errors).toBeUndefined();
    expect(allowance.data!.stockReservationAllowance).toEqual({ activeReservations: 30, unitsHeld: MAX_INT });
  });
});
