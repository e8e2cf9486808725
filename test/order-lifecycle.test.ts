import type { AddressInfo } from "node:net";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// An order's life driven by an operator, over real HTTP against the running app and the real store database.
let h: WriteHarness;
let base: string;
let customer: string;
let otherCustomer: string;
beforeAll(async () => {
  h = await startWriteHarness();
  await h.server.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(h.server.app.server.address() as AddressInfo).port}`;
  [customer, otherCustomer] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

/** POSTs one operation to /graphql over HTTP. */
async function gql(document: TypedDocumentNode<any, any>, variables: Record<string, unknown>, token: string): Promise<{ status: number; data?: any; errors?: any[] }> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

let n = 0;
const newKey = () => `lifecycle-${Date.now()}-${n++}`;

const PLACE = graphql(`mutation OrderLifecyclePlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }`);
const PROCESS = graphql(`mutation OrderLifecycleProcess($input: OrderStatusChangeInput!, $key: String!) { orderProcess(input: $input, idempotencyKey: $key) {
  order { status } command { id type } userErrors { code field message } } }`);
const COMPLETE = graphql(`mutation OrderLifecycleComplete($input: OrderStatusChangeInput!, $key: String!) { orderComplete(input: $input, idempotencyKey: $key) {
  order { status } command { id type } userErrors { code field message } } }`);
const SHIP = graphql(`mutation OrderLifecycleShip($input: OrderShipmentCreateInput!, $key: String!) { orderShipmentCreate(input: $input, idempotencyKey: $key) {
  order { status shipments { id } lines { lineNumber shippedQuantity } } command { id type } userErrors { code field message } } }`);
const CANCEL = graphql(`mutation OrderLifecycleCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status } userErrors { code message } } }`);
const RETURN = graphql(`mutation OrderLifecycleReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) { order { status lines { returnedQuantity } } userErrors { code field message } } }`);
const INVOICE = graphql(`mutation OrderLifecycleInvoice($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { userErrors { code message } } }`);
const HISTORY = graphql(`query OrderLifecycleHistory($id: ID!) { order(id: $id) {
  status
  lines { lineNumber quantity shippedQuantity returnedQuantity }
  shipments { id carrierCode trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }
  events { kind fromStatus toStatus connector note carrierCode trackingNumber trackingUrl occurredAt recordedAt }
} }`);

/** Two lines (3 and 2 units) of products stocked in WH-EAST, sold by the unit. */
async function stockedLines(offset: number): Promise<{ skus: string[]; warehouseId: string }> {
  const rows = await sql<{ sku: string; warehouse_id: string }>(
    `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id
     WHERE w.code = 'WH-EAST' AND il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
     ORDER BY p.sku LIMIT 2 OFFSET $1`,
    [offset],
  );
  return { skus: rows.map((r) => r.sku), warehouseId: `gid://store/Warehouse/${rows[0]!.warehouse_id}` };
}

/** A customer places an order of two lines through the API; answers its global ID once the store has confirmed it (OPEN). */
async function placeOrder(offset: number): Promise<{ id: string; skus: string[]; warehouseId: string }> {
  const { skus, warehouseId } = await stockedLines(offset);
  const input = { lines: skus.map((sku, i) => ({ sku, quantity: 3 - i, warehouseId })) };
  const placed = (await gql(PLACE, { input, key: newKey() }, customer)).data.orderPlace;
  expect(placed.userErrors).toEqual([]);
  await h.waitForCommand(placed.command.id, ["DELIVERED"]);
  return { id: placed.order.id, skus, warehouseId };
}

async function onHand(sku: string): Promise<{ on_hand: number; reserved: number }> {
  const [row] = await sql<{ on_hand: number; reserved: number }>(
    `SELECT il.on_hand, il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = $1 AND w.code = 'WH-EAST'`,
    [sku],
  );
  return row!;
}

