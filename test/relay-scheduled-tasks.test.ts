import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { APPLY_INBOUND_TASK } from "../src/domains/inbound/inbound-apply.js";
import { RELEASE_EXPIRED_TASK } from "../src/domains/warehouse/reservation-expiry.js";
import { createLogger } from "../src/logger.js";
import { INBOUND_RETRY_TASK } from "../src/outbox/projections.js";
import { PURGE_EXPIRED_TASK, scheduledTasks } from "../src/scheduled-tasks.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// The relay imports no domain: the domains hand it their scheduled tasks (src/scheduled-tasks.ts).
let h: WriteHarness;
let productId: string;
let warehouseId: string;
beforeAll(async () => {
  h = await startWriteHarness();
  const data = dataAt<any>(await h.server.gql(`{ p: product(sku: "SKU-00303") { id } wh: warehouse(code: "WH-CENTRAL") { id } }`), "");
  productId = data.p.id;
  warehouseId = data.wh.id;
  await h.server.dataSource.query(
    `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, reserved) SELECT p.id, w.id, 50, 0 FROM product p, warehouse w WHERE p.sku = 'SKU-00303' AND w.code = 'WH-CENTRAL'
     ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 50, reserved = 0`,
  );
});
afterAll(() => h.close());

async function available(): Promise<number> {
  const levels = dataAt<any[]>(await h.server.gql(`query($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }`, { id: productId }), "product.inventoryLevels");
  return levels.find((l) => l.warehouse.code === "WH-CENTRAL").available;
}

describe("the relay's scheduled tasks", () => {
  it("are their owners' own: the reservation expiry runs each minute, the purge of expired records each hour, inbound changes on demand and their retry each minute", async () => {
    const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, h.server.dataSource);
    try {
      expect(scheduledTasks(h.server.dataSource, router).map((task) => [task.name, task.schedule])).toEqual([
        [RELEASE_EXPIRED_TASK, "* * * * *"],
        [PURGE_EXPIRED_TASK, "0 * * * *"],
        [APPLY_INBOUND_TASK, undefined],
        [INBOUND_RETRY_TASK, "* * * * *"],
      ]);
    } finally {
      await router.close();
    }
  });

  it("run in the relay: its expiry job gives an expired reservation's stock back", async () => {
    const reserved = dataAt<any>(
      await h.server.gql(
        `mutation($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code } } }`,
        { input: { expiresInMinutes: 1, lines: [{ productId, warehouseId, quantity: 7 }] }, key: `scheduled-${Date.now()}` },
        h.server.adminKey,
      ),
      "stockReserve",
    );
    expect(reserved.userErrors).toEqual([]);
    expect(await available()).toBe(43);
    const id = reserved.reservation.id.split("/").pop();
    await h.server.dataSource.query(`UPDATE stock_reservation SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);

    // What the cron does each minute, now: the relay runs the job with the task the domain gave it.
    await h.server.dataSource.query(`SELECT graphile_worker.add_job($1)`, [RELEASE_EXPIRED_TASK]);
    const deadline = Date.now() + 15_000;
    while ((await available()) !== 50 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await available()).toBe(50);
    const [row] = (await h.server.dataSource.query(`SELECT released_at IS NOT NULL AS released FROM stock_reservation WHERE id = $1`, [id])) as Array<{ released: boolean }>;
    expect(row?.released).toBe(true);
  });
});

describe("the hourly purge", () => {
  it("forgets expired automatic persisted queries and buckets idle for a day, and keeps the rest", async () => {
    const db = h.server.dataSource;
    await db.query(
      `INSERT INTO persisted_query (hash, document, safelisted, expires_at) VALUES
         ('purge-expired', '{ a }', false, now() - interval '1 minute'),
         ('purge-live', '{ b }', false, now() + interval '1 hour'),
         ('purge-safelisted', '{ c }', true, now() - interval '1 minute')`,
    );
    await db.query(
      `INSERT INTO rate_limit_bucket (key, tokens, allowed, updated_at) VALUES
         ('purge:idle', 1, true, now() - interval '2 days'), ('purge:recent', 1, true, now() - interval '1 hour')`,
    );
    const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, db);
    try {
      const purge = scheduledTasks(db, router).find((task) => task.name === PURGE_EXPIRED_TASK)!;
      await purge.run(createLogger("silent"), {}, new AbortController().signal);
    } finally {
      await router.close();
    }
    const queries = (await db.query(`SELECT hash FROM persisted_query WHERE hash LIKE 'purge-%' ORDER BY hash`)) as Array<{ hash: string }>;
    expect(queries.map((row) => row.hash)).toEqual(["purge-live", "purge-safelisted"]);
    const buckets = (await db.query(`SELECT key FROM rate_limit_bucket WHERE key LIKE 'purge:%'`)) as Array<{ key: string }>;
    expect(buckets.map((row) => row.key)).toEqual(["purge:recent"]);
  });

  it("forgets settled inbound changes after 30 days, but keeps each record's latest applied one and everything still waiting", async () => {
    const db = h.server.dataSource;
    // event id, aggregate, status, days since it was received (and happened).
    const rows: Array<[string, string, string, number]> = [
      ["old-applied-1", "Product:PURGE-A", "APPLIED", 40],
      ["old-applied-2", "Product:PURGE-A", "APPLIED", 35], // the latest of PURGE-A: kept
      ["old-applied-only", "Product:PURGE-B", "APPLIED", 40], // the only one of PURGE-B: kept
      ["old-rejected", "Product:PURGE-B", "REJECTED", 40],
      ["old-parked", "Product:PURGE-C", "PARKED", 40],
      ["recent-applied", "Product:PURGE-C", "APPLIED", 2],
      ["recent-rejected", "Product:PURGE-C", "REJECTED", 2],
    ];
    for (const [eventId, aggregate, status, days] of rows) {
      await db.query(
        `INSERT INTO inbound_event (connector, event_id, type, aggregate_key, occurred_at, payload, status, received_at)
         VALUES ('purge-test', $1, 'product.upsert', $2, now() - make_interval(days => $4), '{}', $3, now() - make_interval(days => $4))`,
        [eventId, aggregate, status, days],
      );
    }
    const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, db);
    try {
      const purge = scheduledTasks(db, router).find((task) => task.name === PURGE_EXPIRED_TASK)!;
      await purge.run(createLogger("silent"), {}, new AbortController().signal);
    } finally {
      await router.close();
    }
    const left = (await db.query(`SELECT event_id FROM inbound_event WHERE connector = 'purge-test' ORDER BY event_id`)) as Array<{ event_id: string }>;
    expect(left.map((row) => row.event_id)).toEqual(["old-applied-2", "old-applied-only", "old-parked", "recent-applied", "recent-rejected"]);
  });
});
