import { createHash } from "node:crypto";
import type { CursorPosition, Page, PageRequest } from "../../common/pagination.js";
import { isIsoDate } from "../../common/arguments.js";
import { badUserInput } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import type { Query, Row } from "./sql.js";

/** A sortable list in SQL, paged by keyset (seek) pagination. */
export interface KeysetList<T> {
  /** Select list, for example `p.*`. */
  select: string;
  /** FROM clause with joins, for example `product p`. */
  from: string;
  /** Conditions ANDed together; they may use `$1…$n` from `params`. */
  where: string[];
  params: unknown[];
  /** The sort column expression and its SQL type (cursor values are compared as this type). */
  sort: { column: string; type: "text" | "timestamptz" | "date" };
  /** The unique tie-breaker column (a uuid). */
  key: string;
  /** True when the list's natural order is descending (newest first). */
  descending: boolean;
  map: (row: Row) => T;
}

/**
 * Reads one page of a list with keyset pagination: `(sort, key)` compared
 * against the cursor positions, `size + 1` rows fetched to know whether more
 * follow. Stable under inserts: a cursor names a position, not an offset.
 */
export async function keysetPage<T>(query: Query, list: KeysetList<T>, page: PageRequest): Promise<Page<T>> {
  const params = [...list.params];
  const where = [...list.where];
  const descending = list.descending !== page.reverse;
  const cmpAfter = descending ? "<" : ">";
  const cmpBefore = descending ? ">" : "<";
  const row = `(${list.sort.column}, ${list.key})`;
  const bind = (position: CursorPosition, argument: string) => {
    checkCursor(position, list, argument);
    params.push(position.sort, position.key);
    return `($${params.length - 1}::${list.sort.type}, $${params.length}::uuid)`;
  };
  if (page.after) where.push(`${row} ${cmpAfter} ${bind(page.after, "after")}`);
  if (page.before) where.push(`${row} ${cmpBefore}${page.before.inclusive ? "=" : ""} ${bind(page.before, "before")}`);

  const forward = page.direction === "forward";
  const dir = descending === forward ? "DESC" : "ASC";
  params.push(page.size + 1);
  const sql =
    `SELECT ${list.select}, (${list.sort.column})::text AS __sort, (${list.key})::text AS __key ` +
    `FROM ${list.from} ${whereClause(where)} ` +
    `ORDER BY ${list.sort.column} ${dir}, ${list.key} ${dir} LIMIT $${params.length}`;
  const rows = await query(sql, params).catch((error: unknown) => {
    // A data exception (SQLSTATE class 22) here can only come from a cursor's values: the client's mistake, not the database's.
    if (String((error as { code?: unknown }).code ?? "").startsWith("22")) throw badUserInput("The cursor's values are out of range; take cursors from the same query.");
    throw error;
  });
  const more = rows.length > page.size;
  const ordering = orderingOf(list);
  const pageRows = rows.slice(0, page.size);
  if (!forward) pageRows.reverse();

  return {
    items: pageRows.map(list.map),
    positions: pageRows.map((r) => ({ by: ordering, sort: String(r.__sort), key: String(r.__key) })),
    hasNextPage: forward ? more : page.before !== null,
    hasPreviousPage: forward ? page.after !== null : more,
    descending,
    count: async () => {
      const [result] = await query(`SELECT count(*)::int AS n FROM ${list.from} ${whereClause(list.where)}`, list.params);
      return Number(result?.n ?? 0);
    },
  };
}

/** What a cursor's sort value must look like, per SQL type (as PostgreSQL prints it). */
const SORT_VALUE_CHECKS: Record<KeysetList<unknown>["sort"]["type"], (value: string) => boolean> = {
  text: (value) => !value.includes("\u0000"),
  date: isIsoDate,
  timestamptz: (value) => /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/.test(value) && isIsoDate(value.slice(0, 10)),
};

/** Characters of a list ordering's name in its cursors (base64url of SHA-256: 72 bits). */
const ORDERING_NAME_LENGTH = 12;

/**
 * Names a list's ordering (its rows and sort column), so a cursor of another
 * list is refused: a short hash of that SQL, so that cursors carry no SQL text.
 */
function orderingOf(list: KeysetList<unknown>): string {
  return createHash("sha256").update(`${list.from}|${list.sort.column}`).digest("base64url").slice(0, ORDERING_NAME_LENGTH);
}

/**
 * Refuses a cursor that does not belong to this list's ordering, or whose values
 * could not have come from it, before it reaches SQL.
 */
function checkCursor(position: CursorPosition, list: KeysetList<unknown>, argument: string): void {
  const valid = position.by === orderingOf(list) && isUuid(position.key) && SORT_VALUE_CHECKS[list.sort.type](position.sort);
  if (!valid) throw badUserInput(`\`${argument}\` is not a cursor of this list in this sort order; take cursors from the same query.`, argument);
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}