describe("an order's lifecycle, driven by an operator", () => {
  it("placed, processed, partly shipped with tracking, shipped, completed, then returned: the customer sees each step", async () => {
    const { id, skus } = await placeOrder(0);
    const before = await onHand(skus[0]!);
    const processed = (await gql(PROCESS, { input: { orderId: id, note: "picking" }, key: newKey() }, h.server.adminKey)).data.orderProcess;
    expect(processed).toMatchObject({ order: { status: "PROCESSING" }, command: { type: "orderStatusChange" }, userErrors: [] });

    const shipInput = { orderId: id, carrierCode: "UPS", trackingNumber: "1Z999", trackingUrl: "https://track.example/1Z999", warehouseId: `gid://store/Warehouse/${(await sql<{ id: string }>(`SELECT id FROM warehouse WHERE code = 'WH-EAST'`))[0]!.id}`, lines: [{ lineNumber: 1, quantity: 2 }] };
    const part = (await gql(SHIP, { input: shipInput, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(part).toMatchObject({ order: { status: "PARTIALLY_SHIPPED", lines: [{ lineNumber: 1, shippedQuantity: 2 }, { lineNumber: 2, shippedQuantity: 0 }] }, command: { type: "orderShipmentCreate" }, userErrors: [] });
    expect(await onHand(skus[0]!)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    await h.waitForCommand(part.command.id, ["DELIVERED"]);
    const sent = h.erp.applied.find((r) => r.body.type === "orderShipmentCreate" && r.body.aggregateId === id.split("/").pop());
    expect(sent?.body.payload).toMatchObject({ carrier: "UPS", tracking: "1Z999", url: "https://track.example/1Z999", warehouseCode: "WH-EAST", lines: [{ lineNumber: 1, sku: skus[0], quantity: 2 }] });

    const rest = (await gql(SHIP, { input: { orderId: id, carrierCode: "DHL", trackingNumber: "JD0002" }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(rest).toMatchObject({ order: { status: "SHIPPED", lines: [{ shippedQuantity: 3 }, { shippedQuantity: 2 }] }, userErrors: [] });
    expect(await onHand(skus[0]!)).toEqual({ on_hand: before.on_hand - 3, reserved: before.reserved - 3 });
    const completed = (await gql(COMPLETE, { input: { orderId: id }, key: newKey() }, h.server.adminKey)).data.orderComplete;
    expect(completed).toMatchObject({ order: { status: "COMPLETED" }, userErrors: [] });

    const history = (await gql(HISTORY, { id }, customer)).data.order;
    expect(history.status).toBe("COMPLETED");
    expect(history.lines).toEqual([
      { lineNumber: 1, quantity: 3, shippedQuantity: 3, returnedQuantity: 0 },
      { lineNumber: 2, quantity: 2, shippedQuantity: 2, returnedQuantity: 0 },
    ]);
    expect(history.shipments).toEqual([
      { id: expect.any(String), carrierCode: "UPS", trackingNumber: "1Z999", trackingUrl: "https://track.example/1Z999", warehouse: { code: "WH-EAST" }, lines: [{ lineNumber: 1, quantity: 2 }] },
      { id: expect.any(String), carrierCode: "DHL", trackingNumber: "JD0002", trackingUrl: null, warehouse: null, lines: [{ lineNumber: 1, quantity: 1 }, { lineNumber: 2, quantity: 2 }] },
    ]);
    expect(history.events.map((e: any) => [e.kind, e.fromStatus, e.toStatus, e.connector, e.note, e.carrierCode, e.trackingNumber])).toEqual([
      ["PLACED", null, "PENDING", null, null, null, null],
      ["STATUS_CHANGED", "PENDING", "OPEN", "store", null, null, null],
      ["STATUS_CHANGED", "OPEN", "PROCESSING", null, "picking", null, null],
      ["SHIPMENT_CREATED", "PROCESSING", "PARTIALLY_SHIPPED", null, null, "UPS", "1Z999"],
      ["SHIPMENT_CREATED", "PARTIALLY_SHIPPED", "SHIPPED", null, null, "DHL", "JD0002"],
      ["STATUS_CHANGED", "SHIPPED", "COMPLETED", null, null, null, null],
    ]);
    expect(history.events[3].trackingUrl).toBe("https://track.example/1Z999");
    const times = history.events.map((e: any) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const returned = (await gql(RETURN, { input: { orderId: id, reason: "wrong size", lines: [{ lineNumber: 1, quantity: 3 }, { lineNumber: 2, quantity: 2 }] }, key: newKey() }, customer)).data.orderReturn;
    expect(returned).toMatchObject({ order: { status: "RETURNED", lines: [{ returnedQuantity: 3 }, { returnedQuantity: 2 }] }, userErrors: [] });
    const after = (await gql(HISTORY, { id }, customer)).data.order;
    expect(after.events.at(-1)).toMatchObject({ kind: "STATUS_CHANGED", fromStatus: "COMPLETED", toStatus: "RETURNED", connector: null, note: "wrong size" });
  });

  it("a partly shipped order can be returned for what shipped, not more", async () => {
    const { id } = await placeOrder(2);
    await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z1", lines: [{ lineNumber: 1, quantity: 1 }] }, key: newKey() }, h.server.adminKey);
    const tooMany = (await gql(RETURN, { input: { orderId: id, reason: "x", lines: [{ lineNumber: 1, quantity: 2 }] }, key: newKey() }, customer)).data.orderReturn;
    expect(tooMany.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "quantity"], message: "Line 1: between 1 and 1 can be returned." }]);
    const unshipped = (await gql(RETURN, { input: { orderId: id, reason: "x", lines: [{ lineNumber: 2, quantity: 1 }] }, key: newKey() }, customer)).data.orderReturn;
    expect(unshipped.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "quantity"], message: "Line 2: nothing is left to return." }]);
    const ok = (await gql(RETURN, { input: { orderId: id, reason: "x", lines: [{ lineNumber: 1, quantity: 1 }] }, key: newKey() }, customer)).data.orderReturn;
    expect(ok).toMatchObject({ order: { status: "PARTIALLY_SHIPPED", lines: [{ returnedQuantity: 1 }, { returnedQuantity: 0 }] }, userErrors: [] });
  });

  it("refuses what the lifecycle or the input limits do not allow: completing a cancelled order, shipping more than is left, a bad tracking URL, too long a note", async () => {
    const { id } = await placeOrder(4);
    const tooMany = (await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z2", lines: [{ lineNumber: 2, quantity: 3 }] }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(tooMany).toEqual({ order: null, command: null, userErrors: [{ code: "INVALID", field: ["input", "lines", "0", "quantity"], message: expect.stringContaining("between 1 and 2 can ship") }] });
    const noLine = (await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z2", lines: [{ lineNumber: 7, quantity: 1 }] }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(noLine.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "lines", "0", "lineNumber"], message: expect.stringContaining("no line 7") }]);
    const badUrl = (await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z2", trackingUrl: "javascript:alert(1)" }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(badUrl.userErrors).toEqual([{ code: "INVALID", field: ["input", "trackingUrl"], message: "An http:// or https:// URL." }]);
    const longCarrier = (await gql(SHIP, { input: { orderId: id, carrierCode: "X".repeat(33), trackingNumber: "1Z2" }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(longCarrier.userErrors).toEqual([{ code: "INVALID", field: ["input", "carrierCode"], message: expect.stringContaining("At most 32 characters") }]);
    const manyLines = (await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z2", lines: Array.from({ length: 101 }, () => ({ lineNumber: 1, quantity: 1 })) }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(manyLines.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines"], message: "Give 1 to 100 items (got 101)." }]);
    const noWarehouse = (await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z2", warehouseId: "gid://store/Warehouse/00000000-0000-4000-8000-000000000000" }, key: newKey() }, h.server.adminKey)).data.orderShipmentCreate;
    expect(noWarehouse.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "warehouseId"], message: expect.stringContaining("No warehouse") }]);
    expect(await sql(`SELECT 1 FROM shipment WHERE order_id = $1`, [id.split("/").pop()])).toEqual([]);
    const longNote = (await gql(PROCESS, { input: { orderId: id, note: "n".repeat(1001) }, key: newKey() }, h.server.adminKey)).data.orderProcess;
    expect(longNote.userErrors).toEqual([{ code: "INVALID", field: ["input", "note"], message: expect.stringContaining("At most 1,000 characters") }]);
    const noOrder = (await gql(PROCESS, { input: { orderId: "gid://store/Order/00000000-0000-4000-8000-000000000000" }, key: newKey() }, h.server.adminKey)).data.orderProcess;
    expect(noOrder.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "orderId"], message: "No such order in the store." }]);

    const early = (await gql(COMPLETE, { input: { orderId: id }, key: newKey() }, h.server.adminKey)).data.orderComplete;
    expect(early).toMatchObject({ order: { status: "COMPLETED" }, userErrors: [] });
    const cancelled = await placeOrder(6);
    expect((await gql(CANCEL, { input: { orderId: cancelled.id, reason: "changed my mind" }, key: newKey() }, customer)).data.orderCancel.order.status).toBe("CANCELLED");
    const refused = (await gql(COMPLETE, { input: { orderId: cancelled.id }, key: newKey() }, h.server.adminKey)).data.orderComplete;
    expect(refused).toEqual({ order: null, command: null, userErrors: [{ code: "INVALID_STATE", field: ["input", "orderId"], message: "An order that is CANCELLED cannot become COMPLETED." }] });
    const again = (await gql(PROCESS, { input: { orderId: id }, key: newKey() }, h.server.adminKey)).data.orderProcess;
    expect(again.userErrors).toEqual([{ code: "INVALID_STATE", field: ["input", "orderId"], message: "An order that is COMPLETED cannot become PROCESSING." }]);
    const events = (await gql(HISTORY, { id: cancelled.id }, customer)).data.order.events;
    expect(events.at(-1)).toMatchObject({ kind: "STATUS_CHANGED", fromStatus: "OPEN", toStatus: "CANCELLED", note: "changed my mind" });
  });

  it("invoicing a partly shipped order takes off stock only what has not shipped yet", async () => {
    const { id, skus } = await placeOrder(12);
    await gql(SHIP, { input: { orderId: id, carrierCode: "UPS", trackingNumber: "1Z5", lines: [{ lineNumber: 1, quantity: 2 }] }, key: newKey() }, h.server.adminKey);
    const [first, second] = [await onHand(skus[0]!), await onHand(skus[1]!)];
    const invoiced = (await gql(INVOICE, { input: { orderId: id }, key: newKey() }, h.server.adminKey)).data.invoiceRegister;
    expect(invoiced.userErrors).toEqual([]);
    // Line 1: 2 of 3 shipped, 1 leaves now; line 2: both leave now. Reservations go with them.
    expect(await onHand(skus[0]!)).toEqual({ on_hand: first.on_hand - 1, reserved: first.reserved - 1 });
    expect(await onHand(skus[1]!)).toEqual({ on_hand: second.on_hand - 2, reserved: second.reserved - 2 });
  });

  it("the same idempotency key twice records one shipment and one command", async () => {
    const { id } = await placeOrder(8);
    const key = newKey();
    const input = { orderId: id, carrierCode: "UPS", trackingNumber: "1Z3", lines: [{ lineNumber: 1, quantity: 1 }] };
    const first = (await gql(SHIP, { input, key }, h.server.adminKey)).data.orderShipmentCreate;
    const second = (await gql(SHIP, { input, key }, h.server.adminKey)).data.orderShipmentCreate;
    expect(second.command.id).toBe(first.command.id);
    expect(second.order).toEqual(first.order);
    expect(await sql(`SELECT count(*)::int AS n FROM shipment WHERE order_id = $1`, [id.split("/").pop()])).toEqual([{ n: 1 }]);
    expect(await sql(`SELECT shipped_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`, [id.split("/").pop()])).toEqual([{ shipped_quantity: 1 }, { shipped_quantity: 0 }]);
  });

  it("only admin API keys move orders; a customer reads only their own order's history", async () => {
    const { id } = await placeOrder(10);
    for (const [document, input] of [
      [PROCESS, { orderId: id }],
      [COMPLETE, { orderId: id }],
      [SHIP, { orderId: id, carrierCode: "UPS", trackingNumber: "1Z4" }],
    ] as const) {
      const response = await gql(document, { input, key: newKey() }, customer);
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(response.data).toBeNull();
    }
    expect((await gql(HISTORY, { id }, customer)).data.order.status).toBe("OPEN");
    expect((await gql(HISTORY, { id }, otherCustomer)).data.order).toBeNull();
  });
});
