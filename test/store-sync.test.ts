import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter, createConnector } from "../src/connectors/build-router.js";
import type { Connector } from "../src/connectors/connector.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import type { SyncPage, SyncSource } from "../src/connectors/sync.js";
import { connectAndMigrate } from "../src/db/data-source.js";
import { runSync } from "../src/domains/inbound/sync/sync-runner.js";
import { createLogger } from "../src/logger.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";

/** The other store: a database of its own, read by a `store` connector with `databaseUrl`. */
let otherUrl: string;
let other: DataSource;
/** Our store. */
let ourUrl: string;
let ours: DataSource;
let web2: Connector;

beforeAll(async () => {
  otherUrl = await copyWriteTemplate("store_sync_other");
  ourUrl = await copyWriteTemplate("store_sync_ours");
  other = await connectAndMigrate({ url: otherUrl, poolSize: 2 });
  ours = await connectAndMigrate({ url: ourUrl, poolSize: 2 });
  // The seed writes every row in one transaction (one `updated_at`): spread them a day back, so that a change made now stands out.
  await other.query(`UPDATE product SET updated_at = now() - interval '1 day' - (interval '1 second' * (abs(hashtext(sku)) % 3600))`);
  await other.query(`UPDATE inventory_level SET updated_at = now() - interval '1 day' - (interval '1 second' * (abs(hashtext(product_id::text || warehouse_id::text)) % 3600))`);
  const config = connectorsConfig({ connectors: { store: { kind: "store" }, web2: { kind: "store", databaseUrl: otherUrl } } });
  web2 = createConnector("web2", config.connectors.web2!, ours);
});
afterAll(async () => {
  await web2.close?.();
  await Promise.all([other.destroy(), ours.destroy()]);
  await Promise.all([dropDatabase(otherUrl), dropDatabase(ourUrl)]);
});

/** Walks a source from `cursor`, counting the quota turns. */
async function walk(source: SyncSource, cursor: string | null = null): Promise<{ pages: SyncPage[]; turns: number }> {
  const pages: SyncPage[] = [];
  let turns = 0;
  for await (const page of source.pages(cursor, { signal: new AbortController().signal, takeTurn: async () => void turns++ })) pages.push(page);
  return { pages, turns };
}

