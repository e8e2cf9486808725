import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundChangeInput } from "../src/commands/inbound-changes.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { PushingBackend } from "./fakes/pushing-backend.js";
import { configWithErp } from "./support/erp-config.js";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// The "Done when", over real HTTP: an order placed through the API, then moved along by
// signed batches its backend pushes, as the customer's order history shows it.

const SECRET = "flow-test-events-secret-0123456789abcdefghij";

const PLACE = graphql(`mutation InboundFlowPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
  order { id number status lines { lineNumber sku quantity } } command { id } userErrors { field code message } } }`);

const HISTORY = graphql(`query InboundFlowHistory { orders(first: 10, sortKey: CREATED_AT) { nodes {
  id number externalNumber status
  lines { lineNumber sku quantity shippedQuantity returnedQuantity }
  events { kind fromStatus toStatus connector }
  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }
} } }`);

const INBOUND = graphql(`query InboundFlowChanges($statuses: [InboundChangeStatus!]) { inboundChanges(connector: "erp", statuses: $statuses, first: 50) {
  nodes { eventId type aggregate status error } } }`);

const RETURN = graphql(`mutation InboundFlowReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {
  order { status } command { id } userErrors { field code message } } }`);

let h: WriteHarness;
let erp: PushingBackend;
let customer: string;
let keys = 0;
const key = () => `inbound-flow-${Date.now()}-${keys++}`;

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

/** Two SKUs with plenty of stock in WH-EAST that the first demo customer may buy. */
async function stockedSkus(): Promise<string[]> {
  const rows = await sql<{ sku: string }>(
    `SELECT p.sku FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id
     WHERE w.code = 'WH-EAST' AND il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
     ORDER BY p.sku LIMIT 2`,
  );
  return rows.map((row) => row.sku);
}

/** Places an order as the customer and waits until the store and the ERP have it (OPEN, with the ERP's number). */
async function placeOrder(): Promise<{ id: string; number: string; externalNumber: string; skus: string[] }> {
  const skus = await stockedSkus();
  const placed = dataAt<any>(await h.server.gql(PLACE, { input: { lines: [{ sku: skus[0]!, quantity: 3 }, { sku: skus[1]!, quantity: 2 }] }, key: key() }, customer), "orderPlace");
  expect(placed.userErrors).toEqual([]);
  const command = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
  const externalNumber = command.deliveries.find((d: any) => d.connector === "erp").reference as string;
  base = Date.now();
  return { id: placed.order.id, number: placed.order.number, externalNumber, skus };
}

/** The order as the customer's order history shows it. */
async function history(number: string): Promise<any> {
  const orders = dataAt<any[]>(await h.server.gql(HISTORY, {}, customer), "orders.nodes");
  const order = orders.find((o) => o.number === number);
  expect(order, `order ${number} in the customer's history`).toBeDefined();
  return order;
}

/** Pushes a batch (expects 202) and waits until the relay has dealt with each of its changes (applied, parked or rejected). */
async function push(changes: InboundChangeInput[]): Promise<{ accepted: number; duplicates: number }> {
  const answer = await erp.push(changes);
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  const ids = changes.map((change) => change.id);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1) AND status = 'RECEIVED'`, [ids]);
    if (row!.n === 0) break;
    if (Date.now() > deadline) throw new Error(`changes ${ids.join(", ")} still waiting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await h.waitForIdle();
  return answer.body;
}

/** Waits until `check` passes (the relay applies parked changes in the background). */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** How the API shows one pushed change: its status and error. */
async function inboundStatusOf(eventId: string): Promise<{ status: string; error: string | null } | undefined> {
  const changes = dataAt<any[]>(await h.server.gql(INBOUND, { statuses: ["APPLIED", "REJECTED", "PARKED"] }, h.server.adminKey), "inboundChanges.nodes");
  const change = changes.find((c) => c.eventId === eventId);
  return change && { status: change.status, error: change.error };
}

let events = 0;
/** When the backend's changes happen: `seconds` after the last order was placed (so that they follow its placement in its events). */
let base = Date.now();
const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();
const status = (order: { externalNumber: string }, value: "PROCESSING" | "SHIPPED" | "COMPLETED", second: number): InboundChangeInput => ({
  type: "order.status",
  id: `flow-${events++}`,
  occurredAt: at(second),
  order: { externalNumber: order.externalNumber },
  status: value,
});
const shipment = (order: { externalNumber: string }, id: string, second: number, lines?: Array<{ sku: string; quantity: number }>): InboundChangeInput => ({
  type: "order.shipment",
  id: `flow-${events++}`,
  occurredAt: at(second),
  order: { externalNumber: order.externalNumber },
  shipment: { id, carrierCode: "UPS", trackingNumber: `1Z${id.toUpperCase()}`, trackingUrl: `https://track.example/${id}`, ...(lines ? { lines } : {}) },
});

