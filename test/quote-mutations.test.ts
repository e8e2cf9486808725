import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// quoteConvertToOrder and quoteRequest (quote reads: quotes.test.ts).

let h: WriteHarness;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  h = await startWriteHarness();
  [tokenA, tokenB] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

let n = 0;
const key = () => `quote-${Date.now()}-${n++}`;
async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

describe("quoteConvertToOrder", () => {
  const CONVERT = graphql(`mutation QuoteMutationsConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) {
    order { id status lines { sku quantity unit unitPrice { amount } } total { amount } account { code } }
    quote { status convertedOrder { id } } command { id type } userErrors { code message } } }`);

  it("turns an open quote into an order at the quoted prices, once", async () => {
    // Take one of C00001's quotes and make it open and valid (this file's own copy of the database).
    const [quote] = await sql<{ id: string; total: string }>(
      `UPDATE quote SET status = 'OPEN', valid_until = current_date + 30, converted_order_id = NULL
       WHERE id = (SELECT q.id FROM quote q JOIN account a ON a.id = q.account_id WHERE a.code = 'C00001' ORDER BY q.number LIMIT 1)
       RETURNING id, total::text AS total`,
    ).then((result) => (result as unknown as [Array<{ id: string; total: string }>, number])[0]);
    const quoteId = `gid://store/Quote/${quote!.id}`;
    const lines = dataAt<any[]>(await h.server.gql(graphql(`query QuoteMutationsQuote($id: ID!) { quote(id: $id) { lines { sku quantity unit unitPrice { amount } } } }`), { id: quoteId }, tokenA), "quote.lines");
    // Make sure the quoted lines are in stock, so the conversion is about prices, not stock.
    await sql(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand)
       SELECT DISTINCT l.product_id, a.default_warehouse_id, 10000 FROM quote_line l JOIN quote q ON q.id = l.quote_id JOIN account a ON a.id = q.account_id WHERE q.id = $1
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = inventory_level.on_hand + 10000`,
      [quote!.id],
    );
    const payload = dataAt<any>(await h.server.gql(CONVERT, { id: quoteId, key: key() }, tokenA), "quoteConvertToOrder");
    expect(payload.userErrors).toEqual([]);
    expect(payload.order.lines).toEqual(lines);
    expect(payload.order.total.amount).toBe(quote!.total);
    expect(payload.quote).toEqual({ status: "CONVERTED", convertedOrder: { id: payload.order.id } });
    expect(payload.command.type).toBe("quoteConvertToOrder");
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);

    const again = dataAt<any>(await h.server.gql(CONVERT, { id: quoteId, key: key() }, tokenA), "quoteConvertToOrder");
    expect(again.order).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE" })]);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "order" WHERE notes LIKE 'From quote %'`);
    expect(count!.n).toBe(1);
  });

  it("an expired quote is EXPIRED; another customer's quote is FORBIDDEN", async () => {
    const [open] = await sql<{ id: string }>(`SELECT q.id FROM quote q JOIN account a ON a.id = q.account_id WHERE a.code = 'C00001' ORDER BY q.number DESC LIMIT 1`);
    await sql(`UPDATE quote SET status = 'OPEN', valid_until = current_date - 1 WHERE id = $1`, [open!.id]);
    const expired = dataAt<any>(await h.server.gql(CONVERT, { id: `gid://store/Quote/${open!.id}`, key: key() }, tokenA), "quoteConvertToOrder");
    expect(expired.userErrors).toEqual([expect.objectContaining({ code: "EXPIRED" })]);
    const response = await h.server.gql(CONVERT, { id: `gid://store/Quote/${open!.id}`, key: key() }, tokenB);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("quoteRequest", () => {
  it("prices a cart for the account as an OPEN quote valid for 30 days, which converts to an order", async () => {
    const REQUEST = graphql(`mutation QuoteMutationsRequest($key: String!) { quoteRequest(input: { lines: [{ sku: "SKU-00031", quantity: 12 }, { sku: "SKU-00032", quantity: 2 }] }, idempotencyKey: $key) {
      quote { id number status validUntil total { amount } lines { sku quantity unitPrice { amount } lineTotal { amount } } account { code } } command { id type } userErrors { code field } } }`);
    const payload = dataAt<any>(await h.server.gql(REQUEST, { key: key() }, tokenA), "quoteRequest");
    expect(payload.userErrors).toEqual([]);
    expect(payload.quote).toMatchObject({ status: "OPEN", account: { code: "C00001" } });
    expect(payload.quote.number).toMatch(/^QT-8\d{5}$/);
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(payload.quote.validUntil).toBe(in30);
    const price = dataAt<any>(await h.server.gql(graphql(`query QuoteMutationsProduct { product(sku: "SKU-00031") { price(quantity: 12) { unitPrice { amount } } } }`), {}, tokenA), "product.price");
    expect(payload.quote.lines[0].unitPrice).toEqual(price.unitPrice);
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const unknown = dataAt<any>(await h.server.gql(graphql(`mutation QuoteMutationsQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: "NOPE", quantity: 1 }] }, idempotencyKey: $key) { quote { id } userErrors { code field } } }`), { key: key() }, tokenA), "quoteRequest");
    expect(unknown.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "lines", "0", "sku"] }]);
  });
});
