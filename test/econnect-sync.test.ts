import type { DataSource } from "typeorm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InboundChange } from "../src/commands/inbound-changes.js";
import { buildRouter, createConnector } from "../src/connectors/build-router.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import type { SyncPage, SyncSource } from "../src/connectors/sync.js";
import { connectAndMigrate } from "../src/db/data-source.js";
import { runSync } from "../src/domains/inbound/sync/sync-runner.js";
import { createLogger } from "../src/logger.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";

let fake: EconnectFake;
let databaseUrl: string;
let dataSource: DataSource;

beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("econnect_sync");
  dataSource = await connectAndMigrate({ url: databaseUrl, poolSize: 3 });
  fake = await new EconnectFake("sync-key").start();
});
afterAll(async () => {
  await fake.stop();
  await dataSource.destroy();
  await dropDatabase(databaseUrl);
});

/** 250 ERP items SKU-00001…SKU-00250, the store's SKUs; the store's on-hand in WH-EAST plus 5, so that each one differs. */
beforeEach(async () => {
  fake.items.clear();
  fake.seed({ items: 250 });
  fake.ignorePaging = false;
  const store = await onHandIn("WH-EAST");
  for (const item of fake.items.values()) item.onhand = (store.get(item.code) ?? 0) + 5;
});

/** The store's on-hand quantities of one warehouse, by SKU. */
async function onHandIn(warehouseCode: string): Promise<Map<string, number>> {
  const rows = (await dataSource.query(
    `SELECT p.sku, il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE w.code = $1`,
    [warehouseCode],
  )) as Array<{ sku: string; on_hand: number }>;
  return new Map(rows.map((r) => [r.sku, Number(r.on_hand)]));
}

/** The eConnect connector `erp` of a connectors file with these walk settings. */
function erp(walk: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  const config = connectorsConfig({
    connectors: { store: { kind: "store" }, erp: { kind: "econnect", url: fake.url, apiKey: "sync-key", warehouseCode: "WH-EAST", timeoutMs: 2000, walk: { requestIntervalMs: 0, ...walk }, ...settings } },
  });
  return createConnector("erp", config.connectors.erp!, dataSource);
}

/** Walks a source from `cursor`, counting the quota turns; stops after `stopAfter` pages when given. */
async function walk(source: SyncSource, cursor: string | null = null, stopAfter = Infinity): Promise<{ pages: SyncPage[]; turns: number }> {
  const pages: SyncPage[] = [];
  let turns = 0;
  for await (const page of source.pages(cursor, { signal: new AbortController().signal, takeTurn: async () => void turns++ })) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return { pages, turns };
}

const listCalls = () => fake.requests.filter((r) => r.command === "inventory.list");
const stock = (changes: InboundChange[]) => changes.map((c) => (c.type === "stock.level" ? `${c.sku}@${c.warehouseCode}=${c.quantity}` : c.type));

