import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCrontab } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { InboundChangeSchema, type InboundChangeInput } from "../src/commands/inbound-changes.js";
import { ALL_COMMAND_TYPES } from "../src/commands/command-types.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DOMAINS } from "../src/connectors/connector.js";
import { connectorsConfig, DEFAULT_CONNECTORS_CONFIG, parseConnectorsConfig } from "../src/connectors/connectors-config.js";
import { defineKind } from "../src/connectors/kind.js";
import { Router, type ReadRoutes, type SyncSettings } from "../src/connectors/router.js";
import type { SyncSource } from "../src/connectors/sync.js";
import { createDataSource } from "../src/db/data-source.js";
import { runSync, SyncAlreadyRunningError, SyncInterruptedError, type SyncDeps } from "../src/domains/inbound/sync/sync-runner.js";
import { syncTasks } from "../src/domains/inbound/sync/sync-tasks.js";
import { createLogger } from "../src/logger.js";
import { startRelay } from "../src/outbox/relay.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { FakeSyncBackend } from "./fakes/sync-backend.js";
import { graphql } from "./generated/index.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/**
 * A sync source over the fake backend's pages: the cursor is the next page to
 * ask for (after the last page: the page after it, which a later run finds empty).
 */
function pagedSource(url: string): SyncSource {
  return {
    async *pages(cursor, { signal, takeTurn }) {
      for (let page = cursor === null ? 1 : Number(cursor); ; page++) {
        await takeTurn();
        const response = await fetch(`${url}/changes?page=${page}`, { signal });
        if (!response.ok) throw new Error(`the backend answered ${response.status} for page ${page}`);
        const body = (await response.json()) as { changes: unknown[]; total: number; last: boolean };
        const changes = z.array(InboundChangeSchema).parse(body.changes);
        yield { changes, cursor: String(changes.length > 0 ? page + 1 : page), total: body.total };
        if (body.last) return;
      }
    },
  };
}

/** A kind of this test only (the registry stays as it is): it syncs the catalog from a fake backend over HTTP. */
const pagedKind = defineKind({
  name: "test-paged",
  summary: "a backend of this test that keeps catalog changes in pages",
  settings: z.object({ url: z.string() }),
  capabilities: { reads: {}, applies: [], delivery: "push", sync: ["catalog"] },
  create: ({ settings }) => ({ readers: {}, sync: { catalog: pagedSource(settings.url) } }),
});

/** `count` product upserts with SKUs `<prefix>-1`…, `perPage` to a page. */
function productPages(prefix: string, count: number, perPage: number): InboundChangeInput[][] {
  const pages: InboundChangeInput[][] = [];
  for (let n = 1; n <= count; n++) {
    const change: InboundChangeInput = {
      id: `${prefix}-${n}-v1`,
      occurredAt: "2026-11-01T10:00:00Z",
      type: "product.upsert",
      product: { sku: `${prefix}-${n}`, name: `Synced ${prefix} ${n}`, listPrice: "12.50" },
    };
    if ((n - 1) % perPage === 0) pages.push([]);
    pages[pages.length - 1]!.push(change);
  }
  return pages;
}

