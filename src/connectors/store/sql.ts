import type { ClientBase } from "pg";
import { DataSource, type EntityManager } from "typeorm";
import type { Queryable } from "../../db/query-rows.js";
import { isUuid } from "../../common/ids.js";
import { cancellableQuery } from "../../db/statement-cancel.js";
import { searchWords } from "../../common/search-words.js";
import type { RecordSourceModel } from "../../models/common.js";

/** A row as `pg` returns it. */
export type Row = Record<string, unknown>;

/** Runs one parameterised SQL statement and returns its rows. */
export type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

/**
 * Adapts a TypeORM data source, or a transaction's entity manager, to {@link Query}
 * (statements go through its logger). On the data source a statement is cancelled
 * when its request gives up (see `cancellableQuery`); in a transaction it runs on
 * the transaction's connection.
 */
export function queryOf(database: DataSource | EntityManager): Query {
  if (database instanceof DataSource) return (sql, params) => cancellableQuery(database, sql, params) as Promise<Row[]>;
  return (sql, params) => database.query(sql, params) as Promise<Row[]>;
}

export { isUuid };

/** {@link Query} as the `Queryable` a table's module takes (the statement still goes through `query`, with its cancellation). */
export function queryableOf(query: Query): Queryable {
  return { query: ((sql: string, params?: unknown[]) => query(sql, params)) as unknown as Pick<ClientBase, "query">["query"] };
}

/**
 * Loads rows for many keys with one statement (`sql` takes the key array as `$1`)
 * and returns one result per key, in key order, null where missing.
 * Keys that are not UUIDs are answered with null without a query when `uuidKeys` is set.
 */
export async function rowsByKeys<T>(
  query: Query,
  sql: string,
  keys: readonly string[],
  keyOf: (row: Row) => string,
  map: (row: Row) => T,
  options: { uuidKeys?: boolean; normalise?: (key: string) => string } = {},
): Promise<Array<T | null>> {
  const normalise = options.normalise ?? ((key: string) => key);
  const wanted = [...new Set(keys.map(normalise))].filter((key) => !options.uuidKeys || isUuid(key));
  const found = new Map<string, T>();
  if (wanted.length > 0) {
    for (const row of await query(sql, [wanted])) found.set(normalise(keyOf(row)), map(row));
  }
  return keys.map((key) => found.get(normalise(key)) ?? null);
}

/**
 * Loads child rows of many parents with one statement (`sql` takes the parent
 * key array as `$1`) and returns one list per parent, in key order.
 */
export function rowsByParent<T>(
  query: Query,
  sql: string,
  parentKeys: readonly string[],
  parentOf: (row: Row) => string,
  map: (row: Row) => T,
): Promise<T[][]> {
  return loadByParent((wanted) => query(sql, [wanted]), parentKeys, parentOf, map);
}

/**
 * {@link rowsByParent} over a loader (one statement of a table's module, given
 * the parent keys that are UUIDs; not called when there are none).
 */
export async function loadByParent<R extends object, T>(
  load: (parentKeys: string[]) => Promise<R[]>,
  parentKeys: readonly string[],
  parentOf: (row: R) => string,
  map: (row: R) => T,
): Promise<T[][]> {
  const wanted = [...new Set(parentKeys)].filter(isUuid);
  const groups = new Map<string, T[]>();
  if (wanted.length > 0) {
    for (const row of await load(wanted)) {
      const parent = parentOf(row);
      const list = groups.get(parent) ?? [];
      list.push(map(row));
      groups.set(parent, list);
    }
  }
  return parentKeys.map((key) => groups.get(key) ?? []);
}

/** Reads a string column. */
export function str(row: Row, column: string): string {
  return String(row[column]);
}

/** Reads a nullable string column. */
export function strOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return value == null ? null : String(value);
}

/** Which connector last wrote the row from a backend, and when: its `synced_from` and `synced_at` columns (null when never). */
export function recordSourceOf(row: Row): RecordSourceModel | null {
  return row.synced_from == null || row.synced_at == null ? null : { connector: String(row.synced_from), syncedAt: row.synced_at as Date };
}

/** A `%text%` ILIKE pattern with `%`, `_` and `\` escaped. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A search condition: every word of `text` must appear (case-insensitive) in
 * at least one of `columns`, in any order. The words are bounded and
 * deduplicated by {@link searchWords} (`BAD_USER_INPUT` beyond its limits).
 */
export function searchCondition(text: string, columns: string[], bind: (value: unknown) => string): string {
  const words = searchWords(text);
  if (words.length === 0) return "true";
  return words
    .map((word) => {
      const pattern = bind(likePattern(word));
      return `(${columns.map((column) => `${column} ILIKE ${pattern}`).join(" OR ")})`;
    })
    .join(" AND ");
}

/**
 * `column = $n::uuid` for a key that is a UUID; `false` for any other key,
 * which cannot match a store row and must not reach SQL as a uuid.
 */
export function uuidEquals(column: string, key: string, bind: (value: unknown) => string): string {
  return isUuid(key) ? `${column} = ${bind(key)}::uuid` : "false";
}