beforeAll(async () => {
  h = await startWriteHarness({
    config: (url) => {
      const base = configWithErp(url);
      const erpSettings = base.connectors.erp!;
      return connectorsConfig({ ...base, connectors: { ...base.connectors, erp: { ...erpSettings, events: { secret: SECRET, toleranceSeconds: 300 } } } });
    },
  });
  await h.server.app.listen({ port: 0, host: "127.0.0.1" });
  erp = new PushingBackend(`http://127.0.0.1:${(h.server.app.server.address() as AddressInfo).port}`, "erp", SECRET);
  customer = await h.server.customerToken(0);
});
afterAll(() => h.close());

describe("an order placed through the API, moved along by its backend's pushed events", () => {
  let order: Awaited<ReturnType<typeof placeOrder>>;
  let partly: InboundChangeInput;
  let completed: InboundChangeInput;

  it("shows processing, partly shipped with tracking, shipped and completed in the customer's order history", async () => {
    order = await placeOrder();
    expect((await history(order.number)).status).toBe("OPEN");

    await push([status(order, "PROCESSING", 1)]);
    expect((await history(order.number)).status).toBe("PROCESSING");

    partly = shipment(order, "shp-a", 2, [{ sku: order.skus[0]!, quantity: 3 }]);
    await push([partly]);
    const partial = await history(order.number);
    expect(partial.status).toBe("PARTIALLY_SHIPPED");
    expect(partial.shipments).toEqual([{ carrierCode: "UPS", trackingNumber: "1ZSHP-A", trackingUrl: "https://track.example/shp-a", lines: [{ lineNumber: 1, quantity: 3 }] }]);
    expect(partial.lines.map((line: any) => line.shippedQuantity)).toEqual([3, 0]);

    await push([shipment(order, "shp-b", 3), status(order, "SHIPPED", 3)]);
    expect((await history(order.number)).status).toBe("SHIPPED");

    completed = status(order, "COMPLETED", 4);
    await push([completed]);
    const done = await history(order.number);
    expect(done.status).toBe("COMPLETED");
    expect(done.lines.map((line: any) => line.shippedQuantity)).toEqual([3, 2]);
    expect(done.shipments.map((s: any) => [s.trackingNumber, s.lines])).toEqual([
      ["1ZSHP-A", [{ lineNumber: 1, quantity: 3 }]],
      ["1ZSHP-B", [{ lineNumber: 2, quantity: 2 }]],
    ]);
    // Every step is in the order's events, oldest first, with who reported it.
    expect(done.events.map((e: any) => [e.kind, e.fromStatus, e.toStatus, e.connector])).toEqual([
      ["PLACED", null, "PENDING", null],
      ["STATUS_CHANGED", "PENDING", "OPEN", "store"],
      ["STATUS_CHANGED", "OPEN", "PROCESSING", "erp"],
      ["SHIPMENT_CREATED", "PROCESSING", "PARTIALLY_SHIPPED", "erp"],
      ["SHIPMENT_CREATED", "PARTIALLY_SHIPPED", "SHIPPED", "erp"],
      ["STATUS_CHANGED", "SHIPPED", "COMPLETED", "erp"],
    ]);
  });

  it("changes nothing when the same events arrive again", async () => {
    const before = await history(order.number);
    expect(await push([partly, completed])).toEqual({ accepted: 0, duplicates: 2 });
    expect(await history(order.number)).toEqual(before);
  });

  it("never sends a change that came from the ERP back to the ERP, while the store gets it", async () => {
    const orderId = order.id.split("/").pop()!;
    const commands = await sql<{ type: string; targets: string[] }>(
      `SELECT c.type, array_agg(o.connector ORDER BY o.connector) AS targets FROM command c JOIN outbox o ON o.command_id = c.id
       WHERE c.origin = 'erp' AND c.aggregate_id = $1 GROUP BY c.id, c.type`,
      [orderId],
    );
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) expect(command.targets).toEqual(["store"]);
    expect(h.erp.received.filter((r) => r.body.aggregateId === orderId).map((r) => r.type)).toEqual(["orderPlace"]);
  });

  it("can be returned: the return goes to the ERP like any mutation", async () => {
    const payload = dataAt<any>(
      await h.server.gql(RETURN, { input: { orderId: order.id, reason: "Damaged in transit", lines: [{ lineNumber: 1, quantity: 3 }, { lineNumber: 2, quantity: 2 }] }, key: key() }, customer),
      "orderReturn",
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.order.status).toBe("RETURNED");
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    expect(h.erp.applied.some((r) => r.type === "orderReturn" && r.body.aggregateId === order.id.split("/").pop())).toBe(true);
    expect((await history(order.number)).status).toBe("RETURNED");
  });
});