describe("eConnect's inventory sync: a walk of inventory.list", () => {
  it("walks the list page by page into stock levels of the connector's warehouse, with the next page as cursor and nothing after the last", async () => {
    const before = listCalls().length;
    const { pages, turns } = await walk(erp().sync!.inventory!);
    const calls = listCalls().slice(before);
    expect(calls.map((c) => [c.params.offset, c.params.limit])).toEqual([["0", "100"], ["100", "100"], ["200", "100"]]);
    expect(turns).toBe(3);
    expect(pages.map((p) => p.cursor && JSON.parse(p.cursor).at)).toEqual([100, 200, null]);
    expect(pages.map((p) => p.changes.length)).toEqual([100, 100, 50]);
    expect(pages[0]!.total).toBe(250);
    const item = fake.items.get("101")!;
    expect(stock(pages[0]!.changes)[0]).toBe(`SKU-00001@WH-EAST=${item.onhand}`);
    const ids = pages.flatMap((p) => p.changes.map((c) => c.id));
    expect(new Set(ids).size).toBe(250);
    expect(ids[0]).toMatch(/^101:[\w-]{16}@\d{4}-\d\d-\d\dT/);
  });

  it("leaves out items whose quantity the store already holds, and items the store does not sell", async () => {
    const store = await onHandIn("WH-EAST");
    for (const item of fake.items.values()) if (item.code <= "SKU-00010") item.onhand = store.get(item.code) ?? 0;
    fake.items.get("102")!.code = "NOT-IN-THE-STORE";
    const { pages } = await walk(erp().sync!.inventory!);
    const skus = pages.flatMap((p) => p.changes.map((c) => (c.type === "stock.level" ? c.sku : "")));
    // The first 10 match only where the store has a level row: a missing row is a difference.
    const unchanged = [...Array(10).keys()].map((i) => `SKU-${String(i + 1).padStart(5, "0")}`).filter((sku) => store.has(sku) && sku !== "SKU-00002");
    expect(skus).not.toContain("NOT-IN-THE-STORE");
    for (const sku of unchanged) expect(skus).not.toContain(sku);
    expect(skus.length).toBe(250 - 1 - unchanged.length);
  });

  it("a walk that fails on page 3 leaves the cursor at page 3, and resumes there as the same walk", async () => {
    const source = erp().sync!.inventory!;
    const seen: SyncPage[] = [];
    const failing = (async () => {
      for await (const page of source.pages(null, { signal: new AbortController().signal, takeTurn: async () => undefined })) {
        seen.push(page);
        if (seen.length === 2) fake.failNext(1, 500);
      }
    })();
    await expect(failing).rejects.toThrow(/inventory\.list/);
    expect(seen).toHaveLength(2);
    const cursor = seen[1]!.cursor!;
    expect(JSON.parse(cursor).at).toBe(200);

    const before = listCalls().length;
    const { pages } = await walk(source, cursor);
    expect(listCalls().slice(before).map((c) => c.params.offset)).toEqual(["200"]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.cursor).toBeNull();
    const walkOf = (change: InboundChange) => change.id.slice(change.id.indexOf("@"));
    expect(walkOf(pages[0]!.changes[0]!)).toBe(walkOf(seen[0]!.changes[0]!));
  });

  it("a server that answers the whole list for every page is detected, naming the setting to check", async () => {
    fake.ignorePaging = true;
    const before = listCalls().length;
    await expect(walk(erp().sync!.inventory!)).rejects.toThrow(
      "erp inventory.list answered 250 items for a page of 100: the server ignores the page size; check connectors.erp.walk.paging (`none` for a server that does not page) and connectors.erp.walk.offsetParam and connectors.erp.walk.sizeParam",
    );
    expect(listCalls().length - before).toBe(1);
  });

  it("a server that ignores the offset (the same items again) stops the walk instead of looping", async () => {
    const before = listCalls().length;
    // The fake does not know `start`: it answers the first 100 items for every page.
    await expect(walk(erp({ offsetParam: "start" }).sync!.inventory!)).rejects.toThrow(
      "erp inventory.list answered the same items for the page at item 100 as for the page before: the server ignores the paging; check connectors.erp.walk.paging",
    );
    expect(listCalls().length - before).toBe(2);
  });

  it("with `paging: none` one call brings the whole list, walked in pages of `pageSize`", async () => {
    fake.ignorePaging = true;
    const before = listCalls().length;
    const { pages } = await walk(erp({ paging: "none", pageSize: 120 }).sync!.inventory!);
    expect(listCalls().length - before).toBe(1);
    expect(listCalls().at(-1)!.params).toEqual({});
    expect(pages.map((p) => p.changes.length)).toEqual([120, 120, 10]);
    expect(pages.map((p) => p.cursor && JSON.parse(p.cursor).at)).toEqual([120, 240, null]);
  });

  it("with `paging: page` the page number is sent from `firstPage`", async () => {
    const before = listCalls().length;
    // The fake pages by offset: it ignores `page`, so the second page repeats the first — the setting is what is checked here.
    await expect(walk(erp({ paging: "page", pageParam: "pg", firstPage: 1 }).sync!.inventory!)).rejects.toThrow(/connectors\.erp\.walk\.pageParam/);
    expect(listCalls().slice(before).map((c) => c.params.pg)).toEqual(["1", "2"]);
  });

  it("keeps the time controller: one call per `requestIntervalMs`, a quota turn for each, one walk at a time", async () => {
    const connector = erp({ requestIntervalMs: 300 });
    const before = listCalls().length;
    const first = connector.sync!.inventory!.pages(null, { signal: new AbortController().signal, takeTurn: async () => undefined })[Symbol.asyncIterator]();
    await first.next();
    await expect(walk(connector.sync!.catalog!)).rejects.toThrow("erp: a walk of inventory.list (inventory) is already running");
    while (!(await first.next()).done);
    const times = listCalls().slice(before).map((c) => c.at);
    expect(times).toHaveLength(3);
    // No two calls within one interval (the fake's clock; a little slack for timer granularity).
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(290);
    // The walk is over: another may start.
    expect((await walk(connector.sync!.catalog!)).pages).toHaveLength(3);
  });

  it("an abort stops the walk before its next call, even while it waits for its turn", async () => {
    const controller = new AbortController();
    const before = listCalls().length;
    const pages: SyncPage[] = [];
    // A minute between calls: the walk ends only because the abort cuts the wait short.
    for await (const page of erp({ requestIntervalMs: 60_000 }).sync!.inventory!.pages(null, { signal: controller.signal, takeTurn: async () => undefined })) {
      pages.push(page);
      setTimeout(() => controller.abort(), 100);
    }
    expect(pages).toHaveLength(1);
    expect(listCalls().length - before).toBe(1);
  });

  it("stock is per ERP store: each store of `walk.stores` is walked into its warehouse", async () => {
    for (const item of fake.items.values()) item.stores = { "1": 1000 + Number(item.id), "2": 2000 + Number(item.id) };
    const before = listCalls().length;
    const { pages } = await walk(erp({ stores: { "1": "WH-EAST", "2": "WH-WEST" } }).sync!.inventory!);
    expect(listCalls().slice(before).map((c) => `${c.params.store}@${c.params.offset}`)).toEqual(["1@0", "1@100", "1@200", "2@0", "2@100", "2@200"]);
    expect(pages.map((p) => p.cursor && JSON.parse(p.cursor)).map((c) => c && `${c.scope}@${c.at}`)).toEqual(["0@100", "0@200", "1@0", "1@100", "1@200", null]);
    expect(stock(pages[0]!.changes)[0]).toBe("SKU-00001@WH-EAST=1101");
    expect(stock(pages[3]!.changes)[0]).toBe("SKU-00001@WH-WEST=2101");
    expect(pages[3]!.changes[0]!.id).toMatch(/^2:101:/);
  });

  it("a store mapped to a warehouse the store lacks fails, naming the setting", async () => {
    await expect(walk(erp({ stores: { "9": "WH-NOWHERE" } }).sync!.inventory!)).rejects.toThrow(
      "erp: the store has no warehouse WH-NOWHERE to put the ERP's stock in; check connectors.erp.walk.stores.9",
    );
  });

  it("an answer that does not fit the settings fails naming the field and its setting, never a NaN", async () => {
    (fake.items.get("103")! as { onhand: unknown }).onhand = "plenty";
    await expect(walk(erp().sync!.inventory!)).rejects.toThrow(
      'erp inventory.list: item 3 of the page (SKU-00003) has <onhand> "plenty", which is not a whole number from 0 to 1000000000; check connectors.erp.walk.fields.onHand',
    );
    await expect(walk(erp({ fields: { onHand: "qty" } }).sync!.inventory!)).rejects.toThrow("has no <qty>, which is not a whole number");
    await expect(walk(erp({ itemsElement: "row" }).sync!.inventory!)).rejects.toThrow(
      "erp inventory.list: the answer counts 250 items but has no <row> element; check connectors.erp.walk.itemsElement",
    );
  });

  it("bad walk settings are refused when the connectors file is read", () => {
    expect(() => erp({ pageSize: 501 })).toThrow(/pageSize/);
    expect(() => erp({ paging: "cursor" })).toThrow(/paging/);
    expect(() => erp({ offsetParam: "a b" })).toThrow(/a parameter or element name/);
  });
});

