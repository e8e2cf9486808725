import { InboundChangeSchema, MAX_CHANGES_PER_BATCH, type InboundChange, type InboundChangeInput } from "../../commands/inbound-changes.js";
import type { SyncPage, SyncSource, SyncSources } from "../sync.js";
import { str, strOrNull, type Query, type Row } from "./sql.js";

/*
 * The `catalog` and `inventory` syncs of a store connector with `databaseUrl`:
 * another Commerce Graph store's products and stock levels, read in keyset
 * pages by `updated_at`, the other store's own high-water mark. Each row's
 * change has the id `<row>@<updated_at>`: the same version of a row is the
 * same change however often it is read.
 *
 * A row written by a transaction that began before the last run's mark but
 * committed after it carries an `updated_at` below that mark; so every run
 * starts `SETTLE_SECONDS` before the mark, and what it reads again is a
 * duplicate by its id.
 */

/** Rows per page (one batch of changes). */
const PAGE_SIZE = MAX_CHANGES_PER_BATCH;
/** How far before the last run's mark a run starts again (seconds). */
const SETTLE_SECONDS = 60;

/** Where a walk stands: the last row read (its `updated_at` with microseconds, in UTC, and its key); `done` once a run finished there. */
interface Mark {
  at: string;
  key: string[];
  done?: boolean;
}

/** `updated_at` as text with microseconds in UTC, so that a mark compares exactly. */
const markSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One keyset list of the other store: its rows after a mark, in `updated_at` then key order. */
interface MarkedList {
  /** SELECT … FROM … with the mark's column as `mark`; `$1` is the mark's time. */
  select: string;
  /** The `updated_at` column. */
  updatedAt: string;
  /** The key columns (the tie-breaker after `updated_at`), all uuids. */
  key: string[];
  /** The change a row stands for. */
  change: (row: Row) => InboundChangeInput;
}

/** Reads a list from `cursor` in pages, each row as a validated change. */
function markedSource(query: Query, name: string, list: MarkedList): SyncSource {
  return {
    async *pages(cursor, { signal, takeTurn }): AsyncGenerator<SyncPage> {
      let mark = markOf(cursor, list.key.length);
      for (;;) {
        if (signal.aborted) return;
        await takeTurn();
        const params: unknown[] = [];
        let where = "true";
        if (mark?.done) {
          params.push(mark.at, SETTLE_SECONDS);
          where = `${list.updatedAt} >= $1::timestamptz - make_interval(secs => $2)`;
        } else if (mark) {
          params.push(mark.at, ...mark.key);
          const keys = list.key.map((_, i) => `$${i + 2}::uuid`).join(", ");
          where = `(${list.updatedAt}, ${list.key.join(", ")}) > ($1::timestamptz, ${keys})`;
        }
        params.push(PAGE_SIZE);
        const rows = await query(
          `${list.select} WHERE ${where} ORDER BY ${list.updatedAt}, ${list.key.join(", ")} LIMIT $${params.length}`,
          params,
        );
        const changes = rows.map((row) => validated(list.change(row), name));
        const lastRow = rows.at(-1);
        const last = rows.length < PAGE_SIZE;
        const next: Mark | null = lastRow ? { at: str(lastRow, "mark"), key: list.key.map((_, i) => str(lastRow, `key${i}`)) } : mark;
        yield { changes, cursor: next ? JSON.stringify(last ? { ...next, done: true } : next) : null };
        if (last) return;
        mark = next;
      }
    },
  };
}

/** The other store's products as `product.upsert`, and its stock levels as `stock.level` (by SKU and warehouse code). */
export function storeSyncSources(query: Query, name: string): SyncSources {
  return {
    catalog: markedSource(query, name, {
      select: `SELECT p.sku, p.name, p.description, p.list_price::text AS list_price, p.currency_code, p.images, p.id::text AS key0, ${markSql("p.updated_at")} AS mark FROM product p`,
      updatedAt: "p.updated_at",
      key: ["p.id"],
      change: (row) => ({
        id: `product:${str(row, "key0")}@${str(row, "mark")}`,
        occurredAt: str(row, "mark"),
        type: "product.upsert",
        product: {
          sku: str(row, "sku"),
          name: str(row, "name"),
          description: str(row, "description"),
          listPrice: str(row, "list_price"),
          currencyCode: str(row, "currency_code"),
          images: (row.images as Array<{ url: string }>).map((image) => image.url),
        },
      }),
    }),
    inventory: markedSource(query, name, {
      select:
        `SELECT p.sku, w.code AS warehouse_code, il.on_hand, il.restock_date::text AS restock_date, il.product_id::text AS key0, il.warehouse_id::text AS key1, ` +
        `${markSql("il.updated_at")} AS mark FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id`,
      updatedAt: "il.updated_at",
      key: ["il.product_id", "il.warehouse_id"],
      change: (row) => ({
        id: `stock:${str(row, "key0")}:${str(row, "key1")}@${str(row, "mark")}`,
        occurredAt: str(row, "mark"),
        type: "stock.level",
        sku: str(row, "sku"),
        warehouseCode: str(row, "warehouse_code"),
        quantity: Number(row.on_hand),
        restockDate: strOrNull(row, "restock_date"),
      }),
    }),
  };
}

/** A row's change, checked against the vocabulary of inbound changes; a row that does not fit fails naming it. */
function validated(change: InboundChangeInput, name: string): InboundChange {
  const result = InboundChangeSchema.safeParse(change);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${name}: the other store's ${change.type === "stock.level" ? `stock of ${change.sku}` : `product ${change.type === "product.upsert" ? change.product.sku : ""}`} does not fit a ${change.type} change (${issue.path.join(".")}: ${issue.message})`);
  }
  return result.data;
}

/** A stored cursor as a mark; null (start over: what is read again is a duplicate) for one this sync did not write. */
function markOf(cursor: string | null, keys: number): Mark | null {
  if (cursor === null) return null;
  try {
    const mark = JSON.parse(cursor) as Partial<Mark>;
    const valid = typeof mark.at === "string" && !Number.isNaN(Date.parse(mark.at)) && Array.isArray(mark.key) && mark.key.length === keys && mark.key.every((k) => typeof k === "string");
    return valid ? (mark as Mark) : null;
  } catch {
    return null;
  }
}
