import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_COMMAND_TYPES } from "../src/commands/command-types.js";
import { InboundChangeSchema, type InboundChangeInput } from "../src/commands/inbound-changes.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { connectorsConfig, type ConnectorsConfig } from "../src/connectors/connectors-config.js";
import type { Router } from "../src/connectors/router.js";
import pg from "pg";
import { applyWaitingChanges, inboundTasks, ingestChanges } from "../src/domains/inbound/inbound-apply.js";
import * as inboundEvents from "../src/domains/inbound/tables/inbound-events.js";
import { createLogger } from "../src/logger.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

/*
 * The inbound path over a real PostgreSQL and a real relay: changes stored
 * once, applied in order per aggregate, parked while early, and sent to the
 * other routed targets but never back to the connector they came from. The
 * connector "erp" reports the changes; "erp2" is another target of every command.
 */

let h: WriteHarness;
let erp2: FakeCommandBackend;
/** Routes like the server's, for calling the apply function directly. */
let router: Router;
let seq = 0;

/** A change without its id and time (each type's own fields checked). */
type Draft = InboundChangeInput extends infer C ? (C extends unknown ? Omit<C, "id" | "occurredAt"> & { id?: string; occurredAt?: string } : never) : never;

/** A change with a fresh event id and time (unless given), validated as a backend's would be. */
function change(input: Draft) {
  return InboundChangeSchema.parse({ id: `ev-${++seq}`, occurredAt: new Date(Date.UTC(2026, 10, 1, 0, seq)).toISOString(), ...input });
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(sql, params)) as T[];
}

/** Waits until each of these events of "erp" is settled (applied, parked or rejected) and returns their statuses by event id. */
async function settled(eventIds: string[], timeoutMs = 15_000): Promise<Record<string, { status: string; error: string | null; attempts: number }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await rows<{ event_id: string; status: string; error: string | null; attempts: number }>(
      `SELECT event_id, status, error, attempts FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1)`,
      [eventIds],
    );
    if (found.length === eventIds.length && found.every((r) => r.status !== "RECEIVED")) return Object.fromEntries(found.map((r) => [r.event_id, r]));
    if (Date.now() > deadline) {
      const jobs = await rows(`SELECT task_identifier, payload, attempts, last_error FROM graphile_worker.jobs WHERE task_identifier LIKE '%inbound%'`);
      throw new Error(`events not settled: ${JSON.stringify(found)}; jobs ${JSON.stringify(jobs)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until each of these events of "erp" has this status and returns their rows by event id. */
async function reached(eventIds: string[], status: string, timeoutMs = 15_000): Promise<Record<string, { status: string; error: string | null; attempts: number }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await settled(eventIds, timeoutMs);
    if (Object.values(found).every((r) => r.status === status)) return found;
    if (Date.now() > deadline) throw new Error(`events not ${status}: ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  erp2 = await new FakeCommandBackend().start();
  let config: ConnectorsConfig | undefined;
  h = await startWriteHarness({
    config: (erpUrl) =>
      (config = connectorsConfig({
        connectors: {
          store: { kind: "store" },
          erp: { kind: "http-commands", url: erpUrl, applies: [...ALL_COMMAND_TYPES], timeoutMs: 2000 },
          erp2: { kind: "http-commands", url: erp2.url, applies: [...ALL_COMMAND_TYPES], timeoutMs: 2000 },
        },
        writes: Object.fromEntries(ALL_COMMAND_TYPES.map((type) => [type, ["store", "erp", "erp2"]])),
      })),
  });
  router = buildRouter(config!, h.server.dataSource);
}, 120_000);

afterAll(async () => {
  await router?.close();
  await h?.close();
  await erp2?.stop();
});