describe("eConnect's catalog sync", () => {
  it("brings names and prices that differ from the store's products (and products it lacks), leaving the rest out", async () => {
    const [product] = (await dataSource.query(`SELECT name, list_price::text AS price FROM product WHERE sku = 'SKU-00004'`)) as Array<{ name: string; price: string }>;
    Object.assign(fake.items.get("104")!, { name: product!.name, price: `${product!.price}00` });
    Object.assign(fake.items.get("105")!, { code: "ERP-ONLY-1", name: "Only in the ERP", price: "7.5" });
    const { pages } = await walk(erp().sync!.catalog!);
    const changes = pages.flatMap((p) => p.changes);
    expect(changes.every((c) => c.type === "product.upsert")).toBe(true);
    const bySku = new Map(changes.map((c) => [c.type === "product.upsert" ? c.product.sku : "", c]));
    expect(bySku.has("SKU-00004")).toBe(false);
    expect(bySku.get("ERP-ONLY-1")).toMatchObject({ product: { sku: "ERP-ONLY-1", name: "Only in the ERP", listPrice: "7.50", currencyCode: "USD" } });
    expect(changes).toHaveLength(249);
  });

  it("a price with more than 2 significant decimals fails naming the setting", async () => {
    fake.items.get("101")!.price = "1.005";
    await expect(walk(erp().sync!.catalog!)).rejects.toThrow('item 1 of the page (SKU-00001) has <price> "1.005", which is not a price with at most 2 decimals; check connectors.erp.walk.fields.price');
  });
});

