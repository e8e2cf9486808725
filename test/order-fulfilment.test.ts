import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveOrder, recordShipment, UnknownOrderError, type OrderChangeOrigin } from "../src/domains/order/order-fulfilment.js";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// moveOrder and recordShipment as the inbound path calls them: in a transaction on the real store database.
// (The relay may confirm a placed order meanwhile: PENDING or OPEN is where it starts.)
let h: WriteHarness;
let token: string;
beforeAll(async () => {
  h = await startWriteHarness();
  token = await h.server.customerToken(0);
});
afterAll(() => h.close());

const PLACE = graphql(`mutation OrderFulfilmentPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { message } } }`);

let n = 0;
async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

/** Places an order of two lines (3 and 2 units) from WH-EAST through the API; answers its key and its SKUs' warehouse. */
async function placeOrder(): Promise<{ orderId: string; skus: string[]; warehouseId: string }> {
  const rows = await sql<{ sku: string; warehouse_id: string }>(
    `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id
     WHERE w.code = 'WH-EAST' AND il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM product_unit u WHERE u.product_id = p.id AND u.factor > 1)
     ORDER BY p.sku LIMIT 2 OFFSET $1`,
    [2 * (n % 20)],
  );
  const warehouseId = rows[0]!.warehouse_id;
  const input = { lines: rows.map((r, i) => ({ sku: r.sku, quantity: 3 - i, warehouseId: `gid://store/Warehouse/${warehouseId}` })) };
  const payload = dataAt<any>(await h.server.gql(PLACE, { input, key: `fulfilment-${Date.now()}-${n++}` }, token), "orderPlace");
  expect(payload.userErrors).toEqual([]);
  return { orderId: payload.order.id.split("/").pop(), skus: rows.map((r) => r.sku), warehouseId };
}

const origin = (eventId: string, occurredAt: string): OrderChangeOrigin => ({ connector: "erp", principal: null, eventId, occurredAt: new Date(occurredAt) });
const inTx = <T>(work: (tx: any) => Promise<T>) => h.server.dataSource.transaction(work);

async function stock(sku: string, warehouseId: string) {
  const [row] = await sql<{ on_hand: number; reserved: number }>(
    `SELECT il.on_hand, il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id WHERE p.sku = $1 AND il.warehouse_id = $2`,
    [sku, warehouseId],
  );
  return row!;
}

