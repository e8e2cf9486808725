import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { releaseExpiredReservations } from "../src/domains/warehouse/stock-reservation.commands.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
let ids: { p1: string; p2: string; wh: string };
beforeAll(async () => {
  h = await startWriteHarness();
  const data = dataAt<any>(await h.server.gql(`{ p1: product(sku: "SKU-00301") { id } p2: product(sku: "SKU-00302") { id } wh: warehouse(code: "WH-CENTRAL") { id } }`), "");
  ids = { p1: data.p1.id, p2: data.p2.id, wh: data.wh.id };
  // Known stock for both products in the warehouse (this file's own database).
  for (const sku of ["SKU-00301", "SKU-00302"]) {
    await h.server.dataSource.query(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, reserved) SELECT p.id, w.id, 50, 0 FROM product p, warehouse w WHERE p.sku = $1 AND w.code = 'WH-CENTRAL'
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 50, reserved = 0`,
      [sku],
    );
  }
});
afterAll(() => h.close());

let n = 0;
const key = () => `reserve-${Date.now()}-${n++}`;
const RESERVE = graphql(`mutation StockReservationsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) {
  reservation { id reference status expiresAt lines { product { sku } warehouse { code } quantity } } command { id type } userErrors { code field } } }`);
const RELEASE = graphql(`mutation StockReservationsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { reservation { status } userErrors { code } } }`);

async function available(productId: string): Promise<number> {
  const levels = dataAt<any[]>(await h.server.gql(graphql(`query StockReservationsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }`), { id: productId }), "product.inventoryLevels");
  return levels.find((l) => l.warehouse.code === "WH-CENTRAL").available;
}

describe("stock reservations", () => {
  it("hold stock until released; all lines or none; only their maker may release them", async () => {
    const payload = dataAt<any>(
      await h.server.gql(RESERVE, { input: { reference: "cart-1", expiresInMinutes: 15, lines: [{ productId: ids.p1, warehouseId: ids.wh, quantity: 20 }, { sku: "SKU-00302", warehouseId: ids.wh, quantity: 5 }] }, key: key() }, h.server.storefrontKey),
      "stockReserve",
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation).toMatchObject({ reference: "cart-1", status: "ACTIVE", lines: [{ product: { sku: "SKU-00301" }, warehouse: { code: "WH-CENTRAL" }, quantity: 20 }, { quantity: 5 }] });
    expect(Date.parse(payload.reservation.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect([await available(ids.p1), await available(ids.p2)]).toEqual([30, 45]);
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);

    const tooMuch = dataAt<any>(await h.server.gql(RESERVE, { input: { lines: [{ productId: ids.p1, warehouseId: ids.wh, quantity: 1 }, { productId: ids.p2, warehouseId: ids.wh, quantity: 46 }] }, key: key() }, h.server.storefrontKey), "stockReserve");
    expect(tooMuch.userErrors).toEqual([{ code: "NOT_ENOUGH_STOCK", field: ["input", "lines", "1", "quantity"] }]);
    expect([await available(ids.p1), await available(ids.p2)]).toEqual([30, 45]);

    const customer = await h.server.customerToken(0);
    expect((await h.server.gql(RELEASE, { id: payload.reservation.id, key: key() }, customer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(dataAt<any>(await h.server.gql(RELEASE, { id: payload.reservation.id, key: key() }, h.server.storefrontKey), "stockReservationRelease")).toEqual({ reservation: { status: "RELEASED" }, userErrors: [] });
    expect([await available(ids.p1), await available(ids.p2)]).toEqual([50, 50]);
    expect(dataAt<any>(await h.server.gql(RELEASE, { id: payload.reservation.id, key: key() }, h.server.storefrontKey), "stockReservationRelease").userErrors).toEqual([{ code: "INVALID_STATE" }]);
  });

  it("an expired reservation gives its stock back when the relay's minute job runs", async () => {
    const payload = dataAt<any>(await h.server.gql(RESERVE, { input: { expiresInMinutes: 1, lines: [{ productId: ids.p1, warehouseId: ids.wh, quantity: 7 }] }, key: key() }, h.server.adminKey), "stockReserve");
    expect(await available(ids.p1)).toBe(43);
    await h.server.dataSource.query(`UPDATE stock_reservation SET expires_at = now() - interval '1 second' WHERE id = $1`, [payload.reservation.id.split("/").pop()]);
    expect(dataAt<any>(await h.server.gql(graphql(`query StockReservationsStockReservation($id: ID!) { stockReservation(id: $id) { status } }`), { id: payload.reservation.id }, h.server.adminKey), "stockReservation.status")).toBe("EXPIRED");
    expect(await releaseExpiredReservations(h.server.dataSource, buildRouter(DEFAULT_CONNECTORS_CONFIG, h.server.dataSource))).toBeGreaterThanOrEqual(1);
    expect(await available(ids.p1)).toBe(50);
  });

  it("bad lines are user errors naming the line", async () => {
    const bad = dataAt<any>(await h.server.gql(RESERVE, { input: { expiresInMinutes: 0, lines: [{ sku: "NOPE", warehouseId: ids.wh, quantity: 0 }] }, key: key() }, h.server.storefrontKey), "stockReserve");
    expect(bad.userErrors.map((e: any) => e.field.join("."))).toEqual(["input.expiresInMinutes", "input.lines.0.sku", "input.lines.0.quantity"]);
    expect((await h.server.gql(RESERVE, { input: { lines: [{ productId: ids.p1, warehouseId: ids.wh, quantity: 1 }] }, key: key() })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
