import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { cents, reader, sumCents } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// quote and quotes as an admin API key reads them (customer isolation: access.test.ts; quote mutations: quote-mutations.test.ts).

let server: TestServer;
/** Global IDs of the demo accounts C00001 and C00002. */
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = await admin(graphql(`query QuotesAccount { a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`));
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

const { read: admin, sql, count, allNodes } = reader(() => server, (s) => s.adminKey);

describe("quotes", () => {
  // The fields of Quote these tests read, spread as ...QuotesQuote.
  graphql(`fragment QuotesQuote on Quote { id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }
    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } } }`);

  it("quote(id) returns the quote exactly as the list shows it; total is the sum of its lines", async () => {
    const listed = await admin(graphql(`query QuotesBQuotes($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ...QuotesQuote } } }`), { a: acme }, "quotes");
    expect(listed.totalCount).toBe(await count(`SELECT count(*) FROM quote q JOIN account a ON a.id = q.account_id WHERE a.code = 'C00001'`));
    expect(listed.nodes.length).toBeGreaterThan(0);
    for (const quote of listed.nodes) {
      expect(quote.account.code).toBe("C00001");
      expect(await admin(graphql(`query QuotesBQuote($id: ID!) { quote(id: $id) { ...QuotesQuote } }`), { id: quote.id }, "quote")).toEqual(quote);
      expect(sumCents(quote.lines.map((l: any) => l.lineTotal.amount))).toBe(cents(quote.total.amount));
      for (const line of quote.lines) expect(cents(line.lineTotal.amount)).toBe(cents(line.unitPrice.amount) * BigInt(line.quantity));
    }
  });

  it("statuses filters; a CONVERTED quote's order is the stored one and belongs to the quote's account", async () => {
    const LIST = graphql(`query QuotesBList($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } pageInfo { hasNextPage endCursor } } }`);
    const converted = await allNodes(LIST, "quotes", { filter: { statuses: ["CONVERTED"] } });
    const rows = await sql<{ number: string; order: string }>(`SELECT q.number, o.number AS order FROM quote q JOIN "order" o ON o.id = q.converted_order_id WHERE q.status = 'CONVERTED'`);
    expect(converted).toHaveLength(await count(`SELECT count(*) FROM quote WHERE status = 'CONVERTED'`));
    expect(converted.length).toBeGreaterThan(0);
    for (const quote of converted) {
      expect(quote.status).toBe("CONVERTED");
      expect(quote.convertedOrder.number).toBe(rows.find((r) => r.number === quote.number)!.order);
      expect(quote.convertedOrder.account.code).toBe(quote.account.code);
    }
    const open = await allNodes(LIST, "quotes", { filter: { statuses: ["OPEN", "EXPIRED"] } });
    expect(open).toHaveLength(await count(`SELECT count(*) FROM quote WHERE status IN ('OPEN', 'EXPIRED')`));
    expect(open.every((q) => ["OPEN", "EXPIRED"].includes(q.status) && q.convertedOrder === null)).toBe(true);

    const mine = await allNodes(LIST, "quotes", { filter: { accountId: globex, statuses: ["OPEN", "ACCEPTED", "CONVERTED", "EXPIRED", "DECLINED"] } });
    expect(mine).toHaveLength(await count(`SELECT count(*) FROM quote q JOIN account a ON a.id = q.account_id WHERE a.code = 'C00002'`));
    expect(mine.every((q) => q.account.code === "C00002")).toBe(true);
  });
});