describe("eConnect's inventory sync through the sync runner", () => {
  const deps = () => {
    const config = connectorsConfig({
      connectors: {
        store: { kind: "store" },
        erp: { kind: "econnect", url: fake.url, apiKey: "sync-key", warehouseCode: "WH-EAST", timeoutMs: 2000, walk: { requestIntervalMs: 0 }, rateLimit: { requests: 4, perSeconds: 1 }, sync: { inventory: "*/15 * * * *" } },
      },
    });
    return { dataSource, router: buildRouter(config, dataSource), logger: createLogger("silent") };
  };
  const cursorOf = async () => ((await dataSource.query(`SELECT cursor FROM sync_state WHERE connector = 'erp' AND domain = 'inventory'`)) as Array<{ cursor: string | null }>)[0]?.cursor ?? null;

  it("a run failing on page 3 keeps its cursor there; the next run resumes at page 3 and the store ends with the ERP's stock, from erp", async () => {
    const d = deps();
    const before = listCalls().length;
    await expect(runSync(d, "erp", "inventory", { onProgress: (p) => void (p.pages === 2 && fake.failNext(1, 500)) })).rejects.toThrow(/inventory\.list/);
    expect(JSON.parse((await cursorOf())!).at).toBe(200);
    const resumedFrom = listCalls().length;
    const result = await runSync(d, "erp", "inventory");
    expect(listCalls().slice(resumedFrom).map((c) => c.params.offset)).toEqual(["200"]);
    expect(listCalls().length - before).toBe(4);
    expect(result.cursor).toBeNull();
    const rows = (await dataSource.query(
      `SELECT p.sku, il.on_hand, il.synced_from FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE w.code = 'WH-EAST' AND p.sku = ANY($1)`,
      [[...fake.items.values()].map((i) => i.code)],
    )) as Array<{ sku: string; on_hand: number; synced_from: string | null }>;
    const erpStock = new Map([...fake.items.values()].map((i) => [i.code, i.onhand]));
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) expect({ sku: row.sku, onHand: Number(row.on_hand), from: row.synced_from }).toEqual({ sku: row.sku, onHand: erpStock.get(row.sku), from: "erp" });
    // Nothing differs any more: the next walk brings nothing.
    expect((await runSync(d, "erp", "inventory")).itemsRead).toBe(0);
  });

  it("keeps within the connector's request quota: never more calls in a second than the bucket holds and refills", async () => {
    fake.items.clear();
    fake.seed({ items: 2000 });
    const before = listCalls().length;
    await runSync(deps(), "erp", "inventory");
    const times = listCalls().slice(before).map((c) => c.at);
    // 20 full pages, then an empty one past the end.
    expect(times).toHaveLength(21);
    // 4 a second with a burst of 4: in any second at most 8 calls (without the quota, all 20 come at once).
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(8);
  });
});