const SCHEDULE = "*/5 * * * *";
const backends = {
  erp: new FakeSyncBackend(productPages("SYNC-ERP", 10, 2)),
  flaky: new FakeSyncBackend(productPages("SYNC-FLAKY", 10, 2)),
  stopped: new FakeSyncBackend(productPages("SYNC-STOP", 10, 2)),
  slow: new FakeSyncBackend(productPages("SYNC-SLOW", 4, 2)),
  metered: new FakeSyncBackend(productPages("SYNC-METER", 10, 1)),
  cron: new FakeSyncBackend(productPages("SYNC-CRON", 3, 3)),
  abortClean: new FakeSyncBackend(productPages("ABORT-CLEAN", 8, 2)),
  abortFailed: new FakeSyncBackend(productPages("ABORT-FAILED", 8, 2)),
  mixed: new FakeSyncBackend([
    [
      { id: "acct-1", occurredAt: "2026-11-01T10:00:00Z", type: "account.upsert", account: { code: "SYNC-ACCT-1", name: "Synced account", email: "synced-account@example.com" } },
      { id: "stock-1", occurredAt: "2026-11-01T10:00:00Z", type: "stock.level", sku: "SKU-00002", warehouseCode: "WH-CENTRAL", quantity: 77 },
    ],
  ]),
};
type Name = keyof typeof backends;
/** Per connector: its schedules and quota, as the connectors file would give them. */
const SYNC_SETTINGS: Record<Name, SyncSettings> = {
  erp: { schedules: { catalog: SCHEDULE } },
  flaky: { schedules: {} },
  stopped: { schedules: {} },
  slow: { schedules: {} },
  metered: { schedules: {}, quota: { requests: 5, perSeconds: 3600 } },
  cron: { schedules: { catalog: "0 3 * * *" } },
  abortClean: { schedules: {} },
  abortFailed: { schedules: {} },
  mixed: { schedules: {} },
};

/** The store as the default config builds it, and one test-paged connector per fake backend. */
function routerOf(dataSource: ReturnType<typeof createDataSource>): Router {
  const store = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource).all();
  const paged = (Object.keys(backends) as Name[]).map((name) =>
    pagedKind.create({ name, settings: { url: backends[name].url, timeoutMs: 10_000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 10_000 } }, dataSource }),
  );
  const reads = Object.fromEntries(DOMAINS.map((domain) => [domain, ["store"]])) as unknown as ReadRoutes;
  const writes = Object.fromEntries(ALL_COMMAND_TYPES.map((type) => [type, ["store"]]));
  return new Router([...store, ...paged], reads, writes, new Map(), new Set(), new Map(Object.entries(SYNC_SETTINGS)));
}