describe("moveOrder", () => {
  it("moves along the lifecycle, records who and when, and says unchanged, stale or refused otherwise", async () => {
    const { orderId } = await placeOrder();
    expect(await inTx((tx) => moveOrder(tx, orderId, "PROCESSING", origin("e1", "2030-01-01T10:00:00Z"), "picking"))).toEqual({ outcome: "moved", from: expect.stringMatching(/^(PENDING|OPEN)$/), to: "PROCESSING" });
    expect(await inTx((tx) => moveOrder(tx, orderId, "PROCESSING", origin("e1", "2030-01-01T10:00:00Z")))).toEqual({ outcome: "unchanged", status: "PROCESSING" });
    expect(await inTx((tx) => moveOrder(tx, orderId, "SHIPPED", origin("e3", "2030-01-01T12:00:00Z")))).toEqual({ outcome: "moved", from: "PROCESSING", to: "SHIPPED" });
    // Reported out of order: an earlier PROCESSING after SHIPPED leaves SHIPPED.
    expect(await inTx((tx) => moveOrder(tx, orderId, "PROCESSING", origin("e2", "2030-01-01T11:00:00Z")))).toEqual({ outcome: "stale", status: "SHIPPED" });
    expect(await inTx((tx) => moveOrder(tx, orderId, "CANCELLED", origin("e4", "2030-01-01T13:00:00Z")))).toMatchObject({ outcome: "refused", status: "SHIPPED" });
    const events = await sql<any>(`SELECT kind, from_status, to_status, connector, event_id, details FROM order_event WHERE order_id = $1 AND kind = 'STATUS_CHANGED' ORDER BY occurred_at, id`, [orderId]);
    expect(events).toEqual([
      { kind: "STATUS_CHANGED", from_status: expect.stringMatching(/^(PENDING|OPEN)$/), to_status: "PROCESSING", connector: "erp", event_id: "e1", details: { note: "picking" } },
      { kind: "STATUS_CHANGED", from_status: "PROCESSING", to_status: "SHIPPED", connector: "erp", event_id: "e3", details: {} },
    ]);
    expect((await sql<any>(`SELECT status FROM "order" WHERE id = $1`, [orderId]))[0].status).toBe("SHIPPED");
  });

  it("cancelled by a backend leaves what orderCancel would: every line cancelled, its stock released", async () => {
    const { orderId, skus, warehouseId } = await placeOrder();
    const before = await stock(skus[0]!, warehouseId);
    expect(await inTx((tx) => moveOrder(tx, orderId, "CANCELLED", origin("c1", "2030-01-01T10:00:00Z")))).toMatchObject({ outcome: "moved", to: "CANCELLED" });
    expect(await sql<any>(`SELECT line_number, cancelled_quantity, reserved_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`, [orderId])).toEqual([
      { line_number: 1, cancelled_quantity: 3, reserved_quantity: 0 },
      { line_number: 2, cancelled_quantity: 2, reserved_quantity: 0 },
    ]);
    expect(await stock(skus[0]!, warehouseId)).toEqual({ on_hand: before.on_hand, reserved: before.reserved - 3 });
  });

  it("compares a backend's report only with earlier reports, not with our own changes (our clock is not the backend's)", async () => {
    const { orderId } = await placeOrder();
    const byOperator = { connector: null, principal: "api-key:1", eventId: null, occurredAt: new Date() };
    expect(await inTx((tx) => moveOrder(tx, orderId, "PROCESSING", byOperator))).toMatchObject({ outcome: "moved", to: "PROCESSING" });
    expect(await inTx((tx) => moveOrder(tx, orderId, "SHIPPED", origin("b1", "2020-01-01T00:00:00Z")))).toMatchObject({ outcome: "moved", to: "SHIPPED" });
  });

  it("throws UnknownOrderError for an order the store does not have", async () => {
    await expect(inTx((tx) => moveOrder(tx, "00000000-0000-4000-8000-000000000000", "SHIPPED", origin("x", "2030-01-01T10:00:00Z")))).rejects.toBeInstanceOf(UnknownOrderError);
  });
});

