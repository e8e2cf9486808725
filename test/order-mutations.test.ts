import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  h = await startWriteHarness();
  [tokenA, tokenB] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

const PLACE = graphql(`mutation OrderMutationsPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
  order { id number status kind syncStatus total { amount } lines { sku quantity unit unitPrice { amount } lineTotal { amount } warehouse { code } } account { code } shipTo { isDefault } }
  command { id type status deliveries { connector status } }
  userErrors { field message code } } }`);

let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${keyCounter++}`;

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

/** A product with plenty of stock in WH-EAST and no restriction, for happy paths. */
async function stockedSku(offset = 0): Promise<{ sku: string; warehouseId: string }> {
  const [row] = await sql<{ sku: string; warehouse_id: string }>(
    `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id
     WHERE w.code = 'WH-EAST' AND il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
     ORDER BY p.sku LIMIT 1 OFFSET $1`,
    [offset],
  );
  return { sku: row!.sku, warehouseId: `gid://store/Warehouse/${row!.warehouse_id}` };
}

describe("orderPlace", () => {
  it("stores a PENDING order at contract prices, reserves stock, and the relay delivers it to the store and the ERP", async () => {
    const { sku, warehouseId } = await stockedSku();
    const [before] = await sql<{ reserved: number }>(`SELECT il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id WHERE p.sku = $1 AND il.warehouse_id = $2::uuid`, [sku, warehouseId.split("/").pop()]);
    const input = { lines: [{ sku, quantity: 3, warehouseId }], poNumber: "PO-TEST-1" };
    const payload = dataAt<any>(await h.server.gql(PLACE, { input, key: newKey() }, tokenA), "orderPlace");
    expect(payload.userErrors).toEqual([]);
    expect(payload.order).toMatchObject({ status: "PENDING", kind: "ORDER", syncStatus: "PENDING", account: { code: "C00001" }, shipTo: { isDefault: true } });
    expect(payload.order.number).toMatch(/^SO-7\d{5}$/);
    expect(payload.command.type).toBe("orderPlace");
    expect(payload.command.deliveries.map((d: any) => d.connector)).toEqual(["erp", "store"]);

    const price = dataAt<any>(await h.server.gql(graphql(`query OrderMutationsProduct($sku: String!) { product(sku: $sku) { price(quantity: 3) { unitPrice { amount } total { amount } } } }`), { sku }, tokenA), "product.price");
    expect(payload.order.lines[0]).toMatchObject({ sku, quantity: 3, unit: "EA", unitPrice: price.unitPrice, lineTotal: price.total, warehouse: { code: "WH-EAST" } });
    const [after] = await sql<{ reserved: number }>(`SELECT il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id WHERE p.sku = $1 AND il.warehouse_id = $2::uuid`, [sku, warehouseId.split("/").pop()]);
    expect(after!.reserved).toBe(before!.reserved + 3);

    const command = await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    expect(command.deliveries.find((d: any) => d.connector === "erp").reference).toMatch(/^ERP-/);
    const order = dataAt<any>(await h.server.gql(graphql(`query OrderMutationsOrder($id: ID!) { order(id: $id) { status syncStatus externalNumber lastCommand { status } } }`), { id: payload.order.id }, tokenA), "order");
    expect(order).toEqual({ status: "OPEN", syncStatus: "SYNCED", externalNumber: command.deliveries.find((d: any) => d.connector === "erp").reference, lastCommand: { status: "DELIVERED" } });
    const sent = h.erp.applied.find((r) => r.body.aggregateId === payload.order.id.split("/").pop());
    expect(sent?.body.payload).toMatchObject({ number: payload.order.number, accountCode: "C00001", poNumber: "PO-TEST-1", lines: [{ sku, quantity: 3, unit: "EA" }] });
  });

  it("names the line of every problem: unknown SKU, bad quantity, unknown unit, not enough stock", async () => {
    const { sku } = await stockedSku(1);
    const input = {
      lines: [
        { sku, quantity: 1 },
        { sku: "NO-SUCH-SKU", quantity: 1 },
        { sku, quantity: 0 },
        { sku, quantity: 1, unit: "PALLET" },
        { quantity: 1 },
      ],
    };
    const key = newKey();
    const payload = dataAt<any>(await h.server.gql(PLACE, { input, key }, tokenA), "orderPlace");
    expect(payload.order).toBeNull();
    expect(payload.command).toBeNull();
    expect(payload.userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ["NOT_FOUND", ["input", "lines", "1", "sku"]],
      ["INVALID", ["input", "lines", "2", "quantity"]],
      ["INVALID", ["input", "lines", "3", "unit"]],
      ["INVALID", ["input", "lines", "4"]],
    ]);
    const tooMany = dataAt<any>(await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 1_000_000 }] }, key: newKey() }, tokenA), "orderPlace");
    expect(tooMany.userErrors).toEqual([expect.objectContaining({ code: "NOT_ENOUGH_STOCK", field: ["input", "lines", "0", "quantity"] })]);
    // Nothing of the refused cart was kept: no order, no command; a retry with the key gets the same errors.
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [key]);
    expect(count!.n).toBe(0);
    const again = dataAt<any>(await h.server.gql(PLACE, { input, key }, tokenA), "orderPlace");
    expect(again.userErrors).toEqual(payload.userErrors);
  });

  it("a pre-order skips the stock check; a restricted product is refused for that account", async () => {
    const { sku } = await stockedSku(2);
    const preorder = dataAt<any>(await h.server.gql(PLACE, { input: { kind: "PREORDER", lines: [{ sku, quantity: 1_000_000 }] }, key: newKey() }, tokenA), "orderPlace");
    expect(preorder.userErrors).toEqual([]);
    expect(preorder.order.kind).toBe("PREORDER");

    const [restricted] = await sql<{ account_id: string; sku: string }>(`SELECT r.account_id, p.sku FROM account_restricted_product r JOIN product p ON p.id = r.product_id ORDER BY p.sku LIMIT 1`);
    const payload = dataAt<any>(
      await h.server.gql(PLACE, { input: { accountId: `gid://store/Account/${restricted!.account_id}`, kind: "PREORDER", lines: [{ sku: restricted!.sku, quantity: 1 }] }, key: newKey() }, h.server.adminKey),
      "orderPlace",
    );
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "PRODUCT_RESTRICTED", field: ["input", "lines", "0"] })]);
  });

  it("customers order only for themselves; storefront keys and anonymous callers cannot order", async () => {
    const { sku } = await stockedSku();
    const other = dataAt<any>(await h.server.gql(graphql(`query OrderMutationsAccount { account(code: "C00002") { id } }`), {}, h.server.adminKey), "account");
    const asA = await h.server.gql(PLACE, { input: { accountId: other.id, lines: [{ sku, quantity: 1 }] }, key: newKey() }, tokenA);
    expect(asA.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 1 }] }, key: newKey() }, h.server.storefrontKey)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 1 }] }, key: newKey() })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("idempotency", () => {
  it("the same key and input return the first answer, marked replayed, with one order and one command", async () => {
    const { sku } = await stockedSku();
    const key = newKey();
    const input = { lines: [{ sku, quantity: 2 }] };
    const first = await h.server.gql(PLACE, { input, key }, tokenA);
    const second = await h.server.gql(PLACE, { input, key }, tokenA);
    expect((first as any).extensions?.idempotency).toEqual({ replayed: false });
    expect((second as any).extensions?.idempotency).toEqual({ replayed: true });
    expect(dataAt<any>(second, "orderPlace.order.id")).toBe(dataAt<any>(first, "orderPlace.order.id"));
    expect(dataAt<any>(second, "orderPlace.command.id")).toBe(dataAt<any>(first, "orderPlace.command.id"));
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [key]);
    expect(count!.n).toBe(1);
  });

  it("the same key with another input is IDEMPOTENCY_KEY_REUSED", async () => {
    const { sku } = await stockedSku();
    const key = newKey();
    dataAt(await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 1 }] }, key }, tokenA), "orderPlace");
    const reused = dataAt<any>(await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 5 }] }, key }, tokenA), "orderPlace");
    expect(reused.order).toBeNull();
    expect(reused.userErrors).toEqual([expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED", field: ["idempotencyKey"] })]);
  });

  it("keys are scoped per principal: B using A's key places B's own order and sees nothing of A's", async () => {
    const { sku } = await stockedSku();
    const key = newKey();
    const input = { lines: [{ sku, quantity: 1 }] };
    const a = dataAt<any>(await h.server.gql(PLACE, { input, key }, tokenA), "orderPlace");
    const b = await h.server.gql(PLACE, { input, key }, tokenB);
    expect((b as any).extensions?.idempotency).toEqual({ replayed: false });
    expect(dataAt<any>(b, "orderPlace.order.account.code")).toBe("C00002");
    expect(dataAt<any>(b, "orderPlace.order.id")).not.toBe(a.order.id);
  });

  it("two concurrent requests with one key place one order; the loser replays it or is told to retry", async () => {
    const { sku } = await stockedSku();
    const key = newKey();
    const input = { lines: [{ sku, quantity: 1 }] };
    const results = await Promise.all([h.server.gql(PLACE, { input, key }, tokenA), h.server.gql(PLACE, { input, key }, tokenA)]);
    const orders = results.map((r) => r.data?.orderPlace?.order?.id).filter(Boolean);
    const inFlight = results.filter((r) => r.errors?.[0]?.extensions?.code === "IDEMPOTENCY_KEY_IN_FLIGHT");
    expect(new Set(orders).size).toBe(1);
    expect(orders.length + inFlight.length).toBe(2);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [key]);
    expect(count!.n).toBe(1);
  });
});