describe("stock levels and products", () => {
  it("applies a stock level to on-hand and restock date, marked synced from the connector", async () => {
    const level = change({ type: "stock.level", sku: "SKU-00200", warehouseCode: "WH-EAST", quantity: 4321, restockDate: "2027-02-01" });
    expect(await ingestChanges(h.server.dataSource, "erp", [level])).toEqual({ accepted: 1, duplicates: 0 });
    expect((await settled([level.id]))[level.id]!.status).toBe("APPLIED");
    const [row] = await rows<any>(
      `SELECT il.on_hand, il.restock_date::text AS restock, il.synced_from, il.synced_at FROM inventory_level il
         JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00200' AND w.code = 'WH-EAST'`,
    );
    expect(row).toMatchObject({ on_hand: 4321, restock: "2027-02-01", synced_from: "erp" });
    expect(row.synced_at).not.toBeNull();
  });

  it("inserts an unknown product and updates a known one, marked synced", async () => {
    const created = change({ type: "product.upsert", product: { sku: "IN-NEW-1", name: "Inbound widget", listPrice: "12.50", images: ["https://img.example.com/w.jpg"] } });
    const updated = change({ type: "product.upsert", product: { sku: "SKU-00123", name: "Renamed by the ERP", description: "From the ERP", listPrice: "99.99" } });
    await ingestChanges(h.server.dataSource, "erp", [created, updated]);
    const statuses = await settled([created.id, updated.id]);
    expect(Object.values(statuses).map((s) => s.status)).toEqual(["APPLIED", "APPLIED"]);
    const products = await rows<any>(`SELECT sku, name, description, list_price, images, synced_from FROM product WHERE sku IN ('IN-NEW-1', 'SKU-00123') ORDER BY sku`);
    expect(products).toEqual([
      { sku: "IN-NEW-1", name: "Inbound widget", description: "", list_price: "12.50", images: [{ url: "https://img.example.com/w.jpg" }], synced_from: "erp" },
      expect.objectContaining({ sku: "SKU-00123", name: "Renamed by the ERP", description: "From the ERP", list_price: "99.99", synced_from: "erp" }),
    ]);
  });

  it("shows a product the backend no longer sells as out of stock everywhere", async () => {
    const gone = change({ type: "product.upsert", product: { sku: "SKU-00201", name: "Discontinued", listPrice: "5.00", available: false } });
    await ingestChanges(h.server.dataSource, "erp", [gone]);
    expect((await settled([gone.id]))[gone.id]!.status).toBe("APPLIED");
    const levels = await rows<{ on_hand: number }>(`SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id WHERE p.sku = 'SKU-00201'`);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((l) => l.on_hand === 0)).toBe(true);
  });

  it("parks a stock level for an unknown product, visibly, and applies it once the product arrives", async () => {
    const early = change({ type: "stock.level", sku: "IN-LATE-1", warehouseCode: "WH-WEST", quantity: 7 });
    await ingestChanges(h.server.dataSource, "erp", [early]);
    const parked = (await settled([early.id]))[early.id]!;
    expect(parked).toMatchObject({ status: "PARKED", error: "waits for product IN-LATE-1" });
    const product = change({ type: "product.upsert", product: { sku: "IN-LATE-1", name: "Late", listPrice: "1.00" } });
    await ingestChanges(h.server.dataSource, "erp", [product]);
    // Parked changes are tried again on the next pass (here: the one that applies the product).
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await rows<{ status: string }>(`SELECT status FROM inbound_event WHERE connector = 'erp' AND event_id = $1`, [early.id]);
      if (row!.status === "APPLIED") break;
      if (Date.now() > deadline) throw new Error(`stayed ${row!.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [level] = await rows<{ on_hand: number }>(
      `SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'IN-LATE-1' AND w.code = 'WH-WEST'`,
    );
    expect(level!.on_hand).toBe(7);
  });

  it("rejects a stock level for a warehouse that does not exist, with the reason", async () => {
    const bad = change({ type: "stock.level", sku: "SKU-00200", warehouseCode: "WH-NOWHERE", quantity: 1 });
    await ingestChanges(h.server.dataSource, "erp", [bad]);
    expect((await settled([bad.id]))[bad.id]).toMatchObject({ status: "REJECTED", error: "no warehouse has code WH-NOWHERE" });
  });
});

describe("once, in order", () => {
  it("stores a change sent twice once, and applies it once", async () => {
    const level = change({ type: "stock.level", sku: "SKU-00300", warehouseCode: "WH-CENTRAL", quantity: 11 });
    expect(await ingestChanges(h.server.dataSource, "erp", [level])).toEqual({ accepted: 1, duplicates: 0 });
    await settled([level.id]);
    const commandsBefore = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [`inbound:erp:${level.id}`]);
    expect(await ingestChanges(h.server.dataSource, "erp", [level, level])).toEqual({ accepted: 0, duplicates: 2 });
    expect(await applyWaitingChanges({ dataSource: h.server.dataSource, router, logger: createLogger("silent") }, "erp")).toMatchObject({ applied: 0 });
    const commandsAfter = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [`inbound:erp:${level.id}`]);
    expect(commandsBefore[0]!.n).toBe(1);
    expect(commandsAfter[0]!.n).toBe(1);
    const [stored] = await rows<{ n: number; attempts: number }>(`SELECT count(*)::int AS n, max(attempts) AS attempts FROM inbound_event WHERE connector = 'erp' AND event_id = $1`, [level.id]);
    expect(stored).toEqual({ n: 1, attempts: 1 });
  });

  it("refuses more than 500 changes at once, storing none of them", async () => {
    const many = Array.from({ length: 501 }, (_, i) => change({ id: `too-many-${i}`, type: "stock.level", sku: "SKU-00300", warehouseCode: "WH-EAST", quantity: i }));
    await expect(ingestChanges(h.server.dataSource, "erp", many)).rejects.toThrow("at most 500 changes per batch, got 501: split the batch");
    expect(await rows(`SELECT 1 FROM inbound_event WHERE event_id LIKE 'too-many-%'`)).toHaveLength(0);
  });

  it("applies changes of one aggregate in the order they happened, whatever order they arrive in", async () => {
    const later = change({ type: "stock.level", sku: "SKU-00301", warehouseCode: "WH-EAST", quantity: 50, occurredAt: "2026-11-20T10:00:00Z" });
    const earlier = change({ type: "stock.level", sku: "SKU-00301", warehouseCode: "WH-EAST", quantity: 10, occurredAt: "2026-11-20T09:00:00Z" });
    // Both arrive in one batch, the later one first: the earlier is applied first, then the later.
    await ingestChanges(h.server.dataSource, "erp", [later, earlier]);
    await settled([later.id, earlier.id]);
    // An even older report arriving afterwards is stale: it changes nothing.
    const stale = change({ type: "stock.level", sku: "SKU-00301", warehouseCode: "WH-EAST", quantity: 1, occurredAt: "2026-11-20T08:00:00Z" });
    await ingestChanges(h.server.dataSource, "erp", [stale]);
    expect((await settled([stale.id]))[stale.id]!.status).toBe("APPLIED");
    const [level] = await rows<{ on_hand: number }>(
      `SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00301' AND w.code = 'WH-EAST'`,
    );
    expect(level!.on_hand).toBe(50);
    const applied = await rows<{ event_id: string }>(`SELECT event_id FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1) ORDER BY applied_at`, [[later.id, earlier.id]]);
    expect(applied.map((r) => r.event_id)).toEqual([earlier.id, later.id]);
    // The stale one sent no command.
    expect(await rows(`SELECT 1 FROM command WHERE idempotency_key = $1`, [`inbound:erp:${stale.id}`])).toHaveLength(0);
  });
  it("applies each change once and in order when two processes apply the same connector at once", async () => {
    const changes = Array.from({ length: 30 }, (_, i) =>
      change({ type: "stock.level", sku: "SKU-00302", warehouseCode: "WH-WEST", quantity: i + 1, occurredAt: new Date(Date.UTC(2026, 10, 21, 0, 0, i)).toISOString() }),
    );
    // Stored directly (no job), so that only the two calls below apply them.
    await h.server.dataSource.query(
      `INSERT INTO inbound_event (connector, event_id, type, aggregate_key, occurred_at, payload)
         SELECT 'erp', c->>'id', c->>'type', 'Stock:SKU-00302@WH-WEST', (c->>'occurredAt')::timestamptz, c FROM jsonb_array_elements($1::jsonb) AS c`,
      [JSON.stringify(changes)],
    );
    const deps = { dataSource: h.server.dataSource, router, logger: createLogger("silent") };
    const reports = await Promise.all([applyWaitingChanges(deps, "erp", { aggregateKeys: ["Stock:SKU-00302@WH-WEST"] }), applyWaitingChanges(deps, "erp", { aggregateKeys: ["Stock:SKU-00302@WH-WEST"] })]);
    expect(reports[0]!.applied + reports[1]!.applied).toBe(30);
    const ids = changes.map((c) => c.id);
    const [commands] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = ANY($1)`, [ids.map((id) => `inbound:erp:${id}`)]);
    expect(commands!.n).toBe(30);
    const order = await rows<{ event_id: string; attempts: number }>(`SELECT event_id, attempts FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1) ORDER BY applied_at, id`, [ids]);
    expect(order.map((r) => r.event_id)).toEqual(ids);
    expect(order.every((r) => r.attempts === 1)).toBe(true);
  });
});

describe("origin", () => {
  it("sends a change's command to the other targets and never back to the connector it came from", async () => {
    const level = change({ type: "stock.level", sku: "SKU-00400", warehouseCode: "WH-WEST", quantity: 123 });
    await ingestChanges(h.server.dataSource, "erp", [level]);
    await settled([level.id]);
    await h.waitForIdle();
    const [command] = await rows<{ id: string; origin: string; principal: string }>(`SELECT id, origin, principal FROM command WHERE idempotency_key = $1`, [`inbound:erp:${level.id}`]);
    expect(command).toMatchObject({ origin: "erp", principal: "connector:erp" });
    const targets = await rows<{ connector: string; status: string }>(`SELECT connector, status FROM outbox WHERE command_id = $1 ORDER BY connector`, [command!.id]);
    expect(targets).toEqual([
      { connector: "erp2", status: "DELIVERED" },
      { connector: "store", status: "DELIVERED" },
    ]);
    const sent = (backend: FakeCommandBackend) => backend.received.filter((r) => r.type === "inventorySet" && r.body.payload.sku === "SKU-00400");
    expect(sent(erp2)).toHaveLength(1);
    expect(sent(erp2)[0]!.body.payload).toMatchObject({ warehouseCode: "WH-WEST", onHand: 123 });
    expect(sent(h.erp)).toHaveLength(0);
  });
});

describe("accounts and invoices", () => {
  it("inserts an account by code with its external reference, then updates it, never setting a password", async () => {
    const created = change({ type: "account.upsert", account: { code: "IN-ACC-1", name: "Inbound Co", email: "ap@inbound.example", externalId: "CUST-77" } });
    const renamed = change({ type: "account.upsert", account: { code: "IN-ACC-1", name: "Inbound Company", email: "ap@inbound.example", phone: "555-0100" } });
    await ingestChanges(h.server.dataSource, "erp", [created, renamed]);
    expect(Object.values(await settled([created.id, renamed.id])).map((s) => s.status)).toEqual(["APPLIED", "APPLIED"]);
    const [account] = await rows<any>(
      `SELECT a.name, a.phone, a.password_hash, a.synced_from, r.external_id FROM account a LEFT JOIN account_external_ref r ON r.account_id = a.id AND r.connector = 'erp' WHERE a.code = 'IN-ACC-1'`,
    );
    expect(account).toEqual({ name: "Inbound Company", phone: "555-0100", password_hash: null, synced_from: "erp", external_id: "CUST-77" });
    const types = await rows<{ type: string }>(`SELECT type FROM command WHERE idempotency_key = ANY($1) ORDER BY created_at`, [[`inbound:erp:${created.id}`, `inbound:erp:${renamed.id}`]]);
    expect(types.map((t) => t.type)).toEqual(["accountCreate", "accountUpdate"]);
  });

  it("rejects an account whose e-mail another account has", async () => {
    const clash = change({ type: "account.upsert", account: { code: "IN-ACC-2", name: "Clash", email: "buyer@acme.example" } });
    await ingestChanges(h.server.dataSource, "erp", [clash]);
    expect((await settled([clash.id]))[clash.id]).toMatchObject({ status: "REJECTED", error: "another account has the e-mail buyer@acme.example" });
    expect(await rows(`SELECT 1 FROM account WHERE code = 'IN-ACC-2'`)).toHaveLength(0);
  });

  it("parks an invoice for an unknown account, applies it when the account arrives, then records its payment", async () => {
    const invoice = change({
      type: "invoice.upsert",
      invoice: { number: "IN-INV-1", accountCode: "IN-ACC-3", status: "OPEN", total: "30.00", dueDate: "2026-12-31", lines: [{ sku: "SKU-00200", description: "Widgets", quantity: 3, unitPrice: "10.00" }] },
    });
    const paid = change({ type: "invoice.paid", invoice: { number: "IN-INV-1" }, amountPaid: "12.50", method: "wire", reference: "TX-1" });
    await ingestChanges(h.server.dataSource, "erp", [invoice, paid]);
    const parked = await settled([invoice.id, paid.id]);
    expect(parked[invoice.id]).toMatchObject({ status: "PARKED", error: "waits for account IN-ACC-3" });
    // The payment is of the same invoice: it waits behind the parked invoice, never overtaking it.
    expect(parked[paid.id]).toMatchObject({ status: "PARKED", error: `waits behind change ${invoice.id} of the same aggregate, which is parked` });

    const account = change({ type: "account.upsert", account: { code: "IN-ACC-3", name: "Late Account", email: "late@inbound.example" } });
    await ingestChanges(h.server.dataSource, "erp", [account]);
    await settled([account.id]);
    // The account's creation wakes the changes that refer to it at once (the each-minute retry is not needed).
    const done = await reached([invoice.id, paid.id], "APPLIED");
    expect([done[invoice.id]!.status, done[paid.id]!.status]).toEqual(["APPLIED", "APPLIED"]);
    const [row] = await rows<any>(`SELECT status, total, amount_paid, due_date::text AS due FROM invoice WHERE number = 'IN-INV-1'`);
    expect(row).toEqual({ status: "PARTIALLY_PAID", total: "30.00", amount_paid: "12.50", due: "2026-12-31" });
    const lines = await rows<any>(`SELECT l.sku, l.quantity, l.line_total FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.number = 'IN-INV-1'`);
    expect(lines).toEqual([{ sku: "SKU-00200", quantity: 3, line_total: "30.00" }]);
    const payments = await rows<any>(`SELECT p.amount, p.method, p.reference FROM invoice_payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.number = 'IN-INV-1'`);
    expect(payments).toEqual([{ amount: "12.50", method: "wire", reference: "TX-1" }]);

    // Paid in full later: a payment row for the difference; the same report again changes nothing (stale).
    const full = change({ type: "invoice.paid", invoice: { number: "IN-INV-1" }, amountPaid: "30.00" });
    const again = change({ type: "invoice.paid", invoice: { number: "IN-INV-1" }, amountPaid: "30.00" });
    await ingestChanges(h.server.dataSource, "erp", [full, again]);
    await settled([full.id, again.id]);
    const [after] = await rows<any>(`SELECT status, amount_paid, (SELECT count(*)::int FROM invoice_payment p WHERE p.invoice_id = i.id) AS payments FROM invoice i WHERE number = 'IN-INV-1'`);
    expect(after).toEqual({ status: "PAID", amount_paid: "30.00", payments: 2 });
    expect(await rows(`SELECT 1 FROM command WHERE idempotency_key = $1`, [`inbound:erp:${again.id}`])).toHaveLength(0);
  });

  it("rejects an invoice whose line totals more than the store can keep", async () => {
    const huge = change({
      type: "invoice.upsert",
      invoice: { number: "IN-INV-HUGE", accountCode: "C00001", status: "OPEN", total: "1.00", dueDate: "2026-12-31", lines: [{ description: "Lots", quantity: 1_000_000_000, unitPrice: "999999.00" }] },
    });
    await ingestChanges(h.server.dataSource, "erp", [huge]);
    expect((await settled([huge.id]))[huge.id]).toMatchObject({ status: "REJECTED", error: "invoice IN-INV-HUGE: line 1 totals more than 999999999999.99" });
  });

  it("rejects a payment larger than the invoice's total", async () => {
    const too = change({ type: "invoice.paid", invoice: { number: "IN-INV-1" }, amountPaid: "31.00" });
    await ingestChanges(h.server.dataSource, "erp", [too]);
    expect((await settled([too.id]))[too.id]).toMatchObject({ status: "REJECTED", error: "invoice IN-INV-1: paid 31.00 is more than its total 30.00" });
  });
});

const INBOUND_CHANGES = graphql(`
  query InboundApplyChanges($connector: String!, $statuses: [InboundChangeStatus!], $first: Int, $after: String) {
    inboundChanges(connector: $connector, statuses: $statuses, first: $first, after: $after) {
      nodes { eventId type aggregate status error attempts occurredAt receivedAt appliedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CONNECTOR_INBOUND = graphql(`
  query InboundApplyConnectorStats { connectors { name inbound { received waiting applied parked rejected lastAppliedAt } } }
`);

describe("visible to operators", () => {
  it("lists a connector's changes by status, newest first, paged, with why they are parked or rejected", async () => {
    const early = change({ type: "stock.level", sku: "IN-NEVER-1", warehouseCode: "WH-EAST", quantity: 3 });
    await ingestChanges(h.server.dataSource, "erp", [early]);
    await settled([early.id]);
    const parked = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", statuses: ["PARKED"] }, h.server.adminKey), "inboundChanges");
    expect(parked.nodes[0]).toMatchObject({ eventId: early.id, type: "stock.level", aggregate: "Stock:IN-NEVER-1@WH-EAST", status: "PARKED", error: "waits for product IN-NEVER-1", appliedAt: null });
    expect(parked.nodes.every((n: any) => n.status === "PARKED")).toBe(true);

    const first = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", first: 2 }, h.server.adminKey), "inboundChanges");
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", first: 2, after: first.pageInfo.endCursor }, h.server.adminKey), "inboundChanges");
    const ids = [...first.nodes, ...next.nodes].map((n: any) => n.eventId);
    expect(new Set(ids).size).toBe(4);
    const [newest] = await rows<{ event_id: string }>(`SELECT event_id FROM inbound_event WHERE connector = 'erp' ORDER BY id DESC LIMIT 1`);
    expect(ids[0]).toBe(newest!.event_id);
  });

  it("counts each connector's changes by status in Query.connectors", async () => {
    const connectors = dataAt<any[]>(await h.server.gql(CONNECTOR_INBOUND, {}, h.server.adminKey), "connectors");
    const [counts] = await rows<any>(
      `SELECT count(*)::int AS received, count(*) FILTER (WHERE status = 'PARKED')::int AS parked, count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
              count(*) FILTER (WHERE status = 'APPLIED')::int AS applied FROM inbound_event WHERE connector = 'erp'`,
    );
    expect(counts.parked).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(0);
    expect(connectors.find((c) => c.name === "erp")!.inbound).toMatchObject({ ...counts, waiting: 0, lastAppliedAt: expect.any(String) });
    expect(connectors.find((c) => c.name === "erp2")!.inbound).toEqual({ received: 0, waiting: 0, applied: 0, parked: 0, rejected: 0, lastAppliedAt: null });
    // Every connector's figures come from one statement.
    h.server.statements.reset();
    await h.server.gql(CONNECTOR_INBOUND, {}, h.server.adminKey);
    expect(h.server.statements.statements.filter((sql) => sql.includes("inbound_event"))).toHaveLength(1);
  });

  it("refuses a status list longer than the statuses there are, naming the argument", async () => {
    const response = await h.server.gql(INBOUND_CHANGES, { connector: "erp", statuses: ["PARKED", "PARKED", "PARKED", "PARKED", "PARKED"] }, h.server.adminKey);
    expect(response.errors?.[0]).toMatchObject({ message: "`statuses` lists at most 4 statuses.", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("shows inbound changes to admin API keys only", async () => {
    const response = await h.server.gql(INBOUND_CHANGES, { connector: "erp" }, h.server.storefrontKey);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

const PLACE_ORDER = graphql(`
  mutation InboundApplyPlaceOrder($input: OrderPlaceInput!, $key: String!) {
    orderPlace(input: $input, idempotencyKey: $key) {
      order { id number }
      command { id }
      userErrors { code message }
    }
  }
`);

const CUSTOMER_ORDER = graphql(`
  query InboundApplyCustomerOrder($id: ID!) {
    order(id: $id) {
      status
      lines { sku quantity shippedQuantity }
      shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }
      events { kind fromStatus toStatus connector trackingNumber }
    }
  }
`);

let orderKeys = 0;
/** Two products stocked in WH-EAST that the demo customer may buy by the unit (none the tests above change). */
let skus: string[] = [];

/** Places an order through the API as the first demo customer (5 of the first SKU, 2 of the second) and waits until the fake ERP has it (and gave it its number). */
async function placeOrder(): Promise<{ id: string; number: string; externalNumber: string }> {
  if (skus.length === 0) {
    const found = await rows<{ sku: string; warehouse_id: string }>(
      `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id
        WHERE w.code = 'WH-EAST' AND il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell AND p.sku NOT IN ('SKU-00123', 'SKU-00200', 'SKU-00201', 'SKU-00300', 'SKU-00301', 'SKU-00302', 'SKU-00400')
          AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
        ORDER BY p.sku LIMIT 2`,
    );
    skus = found.map((r) => r.sku);
  }
  const [warehouse] = await rows<{ id: string }>(`SELECT id FROM warehouse WHERE code = 'WH-EAST'`);
  const warehouseId = `gid://store/Warehouse/${warehouse!.id}`;
  const input = { lines: [{ sku: skus[0]!, quantity: 5, warehouseId }, { sku: skus[1]!, quantity: 2, warehouseId }] };
  const token = await h.server.customerToken(0);
  const placed = dataAt<any>(await h.server.gql(PLACE_ORDER, { input, key: `inbound-order-${Date.now()}-${orderKeys++}` }, token), "orderPlace");
  expect(placed.userErrors, JSON.stringify(placed.userErrors)).toEqual([]);
  await h.waitForCommand(placed.command.id, ["DELIVERED"]);
  const [row] = await rows<{ external_number: string }>(`SELECT external_number FROM "order" WHERE number = $1`, [placed.order.number]);
  return { id: placed.order.id, number: placed.order.number, externalNumber: row!.external_number };
}

describe("orders", () => {
  it("moves an order placed through the API along as the backend reports it, whatever order the reports arrive in", async () => {
    const order = await placeOrder();
    const ref = { externalNumber: order.externalNumber };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute)).toISOString();
    const processing = change({ type: "order.status", order: ref, status: "PROCESSING", occurredAt: at(1) });
    const part = change({
      type: "order.shipment",
      order: ref,
      occurredAt: at(2),
      shipment: { id: "SHP-1", carrierCode: "UPS", trackingNumber: "1Z001", trackingUrl: "https://track.example.com/1Z001", warehouseCode: "WH-EAST", lines: [{ sku: skus[0]!, quantity: 3 }] },
    });
    const rest = change({ type: "order.shipment", order: ref, occurredAt: at(3), shipment: { id: "SHP-2", carrierCode: "UPS", trackingNumber: "1Z002" } });
    const completed = change({ type: "order.status", order: ref, status: "COMPLETED", occurredAt: at(4) });
    // Arrive newest first, and the first shipment twice under another event id.
    const again = { ...part, id: `${part.id}-again` };
    await ingestChanges(h.server.dataSource, "erp", [completed, rest, part, processing, again]);
    const statuses = await settled([completed.id, rest.id, part.id, processing.id, again.id]);
    expect(Object.values(statuses).map((s) => s.status)).toEqual(["APPLIED", "APPLIED", "APPLIED", "APPLIED", "APPLIED"]);

    const token = await h.server.customerToken(0);
    const seen = dataAt<any>(await h.server.gql(CUSTOMER_ORDER, { id: order.id }, token), "order");
    expect(seen.status).toBe("COMPLETED");
    expect(seen.lines).toEqual([
      { sku: skus[0], quantity: 5, shippedQuantity: 5 },
      { sku: skus[1], quantity: 2, shippedQuantity: 2 },
    ]);
    expect(seen.shipments).toHaveLength(2);
    expect(seen.shipments).toContainEqual({ carrierCode: "UPS", trackingNumber: "1Z001", trackingUrl: "https://track.example.com/1Z001", lines: [{ lineNumber: 1, quantity: 3 }] });
    const reported = seen.events.filter((e: any) => e.connector === "erp").map((e: any) => [e.kind, e.toStatus]);
    expect(reported).toEqual([
      ["STATUS_CHANGED", "PROCESSING"],
      ["SHIPMENT_CREATED", "PARTIALLY_SHIPPED"],
      ["SHIPMENT_CREATED", "SHIPPED"],
      ["STATUS_CHANGED", "COMPLETED"],
    ]);

    // A status report older than the last one applied is stale: applied as a no-op, the order stays COMPLETED.
    const late = change({ type: "order.status", order: ref, status: "PROCESSING", occurredAt: at(0) });
    await ingestChanges(h.server.dataSource, "erp", [late]);
    expect((await settled([late.id]))[late.id]!.status).toBe("APPLIED");
    expect(dataAt<any>(await h.server.gql(CUSTOMER_ORDER, { id: order.id }, token), "order").status).toBe("COMPLETED");
  });

  it("sends a reported status to the other targets and never back to the backend that reported it", async () => {
    const order = await placeOrder();
    const processing = change({ type: "order.status", order: { number: order.number }, status: "PROCESSING" });
    await ingestChanges(h.server.dataSource, "erp", [processing]);
    await settled([processing.id]);
    await h.waitForIdle();
    const sent = (backend: FakeCommandBackend) => backend.received.filter((r) => r.type === "orderStatusChange" && r.body.payload.number === order.number);
    expect(sent(erp2).map((r) => r.body.payload)).toEqual([{ number: order.number, from: expect.any(String), to: "PROCESSING", note: null }]);
    expect(sent(h.erp)).toHaveLength(0);
  });

  it("links a reported invoice to its order, parked until the order exists", async () => {
    const invoiceFor = (number: string) =>
      change({ type: "invoice.upsert", invoice: { number, accountCode: "C00001", order: { number: "SO-NOT-YET" }, status: "OPEN", total: "10.00", dueDate: "2026-12-31" } });
    const early = invoiceFor("IN-INV-ORDER-0");
    await ingestChanges(h.server.dataSource, "erp", [early]);
    expect((await settled([early.id]))[early.id]).toMatchObject({ status: "PARKED", error: "waits for order SO-NOT-YET" });

    const order = await placeOrder();
    const linked = change({ type: "invoice.upsert", invoice: { number: "IN-INV-ORDER-1", accountCode: "C00001", order: { number: order.number }, status: "OPEN", total: "10.00", dueDate: "2026-12-31" } });
    await ingestChanges(h.server.dataSource, "erp", [linked]);
    expect((await settled([linked.id]))[linked.id]!.status).toBe("APPLIED");
    const [row] = await rows<{ number: string }>(`SELECT o.number FROM invoice i JOIN "order" o ON o.id = i.order_id WHERE i.number = 'IN-INV-ORDER-1'`);
    expect(row!.number).toBe(order.number);
  });

  it("rejects a move the lifecycle refuses and a shipment larger than the order, with the reason, visible", async () => {
    const order = await placeOrder();
    const ref = { number: order.number };
    const tooMuch = change({ type: "order.shipment", order: ref, shipment: { id: "SHP-BIG", carrierCode: "UPS", trackingNumber: "1Z999", lines: [{ sku: skus[1]!, quantity: 3 }] } });
    const shipped = change({ type: "order.shipment", order: ref, shipment: { id: "SHP-ALL", carrierCode: "UPS", trackingNumber: "1Z998" } });
    const cancelled = change({ type: "order.status", order: ref, status: "CANCELLED" });
    await ingestChanges(h.server.dataSource, "erp", [tooMuch, shipped, cancelled]);
    const statuses = await settled([tooMuch.id, shipped.id, cancelled.id]);
    expect(statuses[tooMuch.id]).toMatchObject({ status: "REJECTED", error: expect.stringContaining(`Line 2 of order ${order.number}`) });
    expect(statuses[shipped.id]!.status).toBe("APPLIED");
    expect(statuses[cancelled.id]).toMatchObject({ status: "REJECTED", error: "An order that is SHIPPED cannot become CANCELLED." });
    const listed = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", statuses: ["REJECTED"], first: 100 }, h.server.adminKey), "inboundChanges");
    expect(listed.nodes.map((n: any) => n.eventId)).toEqual(expect.arrayContaining([tooMuch.id, cancelled.id]));
  });

  it("parks a shipment for an order the store has not got, visibly, and applies it once the order has the backend's number", async () => {
    await h.waitForIdle();
    // The fake ERP numbers what it applies in turn: the next order placed gets this number.
    const externalNumber = `ERP-${String(h.erp.applied.length + 1).padStart(6, "0")}`;
    const early = change({ type: "order.shipment", order: { externalNumber }, shipment: { id: "SHP-EARLY", carrierCode: "FEDEX", trackingNumber: "FX-1" } });
    await ingestChanges(h.server.dataSource, "erp", [early]);
    expect((await settled([early.id]))[early.id]).toMatchObject({ status: "PARKED", error: `waits for the order with external number ${externalNumber}` });
    const listed = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", statuses: ["PARKED"], first: 100 }, h.server.adminKey), "inboundChanges");
    expect(listed.nodes.map((n: any) => n.eventId)).toContain(early.id);

    // erp2 numbers orders too: the fake ERP answers last, so that its number is the one the order keeps.
    h.erp.delayMs = 300;
    const order = await placeOrder().finally(() => (h.erp.delayMs = 0));
    expect(order.externalNumber).toBe(externalNumber);
    // Storing the backend's number wakes the parked changes at once (the each-minute retry is not needed).
    const deadline = Date.now() + 5_000;
    for (;;) {
      const [row] = await rows<{ status: string }>(`SELECT status FROM inbound_event WHERE connector = 'erp' AND event_id = $1`, [early.id]);
      if (row!.status === "APPLIED") break;
      if (Date.now() > deadline) throw new Error(`stayed ${row!.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const token = await h.server.customerToken(0);
    const seen = dataAt<any>(await h.server.gql(CUSTOMER_ORDER, { id: order.id }, token), "order");
    expect(seen.status).toBe("SHIPPED");
    expect(seen.shipments).toEqual([expect.objectContaining({ carrierCode: "FEDEX", trackingNumber: "FX-1" })]);
  });
});

describe("scheduling", () => {
  /** The each-minute retry task, run once here. */
  const retryTask = () => inboundTasks(h.server.dataSource, router).find((t) => t.schedule)!;

  it("keeps pushes from taking relay slots while another process applies the connector: at most one apply job waits, none blocks on the lock", async () => {
    const holder = new pg.Client({ connectionString: h.databaseUrl });
    await holder.connect();
    // Another process (a sync run, say) is applying erp's changes: it holds the connector's apply lock.
    await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, ["inbound-apply\nerp"]);
    const pushed: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const level = change({ type: "stock.level", sku: "SKU-00310", warehouseCode: "WH-EAST", quantity: 100 + i });
        pushed.push(level.id);
        await ingestChanges(h.server.dataSource, "erp", [level]);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const [blocked] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'`);
      expect(blocked!.n).toBe(0);
      const [jobs] = await rows<{ waiting: number; queue: string | null }>(
        `SELECT count(*) FILTER (WHERE locked_at IS NULL)::int AS waiting, max(queue_name) AS queue FROM graphile_worker.jobs WHERE task_identifier = 'apply_inbound_changes'`,
      );
      expect(jobs!.waiting).toBeLessThanOrEqual(1);
      expect(jobs!.queue).toBe("inbound:erp");
      expect(Object.values(await rows<{ status: string }>(`SELECT status FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1)`, [pushed])).every((r) => r.status === "RECEIVED")).toBe(true);
    } finally {
      await holder.end();
    }
    // Once the lock is free, the rescheduled job applies them all, in order.
    await reached(pushed, "APPLIED");
    const [level] = await rows<{ on_hand: number }>(
      `SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00310' AND w.code = 'WH-EAST'`,
    );
    expect(level!.on_hand).toBe(105);
  });

  it("applies, on the each-minute retry, a change received over a minute ago whose apply job died", async () => {
    const level = change({ type: "stock.level", sku: "SKU-00311", warehouseCode: "WH-EAST", quantity: 77 });
    // Stored as ingestChanges stores it, but without the apply job (its worker was killed): received two minutes ago.
    await inboundEvents.insertMany(h.server.dataSource, "erp", [{ eventId: level.id, type: level.type, aggregateKey: "Stock:SKU-00311@WH-EAST", occurredAt: level.occurredAt, payload: level, refs: [] }]);
    await rows(`UPDATE inbound_event SET received_at = now() - interval '2 minutes' WHERE connector = 'erp' AND event_id = $1`, [level.id]);
    await retryTask().run(createLogger("silent"), {}, new AbortController().signal);
    const [row] = await rows<{ status: string }>(`SELECT status FROM inbound_event WHERE connector = 'erp' AND event_id = $1`, [level.id]);
    expect(row!.status).toBe("APPLIED");
  });

  it("retries parked changes with backoff only: pushes of other aggregates do not try them, the retry tries those due, and gives up after 7 days", async () => {
    const foreign = Array.from({ length: 300 }, (_, i) => change({ type: "order.status", order: { externalNumber: `OTHER-${i}` }, status: "PROCESSING" }));
    const ids = foreign.map((c) => c.id);
    await ingestChanges(h.server.dataSource, "erp", foreign);
    await settled(ids);
    const attempts = async () => (await rows<{ a: number }>(`SELECT sum(attempts)::int AS a FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1)`, [ids]))[0]!.a;
    const before = await attempts();
    expect(before).toBe(300);
    const [parkedRow] = await rows<{ status: string; due: boolean }>(`SELECT status, next_attempt_at > now() AS due FROM inbound_event WHERE connector = 'erp' AND event_id = $1`, [ids[0]]);
    expect(parkedRow).toEqual({ status: "PARKED", due: true });

    for (let i = 0; i < 3; i++) {
      const level = change({ type: "stock.level", sku: "SKU-00312", warehouseCode: "WH-EAST", quantity: 5 + i });
      await ingestChanges(h.server.dataSource, "erp", [level]);
      expect((await settled([level.id]))[level.id]!.status).toBe("APPLIED");
    }
    // Not due yet: the each-minute retry leaves them too.
    await retryTask().run(createLogger("silent"), {}, new AbortController().signal);
    expect(await attempts()).toBe(before);

    // Two are due (their backoff is over): one more attempt each, the next one further away; one of them is over 7 days old.
    await rows(`UPDATE inbound_event SET next_attempt_at = now() - interval '1 second' WHERE connector = 'erp' AND event_id = ANY($1)`, [[ids[0], ids[1]]]);
    await rows(`UPDATE inbound_event SET received_at = now() - interval '8 days' WHERE connector = 'erp' AND event_id = $1`, [ids[1]]);
    await retryTask().run(createLogger("silent"), {}, new AbortController().signal);
    expect(await attempts()).toBe(before + 2);
    const after = await rows<{ event_id: string; status: string; error: string; wait: string }>(
      `SELECT event_id, status, error, CASE WHEN next_attempt_at IS NULL THEN NULL ELSE round(extract(epoch FROM next_attempt_at - now()) / 60)::text END AS wait
         FROM inbound_event WHERE connector = 'erp' AND event_id = ANY($1) ORDER BY event_id`,
      [[ids[0], ids[1]]],
    );
    expect(after.find((r) => r.event_id === ids[0])).toMatchObject({ status: "PARKED", wait: "2" });
    expect(after.find((r) => r.event_id === ids[1])).toMatchObject({ status: "REJECTED", error: "gave up after 7 days: waits for the order with external number OTHER-1" });
  });

  it("refuses a change dated more than an hour ahead, naming it, and shows why a stale change changed nothing", async () => {
    expect(InboundChangeSchema.safeParse({ type: "stock.level", id: "fut-0", occurredAt: "2099-01-01T00:00:00Z", sku: "SKU-00313", warehouseCode: "WH-EAST", quantity: 1 }).error?.issues).toEqual([
      expect.objectContaining({ path: ["occurredAt"], message: expect.stringContaining("more than one hour ahead of our clock") }),
    ]);
    // A change that skipped validation (a pulled page) is refused too, with the whole batch.
    const ahead = { ...change({ type: "stock.level", sku: "SKU-00313", warehouseCode: "WH-EAST", quantity: 1 }), id: "fut-1", occurredAt: new Date("2099-01-01T00:00:00Z") };
    await expect(ingestChanges(h.server.dataSource, "erp", [ahead])).rejects.toThrow("change fut-1: occurredAt 2099-01-01T00:00:00.000Z is more than one hour ahead of our clock");
    expect(await rows(`SELECT 1 FROM inbound_event WHERE connector = 'erp' AND event_id = 'fut-1'`)).toHaveLength(0);

    const newer = change({ type: "stock.level", sku: "SKU-00313", warehouseCode: "WH-EAST", quantity: 42, occurredAt: "2026-11-20T10:00:00.000Z" });
    const older = change({ type: "stock.level", sku: "SKU-00313", warehouseCode: "WH-EAST", quantity: 3, occurredAt: "2026-11-20T09:00:00.000Z" });
    await ingestChanges(h.server.dataSource, "erp", [newer]);
    await settled([newer.id]);
    await ingestChanges(h.server.dataSource, "erp", [older]);
    expect((await settled([older.id]))[older.id]).toMatchObject({ status: "APPLIED", error: "stale: older than the last applied report (2026-11-20T10:00:00.000Z)" });
    const listed = dataAt<any>(await h.server.gql(INBOUND_CHANGES, { connector: "erp", statuses: ["APPLIED"], first: 5 }, h.server.adminKey), "inboundChanges");
    expect(listed.nodes.find((n: any) => n.eventId === older.id)).toMatchObject({ error: "stale: older than the last applied report (2026-11-20T10:00:00.000Z)" });
  });

  it("never lets a late stock level bring back a product the backend withdrew after it", async () => {
    const level = (quantity: number, occurredAt: string) => change({ type: "stock.level", sku: "SKU-00314", warehouseCode: "WH-EAST", quantity, occurredAt });
    const first = level(9, "2026-11-21T08:00:00.000Z");
    await ingestChanges(h.server.dataSource, "erp", [first]);
    await settled([first.id]);
    const gone = change({ type: "product.upsert", product: { sku: "SKU-00314", name: "Withdrawn", listPrice: "5.00", available: false }, occurredAt: "2026-11-21T10:00:00.000Z" });
    await ingestChanges(h.server.dataSource, "erp", [gone]);
    await settled([gone.id]);
    // Sent before the withdrawal, arriving after it: stale, the product stays out of stock.
    const late = level(9, "2026-11-21T09:00:00.000Z");
    await ingestChanges(h.server.dataSource, "erp", [late]);
    expect((await settled([late.id]))[late.id]).toMatchObject({ status: "APPLIED", error: "stale: older than the last applied report (2026-11-21T10:00:00.000Z)" });
    const onHand = async () =>
      (await rows<{ on_hand: number }>(`SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00314' AND w.code = 'WH-EAST'`))[0]!.on_hand;
    expect(await onHand()).toBe(0);
    // A level reported after the withdrawal is applied.
    const restocked = level(4, "2026-11-21T11:00:00.000Z");
    await ingestChanges(h.server.dataSource, "erp", [restocked]);
    expect((await settled([restocked.id]))[restocked.id]!).toMatchObject({ status: "APPLIED", error: null });
    expect(await onHand()).toBe(4);
  });
});
