import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { InboundChange } from "../../commands/inbound-changes.js";
import { fromCents, toCents } from "../../common/money.js";
import { storeCatalogReader } from "../store/store-catalog-reader.js";
import { storeInventoryReader } from "../store/store-inventory-reader.js";
import { storeWarehouseReader } from "../store/store-warehouse-reader.js";
import { queryOf } from "../store/sql.js";
import type { SyncPage, SyncSource, SyncSources } from "../sync.js";
import type { EconnectCall, Params } from "./econnect-client.js";
import type { EconnectWalk } from "./econnect-walk-settings.js";

/*
 * eConnect's items are "updated at scheduled times … considering a time
 * controller to prevent overload of resources" (the guide): a scheduled walk
 * of `inventory.list`, page by page, brings the ERP's stock (`inventory`) and
 * names and prices (`catalog`) into the store.
 *
 * A walk emits only the items whose state differs from what the store holds
 * now, each with the id `<store>:<item id>:<hash of its fields>@<walk start>`:
 * an unchanged item costs nothing (no inbound row, no command to the other
 * targets), a page walked again after an interruption repeats its ids (so its
 * changes are duplicates), and an item that goes back to an earlier state
 * (5 on hand, then 4, then 5 again) is still applied — an id made of the state
 * alone would have been seen before and dropped.
 */

/** What an eConnect sync needs. */
export interface EconnectSyncOptions {
  /** The connector's name (in messages, and in the setting keys they name). */
  name: string;
  walk: EconnectWalk;
  /** Our warehouse of the ERP's stock when `walk.stores` is not set. */
  warehouseCode: string;
  currencyCode: string;
  /** Commerce Graph's own database, where a walk compares what the ERP says with what the store holds. */
  dataSource: DataSource;
}

/** What a walk brings: stock, or names and prices. */
type Domain = "inventory" | "catalog";

/** A field of an item (see `walk.fields`). */
type FieldKey = keyof EconnectWalk["fields"];

/** One item of `inventory.list`, validated for its walk: `onHand` for stock, `name` and `price` (2 decimals) for the catalog. */
interface WalkedItem {
  id: string;
  code: string;
  name: string | null;
  price: string | null;
  onHand: number | null;
}

/** Where a walk is: when it started (its changes' ids carry it), which store, and the next item's offset. */
interface WalkPosition {
  walk: string;
  scope: number;
  at: number;
}

/** One part of a walk: a store of the ERP (or none) and our warehouse of its stock. */
interface Scope {
  store: string | null;
  warehouseCode: string | null;
}