describe("orderCancel", () => {
  const CANCEL = graphql(`mutation OrderMutationsCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status syncStatus } command { id type } userErrors { code message } } }`);

  it("cancels, releases the reserved stock, and is delivered after the order's place command", async () => {
    const { sku, warehouseId } = await stockedSku(3);
    const level = async () =>
      (await sql<{ reserved: number }>(`SELECT il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id WHERE p.sku = $1 AND il.warehouse_id = $2::uuid`, [sku, warehouseId.split("/").pop()]))[0]!.reserved;
    const before = await level();
    // The ERP is down for the place command's first attempts: the cancel must wait behind it.
    await h.waitForIdle();
    h.erp.failNext({ status: 503 }, { status: 503 });
    const placed = dataAt<any>(await h.server.gql(PLACE, { input: { lines: [{ sku, quantity: 4, warehouseId }] }, key: newKey() }, tokenA), "orderPlace");
    expect(await level()).toBe(before + 4);
    const cancelled = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: placed.order.id, reason: "changed my mind" }, key: newKey() }, tokenA), "orderCancel");
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.order.status).toBe("CANCELLED");
    expect(await level()).toBe(before);

    await h.waitForCommand(cancelled.command.id, ["DELIVERED"]);
    const aggregateId = placed.order.id.split("/").pop();
    const types = h.erp.applied.filter((r) => r.body.aggregateId === aggregateId).map((r) => r.type);
    expect(types).toEqual(["orderPlace", "orderCancel"]);
    const place = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    expect(place.deliveries.find((d: any) => d.connector === "erp").attempts).toBe(3);
  });

  it("an invoiced order cannot be cancelled", async () => {
    const [open] = await sql<{ id: string; account_id: string }>(`SELECT o.id, o.account_id FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'OPEN' ORDER BY o.number LIMIT 1`);
    await sql(`UPDATE invoice SET order_id = $1 WHERE id = (SELECT id FROM invoice WHERE account_id = $2 AND status = 'OPEN' ORDER BY number LIMIT 1)`, [open!.id, open!.account_id]);
    const payload = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: `gid://store/Order/${open!.id}`, reason: "late" }, key: newKey() }, tokenA), "orderCancel");
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", message: expect.stringContaining("invoiced") })]);
  });

  it("an order that has shipped cannot be cancelled", async () => {
    const [row] = await sql<{ id: string }>(`SELECT o.id FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'SHIPPED' LIMIT 1`);
    const payload = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: `gid://store/Order/${row!.id}`, reason: "late" }, key: newKey() }, tokenA), "orderCancel");
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE" })]);
    expect(payload.order).toBeNull();
  });
});

