import type { QuoteReader } from "../connector.js";
import { money } from "../../common/money.js";
import type { QuoteFilterModel, QuoteModel, QuoteSort } from "../../models/quote.js";
import { keysetPage } from "./keyset.js";
import { lineOf } from "./store-order-reader.js";
import { rowsByKeys, uuidEquals, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";

const SORT: Record<QuoteSort, { column: string; type: "timestamptz" | "date" }> = {
  CREATED_AT: { column: "q.created_at", type: "timestamptz" },
  VALID_UNTIL: { column: "q.valid_until", type: "date" },
};

const QUOTE_SELECT = "q.*, q.valid_until::text AS valid_until_text";

function quoteConditions(filter: QuoteFilterModel): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filter.accountKey != null) where.push(uuidEquals("q.account_id", filter.accountKey, bind));
  if (filter.statuses) where.push(`q.status = ANY(${bind(filter.statuses)}::text[])`);
  return { where, params };
}

/** Quotes and their lines from the store's tables. */
export function storeQuoteReader(query: Query, source: string): QuoteReader {
  const quote = (row: Row): QuoteModel => ({
    source,
    key: str(row, "id"),
    number: str(row, "number"),
    accountKey: str(row, "account_id"),
    status: str(row, "status") as QuoteModel["status"],
    total: money(str(row, "total"), str(row, "currency_code")),
    validUntil: str(row, "valid_until_text"),
    convertedOrderKey: strOrNull(row, "converted_order_id"),
    createdAt: row.created_at as Date,
    lastCommandId: strOrNull(row, "last_command_id"),
  });
  return {
    byKeys: (keys) => rowsByKeys(query, `SELECT ${QUOTE_SELECT} FROM quote q WHERE q.id = ANY($1::uuid[])`, keys, (r) => str(r, "id"), quote, { uuidKeys: true }),
    list: ({ page, sort, filter }) =>
      keysetPage(query, { select: QUOTE_SELECT, from: "quote q", ...quoteConditions(filter), sort: SORT[sort], key: "q.id", descending: true, map: quote }, page),
    linesOf: (keys) =>
      rowsByParent(
        query,
        `SELECT l.*, q.currency_code FROM quote_line l JOIN quote q ON q.id = l.quote_id
         WHERE l.quote_id = ANY($1::uuid[]) ORDER BY l.quote_id, l.line_number`,
        keys,
        (r) => str(r, "quote_id"),
        (r) => {
          const { warehouseKey: _warehouse, returnedQuantity: _returned, cancelledQuantity: _cancelled, ...line } = lineOf(source, r, str(r, "currency_code"));
          return line;
        },
      ),
  };
}