const count = async (db: DataSource, table: string) => Number(((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0]!.n);

describe("a store with databaseUrl syncs the other store's catalog and stock", () => {
  it("the catalog: every product of the other store in keyset pages of 500, by its updated_at, then only what changed after the mark", async () => {
    const products = await count(other, "product");
    const first = await walk(web2.sync!.catalog!);
    const changes = first.pages.flatMap((p) => p.changes);
    expect(changes).toHaveLength(products);
    expect(first.pages.map((p) => p.changes.length).slice(0, -1).every((n) => n === 500)).toBe(true);
    expect(first.turns).toBe(first.pages.length);
    expect(new Set(changes.map((c) => c.id)).size).toBe(products);
    const [row] = (await other.query(`SELECT id, sku, name, list_price::text AS price FROM product WHERE sku = 'SKU-00003'`)) as Array<{ id: string; sku: string; name: string; price: string }>;
    const change = changes.find((c) => c.type === "product.upsert" && c.product.sku === "SKU-00003")!;
    expect(change).toMatchObject({ type: "product.upsert", product: { sku: "SKU-00003", name: row!.name, listPrice: row!.price, currencyCode: "USD" } });
    expect(change.id).toMatch(new RegExp(`^product:${row!.id}@\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$`));
    const occurred = changes.map((c) => c.occurredAt.getTime());
    expect(occurred).toEqual([...occurred].sort((a, b) => a - b));
    const mark = JSON.parse(first.pages.at(-1)!.cursor!);
    expect(mark.done).toBe(true);

    // A product changed (and one added) in the other store: the next run from the mark brings just those.
    await other.query(`UPDATE product SET name = 'Renamed in web2', updated_at = now() WHERE sku = 'SKU-00003'`);
    await other.query(`INSERT INTO product (sku, name, description, list_price, currency_code, base_unit) VALUES ('WEB2-NEW', 'New in web2', '', 12.5, 'USD', 'EA')`);
    const second = (await walk(web2.sync!.catalog!, first.pages.at(-1)!.cursor)).pages.flatMap((p) => p.changes);
    // What it reads again (the minute before the mark) has the ids of the first run: duplicates.
    const seen = new Set(changes.map((c) => c.id));
    const fresh = second.filter((c) => !seen.has(c.id)).map((c) => (c.type === "product.upsert" ? `${c.product.sku}:${c.product.name}:${c.product.listPrice}` : c.type));
    expect(fresh).toEqual(["SKU-00003:Renamed in web2:" + row!.price, "WEB2-NEW:New in web2:12.50"]);
    expect(second.length).toBeLessThan(50);
  });

  it("a row committed late (its updated_at before the last mark) is still read: a run starts a minute before the mark, and what it reads again has the same id", async () => {
    const done = (await walk(web2.sync!.catalog!)).pages.at(-1)!.cursor!;
    const before = (await walk(web2.sync!.catalog!, done)).pages.flatMap((p) => p.changes.map((c) => c.id));
    await other.query(`UPDATE product SET name = 'Committed late', updated_at = $1::timestamptz - interval '20 seconds' WHERE sku = 'SKU-00004'`, [JSON.parse(done).at]);
    const after = (await walk(web2.sync!.catalog!, done)).pages.flatMap((p) => p.changes);
    expect(after.map((c) => c.id)).toEqual(expect.arrayContaining(before));
    expect(after.find((c) => c.type === "product.upsert" && c.product.sku === "SKU-00004")).toMatchObject({ product: { name: "Committed late" } });
  });

  it("stock: every level of the other store by SKU and warehouse code, resumable from any page's cursor", async () => {
    const levels = await count(other, "inventory_level");
    const first = await walk(web2.sync!.inventory!);
    const changes = first.pages.flatMap((p) => p.changes);
    expect(changes).toHaveLength(levels);
    const [row] = (await other.query(
      `SELECT p.sku, w.code, il.on_hand, il.restock_date::text AS restock FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id ORDER BY p.sku, w.code LIMIT 1`,
    )) as Array<{ sku: string; code: string; on_hand: number; restock: string | null }>;
    expect(changes.find((c) => c.type === "stock.level" && c.sku === row!.sku && c.warehouseCode === row!.code)).toMatchObject({
      quantity: Number(row!.on_hand),
      restockDate: row!.restock,
    });
    expect(first.pages.length).toBeGreaterThan(2);
    // Resumed from page 2's cursor: pages 3… again, the same changes.
    const resumed = await walk(web2.sync!.inventory!, first.pages[1]!.cursor);
    expect(resumed.pages.flatMap((p) => p.changes.map((c) => c.id))).toEqual(first.pages.slice(2).flatMap((p) => p.changes.map((c) => c.id)));
  });

  it("a cursor this sync did not write starts over", async () => {
    const { pages } = await walk(web2.sync!.catalog!, "page 3");
    expect(pages.flatMap((p) => p.changes)).toHaveLength(await count(other, "product"));
  });

  it("the built-in store offers no sync, and a schedule for it stops start-up naming the key", () => {
    const config = connectorsConfig({ connectors: { store: { kind: "store" } } });
    expect(createConnector("store", config.connectors.store!, ours).sync).toBeUndefined();
    expect(() => buildRouter(connectorsConfig({ connectors: { store: { kind: "store", sync: { catalog: "0 3 * * *" } } } }), ours)).toThrow("connectors.store.sync.catalog: this store connector offers no catalog sync with its settings");
  });
});

describe("a store with databaseUrl through the sync runner", () => {
  it("copies the other store's products and stock into ours, each marked as synced from that connector", async () => {
    const config = connectorsConfig({ connectors: { store: { kind: "store" }, web2: { kind: "store", databaseUrl: otherUrl, sync: { catalog: "0 3 * * *", inventory: "*/5 * * * *" } } } });
    const deps = { dataSource: ours, router: buildRouter(config, ours), logger: createLogger("silent") };
    await other.query(`UPDATE product SET name = 'Only web2 calls it this', list_price = 99.95, updated_at = now() WHERE sku = 'SKU-00007'`);
    await other.query(`INSERT INTO product (sku, name, description, list_price, currency_code, base_unit) VALUES ('WEB2-ONLY', 'Sold by web2', '', 3, 'USD', 'EA')`);
    const [level] = (await other.query(
      `UPDATE inventory_level il SET on_hand = 4321, updated_at = now() FROM product p, warehouse w
       WHERE p.id = il.product_id AND w.id = il.warehouse_id AND p.sku = 'SKU-00007' AND w.code = (SELECT min(code) FROM warehouse)
       RETURNING w.code`,
    )) as [Array<{ code: string }>, number];
    const warehouseCode = level[0]!.code;

    const catalog = await runSync(deps, "web2", "catalog");
    expect(catalog.itemsRead).toBe(await count(other, "product"));
    const inventory = await runSync(deps, "web2", "inventory");
    expect(inventory.itemsRead).toBe(await count(other, "inventory_level"));

    const products = (await ours.query(`SELECT sku, name, list_price::text AS price, synced_from FROM product WHERE sku IN ('SKU-00007', 'WEB2-ONLY') ORDER BY sku`)) as Array<Record<string, string>>;
    expect(products).toEqual([
      { sku: "SKU-00007", name: "Only web2 calls it this", price: "99.95", synced_from: "web2" },
      { sku: "WEB2-ONLY", name: "Sold by web2", price: "3.00", synced_from: "web2" },
    ]);
    const [stock] = (await ours.query(
      `SELECT il.on_hand, il.synced_from FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00007' AND w.code = $1`,
      [warehouseCode],
    )) as Array<{ on_hand: number; synced_from: string }>;
    expect({ onHand: Number(stock!.on_hand), from: stock!.synced_from }).toEqual({ onHand: 4321, from: "web2" });

    // The next run starts from the mark: only the minute before it is read again, as duplicates.
    const again = await runSync(deps, "web2", "catalog");
    expect(again.itemsRead).toBeLessThan(50);
    expect(again.duplicates).toBe(again.itemsRead);
  });
});