describe("events out of order, and events for an order not yet known", () => {
  it("ends in the right state when an older status report arrives after a newer shipment", async () => {
    const order = await placeOrder();
    await push([shipment(order, "shp-late", 20)]);
    expect((await history(order.number)).status).toBe("SHIPPED");
    // Reported as happening before the shipment, but arriving after it: it does not move the order back.
    const older = status(order, "PROCESSING", 15);
    await push([older]);
    const after = await history(order.number);
    expect(after.status).toBe("SHIPPED");
    expect(after.events.some((e: any) => e.toStatus === "PROCESSING")).toBe(false);
    // A stale report is a no-op, not a change the lifecycle refused.
    expect(await inboundStatusOf(older.id)).toEqual({ status: "APPLIED", error: expect.stringMatching(/^stale: older than the last applied report/) });
  });

  it("keeps PARTIALLY_SHIPPED when an older PROCESSING report arrives in a later batch than a newer shipment: the report is a no-op, not rejected", async () => {
    const order = await placeOrder();
    await push([shipment(order, "shp-some", 20, [{ sku: order.skus[0]!, quantity: 3 }])]);
    expect((await history(order.number)).status).toBe("PARTIALLY_SHIPPED");
    // It happened before the shipment: a stale report, applied as a no-op (not refused by the lifecycle and rejected).
    const older = status(order, "PROCESSING", 15);
    await push([older]);
    const after = await history(order.number);
    expect(after.status).toBe("PARTIALLY_SHIPPED");
    expect(after.events.some((e: any) => e.toStatus === "PROCESSING")).toBe(false);
    expect(await inboundStatusOf(older.id)).toEqual({ status: "APPLIED", error: expect.stringMatching(/^stale: older than the last applied report/) });
  });

  it("ends COMPLETED when COMPLETED (later) arrives before SHIPPED (earlier) in separate batches", async () => {
    const order = await placeOrder();
    await push([status(order, "PROCESSING", 10)]);
    const completed = status(order, "COMPLETED", 30);
    await push([completed]);
    expect((await history(order.number)).status).toBe("COMPLETED");
    const shipped = status(order, "SHIPPED", 20);
    await push([shipped]);
    const after = await history(order.number);
    expect(after.status).toBe("COMPLETED");
    expect(after.events.filter((e: any) => e.connector === "erp").map((e: any) => e.toStatus)).toEqual(["PROCESSING", "COMPLETED"]);
    expect(await inboundStatusOf(shipped.id)).toEqual({ status: "APPLIED", error: expect.stringMatching(/^stale: older than the last applied report/) });
  });

  it("parks a shipment for an unknown order visibly, then applies it when the order arrives", async () => {
    const future = { externalNumber: "ERP-EARLY-1" };
    const early = shipment(future, "shp-early", 30);
    await push([early]);
    const parked = dataAt<any[]>(await h.server.gql(INBOUND, { statuses: ["PARKED"] }, h.server.adminKey), "inboundChanges.nodes");
    const visible = parked.find((change) => change.eventId === early.id);
    expect(visible).toMatchObject({ type: "order.shipment", status: "PARKED", aggregate: "Order:external:ERP-EARLY-1" });
    expect(visible.error).toMatch(/ERP-EARLY-1/);

    // The order is placed now; the ERP numbers it ERP-EARLY-1, and the parked shipment applies.
    h.erp.nextReferences.push("ERP-EARLY-1");
    const order = await placeOrder();
    expect(order.externalNumber).toBe("ERP-EARLY-1");
    await eventually(async () => {
      const shown = await history(order.number);
      expect(shown.status).toBe("SHIPPED");
      expect(shown.shipments).toEqual([expect.objectContaining({ trackingNumber: "1ZSHP-EARLY", trackingUrl: "https://track.example/shp-early" })]);
    });
    const applied = dataAt<any[]>(await h.server.gql(INBOUND, { statuses: ["APPLIED"] }, h.server.adminKey), "inboundChanges.nodes");
    expect(applied.find((change) => change.eventId === early.id)).toMatchObject({ status: "APPLIED", error: null });
  });
});

describe("an account the backend sends again", () => {
  const ACCOUNT = graphql(`query InboundFlowAccount($code: String!) { account(code: $code) { code name email phone } }`);
  const upsert = (second: number, account: { name: string; phone?: string | null }): InboundChangeInput => ({
    type: "account.upsert",
    id: `flow-${events++}`,
    occurredAt: at(second),
    account: { code: "FLOW-ACCT-1", email: "flow-account@inbound.example", ...account },
  });
  const shown = async () => dataAt<any>(await h.server.gql(ACCOUNT, { code: "FLOW-ACCT-1" }, h.server.adminKey), "account");

  it("takes the backend's record as the truth: a phone it no longer sends (or sends as null) is cleared", async () => {
    base = Date.now();
    await push([upsert(1, { name: "Flow Account", phone: "555-0100" })]);
    expect(await shown()).toMatchObject({ name: "Flow Account", phone: "555-0100" });

    await push([upsert(2, { name: "Flow Account Ltd" })]);
    expect(await shown()).toMatchObject({ name: "Flow Account Ltd", phone: null });

    await push([upsert(3, { name: "Flow Account Ltd", phone: "555-0199" })]);
    expect((await shown()).phone).toBe("555-0199");
    await push([upsert(4, { name: "Flow Account Ltd", phone: null })]);
    expect((await shown()).phone).toBeNull();
  });
});