let databaseUrl: string;
let server: TestServer;
let router: Router;
let deps: SyncDeps;
beforeAll(async () => {
  for (const backend of Object.values(backends)) await backend.start();
  databaseUrl = await copyWriteTemplate("sync");
  server = await startTestServer({ databaseUrl, router: (dataSource) => (router = routerOf(dataSource)) });
  deps = { dataSource: server.dataSource, router, logger: createLogger("silent") };
});
afterAll(async () => {
  await server?.close();
  for (const backend of Object.values(backends)) await backend.stop();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

/** The stored state of a connector's catalog sync. */
async function stateOf(connector: string) {
  const [row] = (await server.dataSource.query(`SELECT cursor, running_since, last_run_at, last_success_at, items_applied::int AS items, errors, last_error FROM sync_state WHERE connector = $1 AND domain = 'catalog'`, [connector])) as any[];
  return row;
}

/** How many products with SKUs starting with `prefix` exist, and how many of the connector's changes were stored. */
async function countsOf(prefix: string, connector: string) {
  const [row] = (await server.dataSource.query(
    `SELECT (SELECT count(*)::int FROM product WHERE sku LIKE $1 || '-%' AND synced_from = $2) AS products,
            (SELECT count(*)::int FROM inbound_event WHERE connector = $2) AS events`,
    [prefix, connector],
  )) as Array<{ products: number; events: number }>;
  return row!;
}

const CONNECTORS = graphql(`
  query SyncTestConnectors {
    connectors { name syncs { domain schedule runningSince lastRunAt lastSuccessAt itemsApplied errors lastError nextRunAt } }
  }
`);
const ACCOUNT_AND_STOCK_SOURCE = graphql(`
  query SyncTestAccountAndStockSource($code: String!, $sku: String!) {
    account(code: $code) { code source { connector syncedAt } }
    product(sku: $sku) { inventoryLevels { onHand warehouse { code } source { connector syncedAt } } }
  }
`);
const PRODUCT_SOURCE = graphql(`
  query SyncTestProductSource($sku: String!) { product(sku: $sku) { sku source { connector syncedAt } inventoryLevels { source { connector } } } }
`);

/** `ConnectorInfo.syncs` of one connector, through the API. */
async function syncsOf(name: string) {
  const connectors = dataAt<Array<{ name: string; syncs: any[] }>>(await server.gql(CONNECTORS, {}, server.adminKey), "connectors");
  return connectors.find((c) => c.name === name)!.syncs;
}

describe("a sync run", () => {
  it("applies every page of the backend, stores its high-water mark and counts, and a run after it asks only past the mark", async () => {
    const result = await runSync(deps, "erp", "catalog");
    expect(result).toMatchObject({ pages: 5, itemsRead: 10, itemsApplied: 10, duplicates: 0, cursor: "6", total: 10 });
    expect(backends.erp.requested).toEqual([1, 2, 3, 4, 5]);
    expect(await countsOf("SYNC-ERP", "erp")).toEqual({ products: 10, events: 10 });
    expect(await stateOf("erp")).toMatchObject({ cursor: "6", running_since: null, items: 10, errors: 0, last_error: null });

    const again = await runSync(deps, "erp", "catalog");
    expect(backends.erp.requested).toEqual([1, 2, 3, 4, 5, 6]);
    expect(again).toMatchObject({ pages: 1, itemsRead: 0, itemsApplied: 0, cursor: "6" });
    expect(await countsOf("SYNC-ERP", "erp")).toEqual({ products: 10, events: 10 });
  });

  it("that fails on page 3 keeps the cursor of page 3 and the error; the next run resumes at page 3 and ends with everything once", async () => {
    backends.flaky.failPageOnce = 3;
    await expect(runSync(deps, "flaky", "catalog")).rejects.toThrow("the backend answered 500 for page 3");
    expect(backends.flaky.requested).toEqual([1, 2, 3]);
    expect(await stateOf("flaky")).toMatchObject({ cursor: "3", running_since: null, items: 4, errors: 1, last_error: "the backend answered 500 for page 3" });
    expect((await stateOf("flaky")).last_success_at).toBeNull();
    expect(await countsOf("SYNC-FLAKY", "flaky")).toEqual({ products: 4, events: 4 });

    const resumed = await runSync(deps, "flaky", "catalog");
    expect(backends.flaky.requested).toEqual([1, 2, 3, 3, 4, 5]);
    // The resumed walk goes on counting: 4 before the failure, 6 now.
    expect(resumed).toMatchObject({ pages: 3, itemsRead: 6, itemsApplied: 10, duplicates: 0, cursor: "6" });
    expect(await countsOf("SYNC-FLAKY", "flaky")).toEqual({ products: 10, events: 10 });
    expect(await stateOf("flaky")).toMatchObject({ cursor: "6", items: 10, errors: 0, last_error: null });
  });

  it("stopped half way (Ctrl-C) stops at the next page without counting an error, and the next run resumes there", async () => {
    const stop = new AbortController();
    await expect(runSync(deps, "stopped", "catalog", { signal: stop.signal, onProgress: (p) => p.pages === 2 && stop.abort() })).rejects.toBeInstanceOf(SyncInterruptedError);
    expect(backends.stopped.requested).toEqual([1, 2]);
    expect(await stateOf("stopped")).toMatchObject({ cursor: "3", running_since: null, items: 4, errors: 0 });
    expect((await stateOf("stopped")).last_error).toBeNull();

    await runSync(deps, "stopped", "catalog");
    expect(backends.stopped.requested).toEqual([1, 2, 3, 4, 5]);
    expect(await countsOf("SYNC-STOP", "stopped")).toEqual({ products: 10, events: 10 });
  });

  it("runs once at a time: a second run of the same sync while one is under way is refused, and the API shows the one running", async () => {
    backends.slow.delayMs = 400;
    const first = runSync(deps, "slow", "catalog");
    // Wait until the first run holds the lock and has marked itself running.
    for (let i = 0; i < 100 && !(await stateOf("slow"))?.running_since; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(runSync(deps, "slow", "catalog")).rejects.toBeInstanceOf(SyncAlreadyRunningError);
    const [running] = await syncsOf("slow");
    expect(running).toMatchObject({ domain: "catalog", schedule: null });
    expect(running.runningSince).not.toBeNull();
    await first;
    expect(backends.slow.requested).toEqual([1, 2]);
    const [done] = await syncsOf("slow");
    expect(done).toMatchObject({ runningSince: null, itemsApplied: 4, errors: 0 });
  });

  it("leaves a fifth of the connector's request quota to reads: with 5 requests an hour it makes 4 calls, then waits", async () => {
    const stop = new AbortController();
    const run = runSync(deps, "metered", "catalog", { signal: stop.signal });
    // The fifth turn waits for the bucket to refill (an hour): the walk stops there until it is stopped.
    for (let i = 0; i < 200 && backends.metered.requested.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(backends.metered.requested).toEqual([1, 2, 3, 4]);
    const [bucket] = (await server.dataSource.query(`SELECT floor(tokens)::int AS tokens FROM rate_limit_bucket WHERE key = 'connector:metered'`)) as Array<{ tokens: number }>;
    expect(bucket!.tokens).toBe(1);
    stop.abort();
    await expect(run).rejects.toBeInstanceOf(SyncInterruptedError);
    expect(await stateOf("metered")).toMatchObject({ cursor: "5", items: 4 });
  });
});

describe("sync status and freshness", () => {
  it("Query.connectors shows each sync's schedule, last run and success, items applied, errors and next run", async () => {
    const [erp] = await syncsOf("erp");
    expect(erp).toMatchObject({ domain: "catalog", schedule: SCHEDULE, runningSince: null, itemsApplied: 0, errors: 0, lastError: null });
    expect(erp.lastSuccessAt).not.toBeNull();
    expect(new Date(erp.lastSuccessAt).getTime()).toBeGreaterThanOrEqual(new Date(erp.lastRunAt).getTime());
    const next = new Date(erp.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect([next.getUTCMinutes() % 5, next.getUTCSeconds()]).toEqual([0, 0]);
    // A connector with a schedule that never ran: its schedule and next run, nothing else yet.
    const [cron] = await syncsOf("cron");
    expect(cron).toMatchObject({ domain: "catalog", schedule: "0 3 * * *", lastRunAt: null, lastSuccessAt: null, itemsApplied: 0 });
    expect([new Date(cron.nextRunAt).getUTCHours(), new Date(cron.nextRunAt).getUTCMinutes()]).toEqual([3, 0]);
    // The store syncs nothing: no syncs listed.
    expect(await syncsOf("store")).toEqual([]);
  });

  it("a synced product says where it came from; a product never synced has no source", async () => {
    const synced = dataAt<any>(await server.gql(PRODUCT_SOURCE, { sku: "SYNC-ERP-1" }, server.adminKey), "product");
    expect(synced.source.connector).toBe("erp");
    expect(new Date(synced.source.syncedAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    const seeded = dataAt<any>(await server.gql(PRODUCT_SOURCE, { sku: "SKU-00001" }, server.adminKey), "product");
    expect(seeded.source).toBeNull();
    expect(seeded.inventoryLevels.every((level: { source: unknown }) => level.source === null)).toBe(true);
  });

  it("a synced account and a synced stock level say where they came from; the product's other levels do not", async () => {
    await runSync(deps, "mixed", "catalog");
    const data = dataAt<any>(await server.gql(ACCOUNT_AND_STOCK_SOURCE, { code: "SYNC-ACCT-1", sku: "SKU-00002" }, server.adminKey), "");
    expect(data.account.source.connector).toBe("mixed");
    const levels = data.product.inventoryLevels as Array<{ onHand: number; warehouse: { code: string }; source: { connector: string } | null }>;
    const central = levels.find((level) => level.warehouse.code === "WH-CENTRAL")!;
    expect(central).toMatchObject({ onHand: 77, source: { connector: "mixed" } });
    expect(levels.filter((level) => level.warehouse.code !== "WH-CENTRAL").every((level) => level.source === null)).toBe(true);
  });
});

describe("sync schedules", () => {
  it("each sync schedule is a relay task sync:<connector>:<domain> that graphile-worker's crontab accepts, and the relay runs it", async () => {
    const tasks = syncTasks(server.dataSource, router);
    expect(tasks.map((task) => [task.name, task.schedule])).toEqual([
      ["sync:erp:catalog", SCHEDULE],
      ["sync:cron:catalog", "0 3 * * *"],
    ]);
    expect(parseCrontab(tasks.map((task) => `${task.schedule} ${task.name}`).join("\n")).map((item) => item.identifier)).toEqual(["sync:erp:catalog", "sync:cron:catalog"]);

    const relay = await startRelay({ databaseUrl, tasks, router, logger: createLogger("silent"), concurrency: 1, sweepIntervalMs: 60_000 });
    try {
      // What the cron does at 03:00, now.
      await server.dataSource.query(`SELECT graphile_worker.add_job('sync:cron:catalog')`);
      for (let i = 0; i < 300 && !(await stateOf("cron"))?.last_success_at; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await relay.stop();
    }
    expect(backends.cron.requested).toEqual([1]);
    expect(await countsOf("SYNC-CRON", "cron")).toEqual({ products: 3, events: 3 });
  });

  it("a schedule for a domain the connector's kind cannot sync stops start-up, naming the key and what it syncs", () => {
    const config = parseConnectorsConfig("connectors:\n  store:\n    kind: store\n  erp:\n    kind: econnect\n    url: http://erp.example\n    apiKey: k\n    sync:\n      invoices: \"0 3 * * *\"\n", "c.yaml", {});
    const never = createDataSource({ url: "postgres://unused@127.0.0.1:1/unused" });
    expect(() => buildRouter(config, never)).toThrow(/^connectors\.erp\.sync\.invoices: kind econnect cannot sync invoices; it syncs: /);
    expect(() => buildRouter(connectorsConfig({ connectors: { store: { kind: "store", sync: { orders: "* * * * *" } } } }), never)).toThrow(
      /^connectors\.store\.sync\.orders: kind store cannot sync orders; it syncs: /,
    );
  });
});

/** `npm run sync -- …` as a real process (node on src/main.ts, as the script runs it) on this file's database. */
function runSyncProcess(configFile: string, args: string[], onLine?: (line: string, kill: () => void) => void) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !["DATABASE_URL", "NODE_ENV", "LOG_LEVEL", "COMMERCE_GRAPH_CONFIG"].includes(key)) env[key] = value;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "sync", ...args], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...env, NODE_ENV: "development", LOG_LEVEL: "info", DATABASE_URL: databaseUrl, COMMERCE_GRAPH_CONFIG: configFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output += chunk;
      for (const line of chunk.split("\n")) if (line) onLine?.(line, () => child.kill("SIGINT"));
    });
  }
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("npm run sync", () => {
  let fake: EconnectFake;
  let dir: string;
  let configFile: string;
  beforeAll(async () => {
    fake = await new EconnectFake("cli-key").seed({ items: 250 }).start();
    // Every item's on-hand differs from the store's, so that each one is a change.
    for (const item of fake.items.values()) item.onhand = 1000 + Number(item.id);
    dir = mkdtempSync(join(tmpdir(), "sync-cli-"));
    configFile = join(dir, "connectors.yaml");
    writeFileSync(
      configFile,
      `connectors:\n  store:\n    kind: store\n  erp:\n    kind: econnect\n    url: ${fake.url}\n    apiKey: cli-key\n    warehouseCode: WH-EAST\n    walk: { requestIntervalMs: 0 }\n    sync:\n      inventory: "*/5 * * * *"\n`,
    );
  });
  afterAll(async () => {
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The erp inventory sync's stored state. */
  const erpInventory = async () =>
    ((await server.dataSource.query(`SELECT cursor, last_success_at, last_error, errors FROM sync_state WHERE connector = 'erp' AND domain = 'inventory'`)) as any[])[0];

  it("names what exists when the connector or the domain does not, and exits 1", async () => {
    const unknown = await runSyncProcess(configFile, ["nosuch"]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('no connector named "nosuch" in the connectors file; connectors that sync: store, erp');
    const domain = await runSyncProcess(configFile, ["erp", "invoices"]);
    expect(domain.code).toBe(1);
    expect(domain.output).toContain('connector "erp" (kind econnect) cannot sync "invoices"; it syncs: catalog, inventory');
  });

  it("Ctrl-C stops at the next page with exit code 130, the run resumes from there, and a run to the end exits 0", async () => {
    fake.delayMs = 300;
    const before = fake.requests.length;
    // Interrupted as soon as the first page is stored (the line the command writes per page).
    const stopped = await runSyncProcess(configFile, ["erp"], (line, kill) => line.includes("erp inventory: page 1,") && kill());
    expect(stopped.code).toBe(130);
    const state = await erpInventory();
    expect(state.last_error).toBeNull();
    expect(state.last_success_at).toBeNull();
    const offsets = () => fake.requests.slice(before).filter((r) => r.command === "inventory.list").map((r) => r.params.offset);
    const walkedBeforeStop = offsets().length;
    expect(walkedBeforeStop).toBeGreaterThanOrEqual(1);
    expect(walkedBeforeStop).toBeLessThan(3);

    fake.delayMs = 0;
    const resumed = await runSyncProcess(configFile, ["erp", "inventory"]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain("erp inventory: done");
    // The resumed run asks from where the stopped one had stored its cursor, not from offset 0 again.
    expect(offsets().slice(walkedBeforeStop)[0]).not.toBe("0");
    expect(await erpInventory()).toMatchObject({ last_error: null, errors: 0 });
    const [synced] = (await server.dataSource.query(
      `SELECT count(*)::int AS n FROM inventory_level il JOIN warehouse w ON w.id = il.warehouse_id WHERE w.code = 'WH-EAST' AND il.synced_from = 'erp'`,
    )) as Array<{ n: number }>;
    expect(synced!.n).toBeGreaterThan(0);
  });
});

/** Runs the sync and aborts it once `pages` pages are stored. */
async function abortAfter(connector: Name, pages: number): Promise<void> {
  const stop = new AbortController();
  await expect(runSync(deps, connector, "catalog", { signal: stop.signal, onProgress: (p) => p.pages === pages && stop.abort() })).rejects.toBeInstanceOf(SyncInterruptedError);
}

// Ctrl-C (an aborted run) is not a sync failure: the error count and the last error stay as they were.
describe("a sync run stopped by Ctrl-C", () => {
  it("counts no error and sets no last error; the cursor stays where it got to", async () => {
    await abortAfter("abortClean", 2);
    expect(await stateOf("abortClean")).toMatchObject({ cursor: "3", running_since: null, last_success_at: null, errors: 0, last_error: null });
  });

  it("keeps the error count and the last error of an earlier failed run as they were", async () => {
    backends.abortFailed.failPageOnce = 2;
    await expect(runSync(deps, "abortFailed", "catalog")).rejects.toThrow("the backend answered 500 for page 2");
    expect(await stateOf("abortFailed")).toMatchObject({ cursor: "2", errors: 1, last_error: "the backend answered 500 for page 2" });

    await abortAfter("abortFailed", 1);
    expect(await stateOf("abortFailed")).toMatchObject({ cursor: "3", running_since: null, errors: 1, last_error: "the backend answered 500 for page 2" });

    // A run to the end clears them.
    await runSync(deps, "abortFailed", "catalog");
    expect(await stateOf("abortFailed")).toMatchObject({ errors: 0, last_error: null });
  });
});