/** The `inventory` and `catalog` syncs of an eConnect connector. */
export function econnectSyncSources(call: EconnectCall, options: EconnectSyncOptions): SyncSources {
  const { name, walk } = options;
  const setting = (key: string) => `connectors.${name}.walk.${key}`;
  const query = queryOf(options.dataSource);
  const products = storeCatalogReader(query, "store");
  const levels = storeInventoryReader(query, "store");
  const warehouses = storeWarehouseReader(query, "store");
  // The time controller: one walk at a time in this process (the sync runner's lock keeps other processes out), one call per interval.
  let walking: string | null = null;
  let lastCallAt = 0;

  /** Waits for the next call's turn (the interval, then the quota); false when the walk is aborted meanwhile. */
  async function pace(signal: AbortSignal, takeTurn: () => Promise<void>): Promise<boolean> {
    const wait = lastCallAt + walk.requestIntervalMs - Date.now();
    if (wait > 0) await sleep(wait, signal);
    if (signal.aborted) return false;
    await takeTurn();
    lastCallAt = Date.now();
    return true;
  }

  /** Reads one call's items, each validated for `domain`; `count` when the answer carries it. */
  async function list(domain: Domain, params: Params): Promise<{ items: WalkedItem[]; count: number | null }> {
    const data = (await call("inventory.list", params)).data;
    const record = data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
    const raw = record[walk.itemsElement];
    const rawCount = record[walk.countElement];
    const count = rawCount === undefined || rawCount === "" ? null : Number(rawCount);
    if (count !== null && (!Number.isInteger(count) || count < 0)) {
      throw new Error(`${name} inventory.list: the item count "${String(rawCount)}" is not a number; check ${setting("countElement")}`);
    }
    const records = raw === undefined || raw === "" ? [] : Array.isArray(raw) ? raw : [raw];
    return { items: records.map((r, i) => item(domain, r, i)), count };
  }

  /** One record of the answer as an item, or an error naming the field and the setting to check. */
  function item(domain: Domain, raw: unknown, index: number): WalkedItem {
    const fields = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const text = (key: FieldKey, max: number): string | null => {
      const value = fields[walk.fields[key]];
      return (typeof value === "string" || typeof value === "number") && String(value).trim() !== "" && String(value).length <= max ? String(value).trim() : null;
    };
    const fail = (key: FieldKey, what: string): never => {
      const value = fields[walk.fields[key]];
      const found = value === undefined ? `no <${walk.fields[key]}>` : `<${walk.fields[key]}> "${String(value).slice(0, 40)}"`;
      throw new Error(`${name} inventory.list: item ${index + 1} of the page (${text("code", 64) ?? text("id", 100) ?? "no code"}) has ${found}, which is not ${what}; check ${setting(`fields.${key}`)}`);
    };
    const id = text("id", 100) ?? fail("id", "an id of at most 100 characters");
    const code = text("code", 64) ?? fail("code", "a code of at most 64 characters");
    if (domain === "inventory") {
      const onHand = text("onHand", 12);
      if (onHand === null || !/^\d{1,10}(\.0+)?$/.test(onHand) || Number(onHand) > 1_000_000_000) return fail("onHand", "a whole number from 0 to 1000000000");
      return { id, code, name: null, price: null, onHand: Number(onHand) };
    }
    const itemName = text("name", 500) ?? fail("name", "a name of at most 500 characters");
    const price = text("price", 30);
    const [whole, decimals = ""] = (price ?? "").split(".");
    if (price === null || !/^\d{1,12}(\.\d+)?$/.test(price) || decimals.slice(2).replace(/0/g, "") !== "") return fail("price", "a price with at most 2 decimals");
    return { id, code, name: itemName, price: fromCents(toCents(`${whole}.${decimals.slice(0, 2) || "0"}`)), onHand: null };
  }

  /** The stock changes of a page: items whose quantity in the scope's warehouse differs from the store's (items the store does not sell are left out). */
  async function stockChanges(items: WalkedItem[], scope: Scope, warehouseKey: string, walkId: string): Promise<InboundChange[]> {
    const found = await products.productsBySkus(items.map((i) => i.code));
    const known = items.flatMap((i, n) => (found[n] ? [{ item: i, productKey: found[n].key }] : []));
    const current = await levels.levelsOf(known.map((k) => k.productKey));
    const occurredAt = new Date();
    return known.flatMap(({ item: i }, n): InboundChange[] => {
      const onHand = i.onHand!;
      const level = current[n]!.find((l) => l.warehouseKey === warehouseKey);
      if (level && level.onHand === onHand) return [];
      const state = { sku: i.code, warehouseCode: scope.warehouseCode!, quantity: onHand };
      return [{ id: eventId(scope, i, state, walkId), occurredAt, type: "stock.level", ...state }];
    });
  }

  /** The product changes of a page: items whose name or price differs from the store's product of that SKU, or that it lacks. */
  async function productChanges(items: WalkedItem[], walkId: string): Promise<InboundChange[]> {
    const found = await products.productsBySkus(items.map((i) => i.code));
    const occurredAt = new Date();
    return items.flatMap((i, n): InboundChange[] => {
      const product = found[n];
      if (product && product.name === i.name && toCents(product.listPrice.amount) === toCents(i.price!) && product.listPrice.currencyCode === options.currencyCode) return [];
      const state = { sku: i.code, name: i.name!, listPrice: i.price!, currencyCode: options.currencyCode };
      return [{ id: eventId({ store: null, warehouseCode: null }, i, state, walkId), occurredAt, type: "product.upsert", product: state }];
    });
  }

  /** The scopes of a walk of `domain`, with our warehouse key of each store's stock (an unknown warehouse code fails, naming its setting). */
  async function scopesOf(domain: Domain): Promise<Array<Scope & { warehouseKey: string }>> {
    if (domain === "catalog") return [{ store: null, warehouseCode: null, warehouseKey: "" }];
    const scopes: Scope[] = walk.stores
      ? Object.entries(walk.stores).map(([store, warehouseCode]) => ({ store, warehouseCode }))
      : [{ store: null, warehouseCode: options.warehouseCode }];
    const found = await warehouses.byCodes(scopes.map((s) => s.warehouseCode!));
    return scopes.map((scope, n) => {
      const warehouse = found[n];
      if (!warehouse) {
        const key = walk.stores ? setting(`stores.${scope.store}`) : `connectors.${name}.warehouseCode`;
        throw new Error(`${name}: the store has no warehouse ${scope.warehouseCode} to put the ERP's stock in; check ${key}`);
      }
      return { ...scope, warehouseKey: warehouse.key };
    });
  }

  /** What a walk remembers of the store it walks: the whole list (`paging: none`), or the previous page's items (to catch a server that does not page). */
  interface ScopeMemory {
    whole: WalkedItem[] | null;
    previous: string | null;
  }

  /** The page of a store's list from item `at`, checked against the paging settings; null when the walk was aborted while waiting. */
  async function readPage(
    domain: Domain,
    scope: Scope,
    at: number,
    memory: ScopeMemory,
    turn: () => Promise<boolean>,
  ): Promise<{ items: WalkedItem[]; last: boolean; count: number | null } | null> {
    const scopeParams: Params = scope.store === null ? [] : [[walk.storeParam, scope.store]];
    if (walk.paging === "none") {
      if (memory.whole === null) {
        if (!(await turn())) return null;
        memory.whole = (await list(domain, scopeParams)).items;
      }
      return { items: memory.whole.slice(at, at + walk.pageSize), last: at + walk.pageSize >= memory.whole.length, count: memory.whole.length };
    }
    if (!(await turn())) return null;
    const paging: Params = walk.paging === "offset" ? [[walk.offsetParam, at]] : [[walk.pageParam, walk.firstPage + at / walk.pageSize]];
    const { items, count } = await list(domain, [...paging, [walk.sizeParam, walk.pageSize], ...scopeParams]);
    const check = `check ${setting("paging")} (\`none\` for a server that does not page) and ${setting(walk.paging === "offset" ? "offsetParam" : "pageParam")} and ${setting("sizeParam")}`;
    if (items.length > walk.pageSize) throw new Error(`${name} inventory.list answered ${items.length} items for a page of ${walk.pageSize}: the server ignores the page size; ${check}`);
    const identity = items.map((i) => i.id).join("\u0000");
    if (memory.previous !== null && items.length > 0 && identity === memory.previous) {
      throw new Error(`${name} inventory.list answered the same items for the page at item ${at} as for the page before: the server ignores the paging; ${check}`);
    }
    memory.previous = identity;
    // An answer past the end has no items; one at the start that counts items but has none names them otherwise.
    if (at === 0 && items.length === 0 && count !== null && count > 0) {
      throw new Error(`${name} inventory.list: the answer counts ${count} items but has no <${walk.itemsElement}> element; check ${setting("itemsElement")}`);
    }
    // A short page ends the walk; the count is only shown (a server whose count means something else must not cut a walk short).
    return { items, last: items.length < walk.pageSize, count };
  }

  function source(domain: Domain): SyncSource {
    return {
      async *pages(cursor, { signal, takeTurn }): AsyncGenerator<SyncPage> {
        if (walking) throw new Error(`${name}: a walk of inventory.list (${walking}) is already running; one walk at a time keeps within the server's quota`);
        walking = domain;
        try {
          const scopes = await scopesOf(domain);
          let position = positionOf(cursor, scopes.length) ?? { walk: new Date().toISOString(), scope: 0, at: 0 };
          let memory: ScopeMemory = { whole: null, previous: null };
          for (;;) {
            if (signal.aborted) return;
            const scope = scopes[position.scope]!;
            const page = await readPage(domain, scope, position.at, memory, () => pace(signal, takeTurn));
            if (!page) return;
            const changes = domain === "inventory" ? await stockChanges(page.items, scope, scope.warehouseKey, position.walk) : await productChanges(page.items, position.walk);
            const next: WalkPosition | null = !page.last
              ? { ...position, at: position.at + walk.pageSize }
              : position.scope + 1 < scopes.length
                ? { walk: position.walk, scope: position.scope + 1, at: 0 }
                : null;
            yield { changes, cursor: next ? JSON.stringify(next) : null, ...(page.count !== null && scopes.length === 1 ? { total: page.count } : {}) };
            if (!next) return;
            if (next.scope !== position.scope) memory = { whole: null, previous: null };
            position = next;
          }
        } finally {
          walking = null;
        }
      },
    };
  }

  return { inventory: source("inventory"), catalog: source("catalog") };
}

/** The id of a change: the item's state, and the walk that saw it (see the file's comment). */
function eventId(scope: Scope, item: WalkedItem, state: object, walkId: string): string {
  const hash = createHash("sha256").update(JSON.stringify(state)).digest("base64url").slice(0, 16);
  return `${scope.store === null ? "" : `${scope.store}:`}${item.id}:${hash}@${walkId}`;
}

/** A stored cursor as a position; a cursor of another configuration (more stores before) starts a new walk. */
function positionOf(cursor: string | null, scopes: number): WalkPosition | null {
  if (cursor === null) return null;
  try {
    const position = JSON.parse(cursor) as Partial<WalkPosition>;
    const valid =
      typeof position.walk === "string" &&
      !Number.isNaN(Date.parse(position.walk)) &&
      Number.isInteger(position.scope) &&
      position.scope! >= 0 &&
      position.scope! < scopes &&
      Number.isInteger(position.at) &&
      position.at! >= 0;
    return valid ? (position as WalkPosition) : null;
  } catch {
    return null;
  }
}

/** Waits `ms`, or until `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