describe("recordShipment", () => {
  const ship = (lines: Array<{ lineNumber: number; quantity: number }> | null, externalId: string | null = null) => ({
    externalId, carrierCode: "UPS", trackingNumber: `1Z${n}`, trackingUrl: "https://track.example/1", warehouseId: null, shippedAt: new Date("2030-01-02T00:00:00Z"), lines,
  });

  it("ships part, then the rest; takes the units off on-hand and reserved; the same externalId twice records one shipment", async () => {
    const { orderId, skus, warehouseId } = await placeOrder();
    const before = await stock(skus[0]!, warehouseId);
    const first = await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 1, quantity: 2 }], "SH-1"), origin("s1", "2030-01-02T00:00:00Z")));
    expect(first).toMatchObject({ outcome: "recorded", status: "PARTIALLY_SHIPPED" });
    expect(await stock(skus[0]!, warehouseId)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    const again = await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 1, quantity: 2 }], "SH-1"), origin("s1", "2030-01-02T00:00:00Z")));
    expect(again).toEqual({ outcome: "duplicate", shipmentId: (first as any).shipmentId });
    expect(await stock(skus[0]!, warehouseId)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });

    expect(await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 1, quantity: 2 }]), origin("s2", "2030-01-03T00:00:00Z")))).toMatchObject({
      outcome: "refused", reason: expect.stringMatching(/Line 1 .*between 1 and 1/),
    });
    expect(await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 9, quantity: 1 }]), origin("s2", "2030-01-03T00:00:00Z")))).toMatchObject({ outcome: "refused" });
    const rest = await inTx((tx) => recordShipment(tx, orderId, ship(null, "SH-2"), origin("s3", "2030-01-03T00:00:00Z")));
    expect(rest).toMatchObject({ outcome: "recorded", status: "SHIPPED" });
    expect(await stock(skus[0]!, warehouseId)).toEqual({ on_hand: before.on_hand - 3, reserved: before.reserved - 3 });
    expect(await sql<any>(`SELECT line_number, shipped_quantity, reserved_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`, [orderId])).toEqual([
      { line_number: 1, shipped_quantity: 3, reserved_quantity: 0 },
      { line_number: 2, shipped_quantity: 2, reserved_quantity: 0 },
    ]);
    expect(await sql<any>(`SELECT l.line_number, l.quantity FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id WHERE s.order_id = $1 ORDER BY s.external_id, l.line_number`, [orderId])).toEqual([
      { line_number: 1, quantity: 2 },
      { line_number: 1, quantity: 1 },
      { line_number: 2, quantity: 2 },
    ]);
    expect(await inTx((tx) => recordShipment(tx, orderId, ship(null), origin("s4", "2030-01-04T00:00:00Z")))).toMatchObject({ outcome: "refused" });
    const events = await sql<any>(`SELECT from_status, to_status, details->>'carrierCode' AS carrier FROM order_event WHERE order_id = $1 AND kind = 'SHIPMENT_CREATED' ORDER BY occurred_at, id`, [orderId]);
    expect(events).toEqual([
      { from_status: expect.stringMatching(/^(PENDING|OPEN)$/), to_status: "PARTIALLY_SHIPPED", carrier: "UPS" },
      { from_status: "PARTIALLY_SHIPPED", to_status: "SHIPPED", carrier: "UPS" },
    ]);
  });

  it("returned by a backend when partly shipped: returns what shipped, cancels and releases the rest", async () => {
    const { orderId, skus, warehouseId } = await placeOrder();
    const before = await stock(skus[1]!, warehouseId);
    await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 1, quantity: 3 }]), origin("r1", "2030-01-02T00:00:00Z")));
    expect(await inTx((tx) => moveOrder(tx, orderId, "RETURNED", origin("r2", "2030-01-05T00:00:00Z")))).toMatchObject({ outcome: "moved", from: "PARTIALLY_SHIPPED", to: "RETURNED" });
    expect(await sql<any>(`SELECT line_number, shipped_quantity, returned_quantity, cancelled_quantity, reserved_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`, [orderId])).toEqual([
      { line_number: 1, shipped_quantity: 3, returned_quantity: 3, cancelled_quantity: 0, reserved_quantity: 0 },
      { line_number: 2, shipped_quantity: 0, returned_quantity: 0, cancelled_quantity: 2, reserved_quantity: 0 },
    ]);
    expect(await stock(skus[1]!, warehouseId)).toEqual({ on_hand: before.on_hand, reserved: before.reserved - 2 });
  });

  it("records the shipments of an order already reported SHIPPED, for what is left, without moving it", async () => {
    const { orderId } = await placeOrder();
    await inTx((tx) => moveOrder(tx, orderId, "SHIPPED", origin("t1", "2030-01-01T10:00:00Z")));
    expect(await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 2, quantity: 2 }], "SH-9"), origin("t2", "2030-01-01T10:00:01Z")))).toMatchObject({
      outcome: "recorded", from: "SHIPPED", status: "SHIPPED", lines: [{ lineNumber: 2, quantity: 2 }],
    });
    expect(await inTx((tx) => recordShipment(tx, orderId, ship([{ lineNumber: 2, quantity: 1 }]), origin("t3", "2030-01-01T10:00:02Z")))).toMatchObject({ outcome: "refused", refusal: { code: "INVALID", lineNumber: 2 } });
    expect((await sql<any>(`SELECT status FROM "order" WHERE id = $1`, [orderId]))[0].status).toBe("SHIPPED");
  });

  it("refuses a shipment of a cancelled order", async () => {
    const { orderId } = await placeOrder();
    await inTx((tx) => moveOrder(tx, orderId, "CANCELLED", origin("k1", "2030-01-01T00:00:00Z")));
    expect(await inTx((tx) => recordShipment(tx, orderId, ship(null), origin("k2", "2030-01-02T00:00:00Z")))).toMatchObject({ outcome: "refused", reason: expect.stringContaining("CANCELLED"), refusal: { code: "INVALID_STATE" } });
  });
});