describe("orderReturn", () => {
  const RETURN = graphql(`mutation OrderMutationsReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {
    order { status lines { lineNumber quantity returnedQuantity } } command { id type } userErrors { code field } } }`);

  it("returns part, then the rest: the order becomes RETURNED; more than was ordered is refused", async () => {
    const [row] = await sql<{ id: string }>(
      `SELECT o.id FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'COMPLETED'
         AND (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) = 1 AND (SELECT min(quantity) FROM order_line l WHERE l.order_id = o.id) >= 2
       ORDER BY o.number LIMIT 1`,
    );
    const orderId = `gid://store/Order/${row!.id}`;
    const lines = dataAt<any[]>(await h.server.gql(graphql(`query OrderMutationsOrder2($id: ID!) { order(id: $id) { lines { lineNumber quantity } } }`), { id: orderId }, tokenA), "order.lines");
    const part = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "damaged", lines: [{ lineNumber: 1, quantity: 1 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(part.userErrors).toEqual([]);
    expect(part.order).toEqual({ status: "COMPLETED", lines: [{ lineNumber: 1, quantity: lines[0].quantity, returnedQuantity: 1 }] });
    const tooMany = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "x", lines: [{ lineNumber: 1, quantity: lines[0].quantity }] }, key: newKey() }, tokenA), "orderReturn");
    expect(tooMany.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "quantity"] }]);
    const noLine = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "x", lines: [{ lineNumber: 9, quantity: 1 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(noLine.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "lines", "0", "lineNumber"] }]);
    const rest = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "damaged", lines: [{ lineNumber: 1, quantity: lines[0].quantity - 1 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(rest.order.status).toBe("RETURNED");
    await h.waitForCommand(rest.command.id, ["DELIVERED"]);
    const [open] = await sql<{ id: string }>(`SELECT o.id FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'OPEN' LIMIT 1`);
    const notShipped = dataAt<any>(await h.server.gql(RETURN, { input: { orderId: `gid://store/Order/${open!.id}`, reason: "x", lines: [{ lineNumber: 1, quantity: 1 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(notShipped.userErrors).toEqual([{ code: "INVALID_STATE", field: ["input", "orderId"] }]);
  });

  it("what was cancelled cannot be returned", async () => {
    const [row] = await sql<{ id: string; quantity: number }>(
      `SELECT o.id, l.quantity FROM "order" o JOIN account a ON a.id = o.account_id JOIN order_line l ON l.order_id = o.id
       WHERE a.code = 'C00001' AND o.status = 'COMPLETED' AND l.returned_quantity = 0 AND l.quantity >= 3
         AND (SELECT count(*) FROM order_line x WHERE x.order_id = o.id) = 1
       ORDER BY o.number DESC LIMIT 1`,
    );
    await sql(`UPDATE order_line SET cancelled_quantity = quantity - 1 WHERE order_id = $1`, [row!.id]);
    const orderId = `gid://store/Order/${row!.id}`;
    const tooMany = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "x", lines: [{ lineNumber: 1, quantity: 2 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(tooMany.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "quantity"] }]);
    const one = dataAt<any>(await h.server.gql(RETURN, { input: { orderId, reason: "x", lines: [{ lineNumber: 1, quantity: 1 }] }, key: newKey() }, tokenA), "orderReturn");
    expect(one.userErrors).toEqual([]);
    expect(one.order.status).toBe("RETURNED");
  });
});

describe("partial orderCancel", () => {
  it("cancels some units of a line, releasing just their stock; cancelling what is left cancels the order", async () => {
    const ids = dataAt<any>(await h.server.gql(graphql(`query OrderMutationsWarehouse { wh: warehouse(code: "WH-EAST") { id } }`)), "");
    await sql(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, reserved) SELECT p.id, w.id, 100, 0 FROM product p, warehouse w WHERE p.sku = 'SKU-00401' AND w.code = 'WH-EAST'
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 100, reserved = 0`,
    );
    const reserved = async () => (await sql<{ reserved: number }>(`SELECT il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00401' AND w.code = 'WH-EAST'`))[0]!.reserved;
    const placed = dataAt<any>(await h.server.gql(graphql(`mutation OrderMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: "SKU-00401", quantity: 10, warehouseId: $wh }] }, idempotencyKey: $key) { order { id } userErrors { code } } }`), { wh: ids.wh.id, key: newKey() }, tokenA), "orderPlace");
    expect(await reserved()).toBe(10);
    const CANCEL = graphql(`mutation OrderMutationsCancel2($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status lines { quantity cancelledQuantity } } userErrors { code field } } }`);
    const part = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: placed.order.id, reason: "fewer", lines: [{ lineNumber: 1, quantity: 4 }] }, key: newKey() }, tokenA), "orderCancel");
    // Still open (the relay may already have confirmed it: PENDING or OPEN).
    expect(part).toEqual({ order: { status: expect.stringMatching(/^(PENDING|OPEN)$/), lines: [{ quantity: 10, cancelledQuantity: 4 }] }, userErrors: [] });
    expect(await reserved()).toBe(6);
    const over = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: placed.order.id, reason: "x", lines: [{ lineNumber: 1, quantity: 7 }] }, key: newKey() }, tokenA), "orderCancel");
    expect(over.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "quantity"] }]);
    const rest = dataAt<any>(await h.server.gql(CANCEL, { input: { orderId: placed.order.id, reason: "none" }, key: newKey() }, tokenA), "orderCancel");
    expect(rest.order).toEqual({ status: "CANCELLED", lines: [{ quantity: 10, cancelledQuantity: 10 }] });
    expect(await reserved()).toBe(0);
  });
});
