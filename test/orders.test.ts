import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt, walk } from "./support/paging.js";
import { startTestServer, type GqlResponse, type TestServer } from "./support/test-server.js";

// Orders, invoices, quotes and accounts as an admin API key reads them (customer isolation: access.test.ts).

let server: TestServer;
/** Global IDs of the demo accounts C00001 and C00002. */
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = await admin(`{ a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`);
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

/** Runs a query with the admin key and returns `data.<path>`, failing on GraphQL errors. */
async function admin(query: string, variables: Record<string, unknown> = {}, path = ""): Promise<any> {
  return dataAt<any>(await server.gql(query, variables, server.adminKey), path);
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await server.dataSource.query(query, params)) as T[];
}

/** The single value of a `SELECT count(*) …` statement. */
async function count(query: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<Record<string, unknown>>(query, params);
  return Number(Object.values(row!)[0]);
}

const errorCode = (response: GqlResponse) => response.errors?.[0]?.extensions?.code;

/** Money strings always have two decimals: "12.30" → 1230n. */
const cents = (amount: string) => {
  expect(amount).toMatch(/^-?\d+\.\d{2}$/);
  return BigInt(amount.replace(".", ""));
};
const sumCents = (amounts: string[]) => amounts.reduce((sum, a) => sum + cents(a), 0n);

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";

/** Every node of a connection (admin), paging forward; `query` takes `$after` and asks for `nodes` and `pageInfo`. */
async function allNodes(query: string, path: string, variables: Record<string, unknown> = {}): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  do {
    const page: any = await admin(query, { ...variables, after }, path);
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

const iso = (date: Date) => date.toISOString();

describe("order", () => {
  const ORDER = `id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }
    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }
    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }
    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } }`;

  it("order(id) returns the order exactly as the list shows it, with the stored values", async () => {
    const [row] = await sql<any>(
      `SELECT o.number, o.external_number, o.kind, o.status, o.created_at, o.po_number, o.subtotal::text, o.tax_total::text, o.shipping_total::text, o.total::text, a.code
       FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' ORDER BY o.number LIMIT 1`,
    );
    const listed = await admin(`query($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ${ORDER} } } }`, { a: acme }, "orders.nodes");
    const fromList = listed.find((o: any) => o.number === row.number);
    expect(fromList).toBeDefined();
    expect(fromList).toMatchObject({
      number: row.number,
      externalNumber: row.external_number,
      kind: row.kind,
      status: row.status,
      createdAt: iso(row.created_at),
      poNumber: row.po_number,
      account: { code: "C00001" },
      subtotal: { amount: row.subtotal, currencyCode: "USD" },
      taxTotal: { amount: row.tax_total },
      shippingTotal: { amount: row.shipping_total },
      total: { amount: row.total, currencyCode: "USD" },
    });
    expect(await admin(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: fromList.id }, "order")).toEqual(fromList);
  });

  it("totals add up: total = subtotal + tax + shipping; each lineTotal = unitPrice × quantity; lines sum to the subtotal", async () => {
    const orders = await admin(`{ orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }
      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }`, {}, "orders.nodes");
    expect(orders).toHaveLength(100);
    for (const order of orders) {
      expect(cents(order.total.amount), order.number).toBe(cents(order.subtotal.amount) + cents(order.taxTotal.amount) + cents(order.shippingTotal.amount));
      expect(order.lines.length).toBeGreaterThan(0);
      expect(order.lines.map((l: any) => l.lineNumber)).toEqual(order.lines.map((_: unknown, i: number) => i + 1));
      for (const line of order.lines) expect(cents(line.lineTotal.amount), order.number).toBe(cents(line.unitPrice.amount) * BigInt(line.quantity));
      expect(sumCents(order.lines.map((l: any) => l.lineTotal.amount)), order.number).toBe(cents(order.subtotal.amount));
    }
  });

  it("lines, shipments and invoices of an order are the stored ones", async () => {
    const orders = await admin(`query($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number
      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }
      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }`, { a: acme }, "orders.nodes");
    expect(orders).toHaveLength(60);
    const lines = await sql<any>(
      `SELECT o.number, l.line_number, l.sku, l.quantity, l.unit, l.unit_price::text, w.code FROM order_line l JOIN "order" o ON o.id = l.order_id
       JOIN account a ON a.id = o.account_id LEFT JOIN warehouse w ON w.id = l.warehouse_id WHERE a.code = 'C00001' ORDER BY o.number, l.line_number`,
    );
    const shipments = await sql<any>(
      `SELECT o.number, s.carrier_code, s.tracking_number, s.shipped_at, w.code FROM shipment s JOIN "order" o ON o.id = s.order_id
       JOIN account a ON a.id = o.account_id LEFT JOIN warehouse w ON w.id = s.warehouse_id WHERE a.code = 'C00001' ORDER BY o.number, s.shipped_at, s.id`,
    );
    const invoices = await sql<any>(
      `SELECT o.number, i.number AS invoice FROM invoice i JOIN "order" o ON o.id = i.order_id JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' ORDER BY i.created_at, i.id`,
    );
    expect(shipments.length).toBeGreaterThan(0);
    for (const order of orders) {
      expect(order.lines, order.number).toEqual(
        lines
          .filter((l) => l.number === order.number)
          .map((l) => ({ lineNumber: l.line_number, sku: l.sku, quantity: l.quantity, unit: l.unit, unitPrice: { amount: l.unit_price }, product: { sku: l.sku }, warehouse: { code: l.code } })),
      );
      expect(order.shipments, order.number).toEqual(
        shipments
          .filter((s) => s.number === order.number)
          .map((s) => ({ carrierCode: s.carrier_code, trackingNumber: s.tracking_number, shippedAt: iso(s.shipped_at), warehouse: { code: s.code } })),
      );
      expect(order.invoices.map((i: any) => i.number), order.number).toEqual(invoices.filter((i) => i.number === order.number).map((i) => i.invoice));
    }
  });
});

describe("orders filters", () => {
  const LIST = `query($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } ${PAGE_INFO} } }`;
  const list = (filter: Record<string, unknown>) => admin(LIST, { filter }, "orders");

  it("accountId: exactly that account's orders", async () => {
    const expected = await sql<{ number: string }>(`SELECT o.number FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00002' ORDER BY o.number`);
    const page = await list({ accountId: globex });
    expect(page.totalCount).toBe(60);
    expect(page.nodes.every((o: any) => o.account.code === "C00002")).toBe(true);
    expect(page.nodes.map((o: any) => o.number).sort()).toEqual(expected.map((r) => r.number));
  });

  it("statuses: only orders in one of the statuses, all of them", async () => {
    const statuses = ["PENDING", "OPEN", "PROCESSING"];
    const page = await list({ statuses });
    expect(page.totalCount).toBe(await count(`SELECT count(*) FROM "order" WHERE status = ANY($1)`, [statuses]));
    expect(page.nodes).toHaveLength(100);
    for (const o of page.nodes) expect(statuses).toContain(o.status);
    const found = new Set(page.nodes.map((o: any) => o.status));
    expect(found.size).toBeGreaterThan(1);
  });

  it("kinds: only pre-orders, all of them", async () => {
    const nodes = await allNodes(LIST, "orders", { filter: { kinds: ["PREORDER"] } });
    expect(nodes).toHaveLength(await count(`SELECT count(*) FROM "order" WHERE kind = 'PREORDER'`));
    expect(nodes.every((o) => o.kind === "PREORDER")).toBe(true);
    const orders = await list({ kinds: ["ORDER"] });
    expect(orders.totalCount + nodes.length).toBe(await count(`SELECT count(*) FROM "order"`));
    expect(orders.nodes.every((o: any) => o.kind === "ORDER")).toBe(true);
  });

  it("createdAfter is inclusive and createdBefore exclusive", async () => {
    const rows = await sql<{ number: string; created_at: Date }>(
      `SELECT o.number, o.created_at FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' ORDER BY o.created_at, o.id`,
    );
    const from = rows[10]!;
    const to = rows[40]!;
    expect(from.created_at < to.created_at).toBe(true);
    const page = await list({ accountId: acme, createdAfter: iso(from.created_at), createdBefore: iso(to.created_at) });
    const expected = rows.filter((r) => r.created_at >= from.created_at && r.created_at < to.created_at).map((r) => r.number);
    expect(page.nodes.map((o: any) => o.number).sort()).toEqual(expected.sort());
    expect(page.totalCount).toBe(expected.length);
    expect(expected).toContain(from.number);
    expect(expected).not.toContain(to.number);
    for (const o of page.nodes) expect(o.createdAt >= iso(from.created_at) && o.createdAt < iso(to.created_at)).toBe(true);
  });

  it("createdAfter and createdBefore each narrow the whole list", async () => {
    const after = "2026-06-01T00:00:00.000Z";
    const before = "2025-03-01T00:00:00.000Z";
    const recent = await list({ createdAfter: after });
    expect(recent.totalCount).toBe(await count(`SELECT count(*) FROM "order" WHERE created_at >= $1`, [after]));
    expect(recent.nodes.every((o: any) => o.createdAt >= after)).toBe(true);
    const old = await list({ createdBefore: before });
    expect(old.totalCount).toBe(await count(`SELECT count(*) FROM "order" WHERE created_at < $1`, [before]));
    expect(old.nodes.every((o: any) => o.createdAt < before)).toBe(true);
    // A time zone offset names the same instant.
    expect((await list({ createdAfter: "2026-06-01T02:00:00+02:00" })).totalCount).toBe(recent.totalCount);
  });

  it("all filters together must all hold", async () => {
    const filter = { accountId: acme, statuses: ["COMPLETED", "SHIPPED"], kinds: ["ORDER"], createdAfter: "2025-06-01T00:00:00Z", createdBefore: "2026-09-01T00:00:00Z" };
    const page = await list(filter);
    const expected = await count(
      `SELECT count(*) FROM "order" o JOIN account a ON a.id = o.account_id
       WHERE a.code = 'C00001' AND o.status IN ('COMPLETED', 'SHIPPED') AND o.kind = 'ORDER' AND o.created_at >= $1 AND o.created_at < $2`,
      [filter.createdAfter, filter.createdBefore],
    );
    expect(expected).toBeGreaterThan(0);
    expect(page.totalCount).toBe(expected);
    expect(page.nodes).toHaveLength(expected);
    for (const o of page.nodes) {
      expect(o.account.code).toBe("C00001");
      expect(["COMPLETED", "SHIPPED"]).toContain(o.status);
      expect(o.kind).toBe("ORDER");
      expect(o.createdAt >= "2025-06-01T00:00:00.000Z" && o.createdAt < "2026-09-01T00:00:00.000Z").toBe(true);
    }
  });

  it("a filter that matches nothing is an empty page, not an error", async () => {
    const page = await list({ accountId: "gid://store/Account/00000000-0000-0000-0000-000000000000" });
    expect(page).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("bad filter values are rejected: a DateTime as a variable is BAD_USER_INPUT, as a literal a validation error; an accountId of another type BAD_USER_INPUT", async () => {
    const asVariable = await server.gql(`query($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }`, { d: "yesterday" }, server.adminKey);
    expect(errorCode(asVariable)).toBe("BAD_USER_INPUT");
    expect(asVariable.errors?.[0]?.message).toContain("ISO 8601");
    const asLiteral = await server.gql(`{ orders(filter: { createdAfter: "yesterday" }) { totalCount } }`, {}, server.adminKey);
    expect(errorCode(asLiteral)).toBe("GRAPHQL_VALIDATION_FAILED");
    const wrongType = await server.gql(`{ orders(filter: { accountId: "gid://store/Order/00000000-0000-0000-0000-000000000000" }) { totalCount } }`, {}, server.adminKey);
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.accountId" });
  });
});

describe("impossible dates and foreign cursors", () => {
  /**
   * A cursor this server issued for `query`'s first page, tampered with: its sort
   * value (the part before the key) or its key replaced, its signature kept. Falls back to appending
   * to the cursor should cursors stop being base64url JSON arrays.
   */
  async function tampered(query: string, path: string, change: { sort?: string; key?: string }): Promise<string> {
    const cursor = await admin(query, {}, path);
    try {
      // A signed cursor is `<position>.<signature>`: the position changes, the signature stays (and no longer matches).
      const [position, signature] = cursor.split(".");
      const parts = JSON.parse(Buffer.from(position!, "base64url").toString("utf8")) as string[];
      if (change.sort !== undefined) parts[parts.length - 2] = change.sort;
      if (change.key !== undefined) parts[parts.length - 1] = change.key;
      const changed = Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
      return signature === undefined ? changed : `${changed}.${signature}`;
    } catch {
      return `${cursor}x`;
    }
  }
  const ORDERS_CURSOR = [`{ orders(first: 1) { edges { cursor } } }`, "orders.edges.0.cursor"] as const;

  it.each([
    ["invoices dueBefore 2026-02-30", `query($d: Date) { invoices(filter: { dueBefore: $d }) { totalCount } }`, "2026-02-30"],
    ["invoices dueBefore 2026-04-31", `query($d: Date) { invoices(filter: { dueBefore: $d }) { totalCount } }`, "2026-04-31"],
    ["orders createdAfter 2026-02-30T00:00:00Z", `query($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }`, "2026-02-30T00:00:00Z"],
    ["orders createdBefore 2025-11-31T12:00:00Z", `query($d: DateTime) { orders(filter: { createdBefore: $d }) { totalCount } }`, "2025-11-31T12:00:00Z"],
  ])("%s (no such day) is BAD_USER_INPUT, neither an internal error nor another day", async (_, query, d) => {
    const response = await server.gql(query, { d }, server.adminKey);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.data ?? null).toBeNull();
  });

  it.each([
    ["a products cursor passed to orders", `query($c: String) { orders(first: 5, after: $c) { nodes { id } } }`, "after"],
    ["a products cursor passed to invoices by due date", `query($c: String) { invoices(last: 5, before: $c, sortKey: DUE_DATE) { nodes { id } } }`, "before"],
  ])("%s is BAD_USER_INPUT naming the argument, not an internal error", async (_, query, argument) => {
    const cursor = await admin(`{ products(first: 1) { edges { cursor } } }`, {}, "products.edges.0.cursor");
    const response = await server.gql(query, { c: cursor }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
    expect(response.errors?.[0]?.message).not.toMatch(/invalid input syntax/);
  });

  it.each([
    ["orders, a creation time that is no time", "x", ...ORDERS_CURSOR, `query($c: String) { orders(first: 5, after: $c) { nodes { id } } }`, "after"],
    ["orders, a bare number as creation time", "1", ...ORDERS_CURSOR, `query($c: String) { orders(first: 5, after: $c) { nodes { id } } }`, "after"],
    ["orders, a creation time in words", "March 7", ...ORDERS_CURSOR, `query($c: String) { orders(last: 5, before: $c) { nodes { id } } }`, "before"],
    ["orders, a creation time on 30 February", "2026-02-30 10:00:00+00", ...ORDERS_CURSOR, `query($c: String) { orders(first: 5, after: $c) { nodes { id } } }`, "after"],
    ["invoices by due date, a due date on 30 February", "2026-02-30", `{ invoices(first: 1, sortKey: DUE_DATE) { edges { cursor } } }`, "invoices.edges.0.cursor",
      `query($c: String) { invoices(first: 5, after: $c, sortKey: DUE_DATE) { nodes { id } } }`, "after"],
    ["products by SKU, a SKU with a NUL character", "SKU\u0000", `{ products(first: 1) { edges { cursor } } }`, "products.edges.0.cursor",
      `query($c: String) { products(first: 5, after: $c) { nodes { id } } }`, "after"],
  ])("a cursor tampered with (%s) is BAD_USER_INPUT naming the argument, not an internal error", async (_, sort, source, path, query, argument) => {
    const response = await server.gql(query, { c: await tampered(source, path, { sort }) }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
    expect(response.errors?.[0]?.message).not.toMatch(/invalid input syntax|out of range|byte sequence/);
  });

  it("a cursor tampered with (a key that is no UUID) is BAD_USER_INPUT naming the argument", async () => {
    const cursor = await tampered(`{ quotes(first: 1) { edges { cursor } } }`, "quotes.edges.0.cursor", { key: "y" });
    const response = await server.gql(`query($c: String) { quotes(first: 5, after: $c) { nodes { id } } }`, { c: cursor }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  });

  it("an untampered cursor still pages", async () => {
    const cursor = await tampered(...ORDERS_CURSOR, {});
    const page = await admin(`query($c: String) { orders(first: 5, after: $c) { nodes { id } } }`, { c: cursor }, "orders.nodes");
    expect(page).toHaveLength(5);
  });
});

describe("orders sorting", () => {
  const ordered = (args: string) =>
    allNodes(`query($after: String) { orders(first: 100, after: $after, ${args}) { nodes { number createdAt } ${PAGE_INFO} } }`, "orders");

  it("by default newest first; reverse: true oldest first", async () => {
    const created = (await sql<{ created_at: Date }>(`SELECT o.created_at FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001'`))
      .map((r) => iso(r.created_at))
      .sort();
    const newest = await ordered(`filter: { accountId: "${acme}" }`);
    expect(newest.map((o) => o.createdAt)).toEqual([...created].reverse());
    const oldest = await ordered(`filter: { accountId: "${acme}" }, reverse: true`);
    expect(oldest.map((o) => o.createdAt)).toEqual(created);
    expect(oldest.map((o) => o.number)).toEqual(newest.map((o) => o.number).reverse());
  });

  it("across all orders, the first page is the newest 100 and reverse the oldest 100", async () => {
    const newest = await admin(`{ orders(first: 100) { nodes { createdAt } } }`, {}, "orders.nodes");
    const expectedNewest = await sql<{ created_at: Date }>(`SELECT created_at FROM "order" ORDER BY created_at DESC LIMIT 100`);
    expect(newest.map((o: any) => o.createdAt)).toEqual(expectedNewest.map((r) => iso(r.created_at)));
    const oldest = await admin(`{ orders(first: 100, reverse: true) { nodes { createdAt } } }`, {}, "orders.nodes");
    const expectedOldest = await sql<{ created_at: Date }>(`SELECT created_at FROM "order" ORDER BY created_at LIMIT 100`);
    expect(oldest.map((o: any) => o.createdAt)).toEqual(expectedOldest.map((r) => iso(r.created_at)));
  });

  it("sortKey NUMBER: highest number first; reverse: lowest first", async () => {
    const numbers = (await sql<{ number: string }>(`SELECT o.number FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00002'`)).map((r) => r.number).sort();
    expect((await ordered(`filter: { accountId: "${globex}" }, sortKey: NUMBER`)).map((o) => o.number)).toEqual([...numbers].reverse());
    expect((await ordered(`filter: { accountId: "${globex}" }, sortKey: NUMBER, reverse: true`)).map((o) => o.number)).toEqual(numbers);
    const lowest = await admin(`{ orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }`, {}, "orders.nodes");
    expect(lowest.map((o: any) => o.number)).toEqual(["SO-100001", "SO-100002", "SO-100003"]);
  });
});

describe("invoices", () => {
  const INVOICE = `id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }
    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }
    account { code } order { number account { code } }`;

  it("invoice(id) returns the invoice exactly as the list shows it", async () => {
    const listed = await admin(`query($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ${INVOICE} } } }`, { a: acme }, "invoices.nodes");
    expect(listed.length).toBeGreaterThan(0);
    for (const invoice of listed) {
      expect(await admin(`query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`, { id: invoice.id }, "invoice")).toEqual(invoice);
    }
  });

  it.each(["OPEN", "PARTIALLY_PAID", "PAID", "VOID"])("%s invoices: amountDue = total − amountPaid (0 when VOID); payments sum to amountPaid", async (status) => {
    const page = await admin(`query($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ${INVOICE} } } }`, { s: [status] }, "invoices");
    expect(page.totalCount).toBe(await count(`SELECT count(*) FROM invoice WHERE status = $1`, [status]));
    expect(page.nodes.length).toBeGreaterThan(0);
    for (const invoice of page.nodes) {
      expect(invoice.status).toBe(status);
      const paid = sumCents(invoice.payments.map((p: any) => p.amount.amount));
      expect(paid, invoice.number).toBe(cents(invoice.amountPaid.amount));
      const due = status === "VOID" ? 0n : cents(invoice.total.amount) - paid;
      expect(cents(invoice.amountDue.amount), invoice.number).toBe(due);
      expect(invoice.amountDue.currencyCode).toBe(invoice.total.currencyCode);
      if (status === "PAID") expect(due).toBe(0n);
      if (status === "OPEN") expect(paid).toBe(0n);
      if (status === "PARTIALLY_PAID") expect(paid > 0n && due > 0n).toBe(true);
      for (const line of invoice.lines) expect(cents(line.lineTotal.amount)).toBe(cents(line.unitPrice.amount) * BigInt(line.quantity));
      expect(invoice.order.account.code).toBe(invoice.account.code);
    }
  });

  it("filters accountId, statuses and dueBefore hold for every invoice and count what the database holds", async () => {
    const LIST = `query($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } ${PAGE_INFO} } }`;
    const byAccount = await allNodes(LIST, "invoices", { filter: { accountId: acme } });
    const numbers = await sql<{ number: string }>(`SELECT i.number FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.code = 'C00001' ORDER BY i.number`);
    expect(byAccount.map((i) => i.number).sort()).toEqual(numbers.map((r) => r.number));
    expect(byAccount.every((i) => i.account.code === "C00001")).toBe(true);

    const unpaid = await admin(LIST, { filter: { statuses: ["OPEN", "PARTIALLY_PAID"] } }, "invoices");
    expect(unpaid.totalCount).toBe(await count(`SELECT count(*) FROM invoice WHERE status IN ('OPEN', 'PARTIALLY_PAID')`));
    expect(unpaid.nodes.every((i: any) => ["OPEN", "PARTIALLY_PAID"].includes(i.status))).toBe(true);

    const dueBefore = "2025-09-15";
    const due = await admin(LIST, { filter: { dueBefore } }, "invoices");
    expect(due.totalCount).toBe(await count(`SELECT count(*) FROM invoice WHERE due_date < $1::date`, [dueBefore]));
    expect(due.nodes.every((i: any) => i.dueDate < dueBefore)).toBe(true);
    // dueBefore is exclusive: an invoice due on that very day is not listed, one day later it is.
    const [mine] = await sql<{ number: string; due: string; next: string }>(
      `SELECT i.number, i.due_date::text AS due, (i.due_date + 1)::text AS next FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.code = 'C00001' ORDER BY i.number LIMIT 1`,
    );
    const dueNumbers = async (date: string) => (await allNodes(LIST, "invoices", { filter: { accountId: acme, dueBefore: date } })).map((i) => i.number);
    expect(await dueNumbers(mine!.due)).not.toContain(mine!.number);
    expect(await dueNumbers(mine!.next)).toContain(mine!.number);

    const combined = await admin(LIST, { filter: { accountId: acme, statuses: ["PAID"], dueBefore: "2026-06-01" } }, "invoices");
    expect(combined.totalCount).toBe(
      await count(`SELECT count(*) FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.code = 'C00001' AND i.status = 'PAID' AND i.due_date < '2026-06-01'`),
    );
    expect(combined.nodes.every((i: any) => i.account.code === "C00001" && i.status === "PAID" && i.dueDate < "2026-06-01")).toBe(true);
  });

  it("are newest first by default; DUE_DATE sorts latest due first", async () => {
    const issued = await admin(`{ invoices(first: 100) { nodes { issuedAt } } }`, {}, "invoices.nodes");
    const expected = await sql<{ issued_at: Date }>(`SELECT issued_at FROM invoice ORDER BY created_at DESC LIMIT 100`);
    expect(issued.map((i: any) => i.issuedAt)).toEqual(expected.map((r) => iso(r.issued_at)));
    const due = await admin(`{ invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }`, {}, "invoices.nodes");
    const expectedDue = await sql<{ due: string }>(`SELECT due_date::text AS due FROM invoice ORDER BY due_date DESC LIMIT 100`);
    expect(due.map((i: any) => i.dueDate)).toEqual(expectedDue.map((r) => r.due));
  });
});

describe("quotes", () => {
  const QUOTE = `id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }
    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } }`;

  it("quote(id) returns the quote exactly as the list shows it; total is the sum of its lines", async () => {
    const listed = await admin(`query($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ${QUOTE} } } }`, { a: acme }, "quotes");
    expect(listed.totalCount).toBe(await count(`SELECT count(*) FROM quote q JOIN account a ON a.id = q.account_id WHERE a.code = 'C00001'`));
    expect(listed.nodes.length).toBeGreaterThan(0);
    for (const quote of listed.nodes) {
      expect(quote.account.code).toBe("C00001");
      expect(await admin(`query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: quote.id }, "quote")).toEqual(quote);
      expect(sumCents(quote.lines.map((l: any) => l.lineTotal.amount))).toBe(cents(quote.total.amount));
      for (const line of quote.lines) expect(cents(line.lineTotal.amount)).toBe(cents(line.unitPrice.amount) * BigInt(line.quantity));
    }
  });

  it("statuses filters; a CONVERTED quote's order is the stored one and belongs to the quote's account", async () => {
    const LIST = `query($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } ${PAGE_INFO} } }`;
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

describe("accounts", () => {
  const ACCOUNT = `id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }
    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }
    restrictedProducts { sku }`;

  it("account(id), account(email) in any case and account(code) return the same account", async () => {
    const byCode = await admin(`{ account(code: "C00001") { ${ACCOUNT} } }`, {}, "account");
    expect(byCode.id).toBe(acme);
    for (const email of ["buyer@acme.example", "BUYER@ACME.EXAMPLE", "Buyer@Acme.Example"]) {
      expect(await admin(`query($e: String!) { account(email: $e) { ${ACCOUNT} } }`, { e: email }, "account"), email).toEqual(byCode);
    }
    expect(await admin(`query($id: ID!) { account(id: $id) { ${ACCOUNT} } }`, { id: byCode.id }, "account")).toEqual(byCode);
  });

  it("unknown code or e-mail, and a well-formed ID of nothing, are null; zero or two arguments are BAD_USER_INPUT", async () => {
    expect(
      await admin(`{ c: account(code: "C99999") { id } e: account(email: "nobody@example.com") { id } i: account(id: "gid://store/Account/00000000-0000-0000-0000-000000000000") { id } }`),
    ).toEqual({ c: null, e: null, i: null });
    for (const args of ["", `(code: "C00001", email: "buyer@acme.example")`]) {
      expect(errorCode(await server.gql(`{ account${args} { id } }`, {}, server.adminKey))).toBe("BAD_USER_INPUT");
    }
  });

  it.each([
    ["account(email)", `query($s: String!) { account(email: $s) { id } }`, "account"],
    ["account(code)", `query($s: String!) { account(code: $s) { id } }`, "account"],
    ["accounts(filter: { search })", `query($s: String!) { accounts(filter: { search: $s }) { totalCount } }`, "accounts"],
  ])("%s with a NUL character finds nothing (or is BAD_USER_INPUT), never an internal error", async (_, query, field) => {
    const response = await server.gql(query, { s: "C00001\u0000" }, server.adminKey);
    if (response.errors) {
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
    } else {
      expect(response.data?.[field]).toEqual(field === "accounts" ? { totalCount: 0 } : null);
    }
  });

  it("the fields of an account are the stored ones: references, groups, warehouse, ship-tos (one default, first)", async () => {
    for (const code of ["C00001", "C00002"]) {
      const [row] = await sql<any>(
        `SELECT a.id, a.code, a.name, a.email, a.phone, a.payment_terms, a.currency_code, cg.code AS cg_code, cg.name AS cg_name, rg.code AS rg_code, w.code AS wh
         FROM account a LEFT JOIN customer_group cg ON cg.id = a.customer_group_id LEFT JOIN corporate_group rg ON rg.id = a.corporate_group_id
         LEFT JOIN warehouse w ON w.id = a.default_warehouse_id WHERE a.code = $1`,
        [code],
      );
      const refs = await sql<{ connector: string; external_id: string }>(`SELECT connector, external_id FROM account_external_ref WHERE account_id = $1 ORDER BY connector`, [row.id]);
      const shipTos = await sql<any>(`SELECT name, is_default, erp_ship_to_id, address FROM ship_to WHERE account_id = $1`, [row.id]);
      const account = await admin(`query($c: String!) { account(code: $c) { ${ACCOUNT} } }`, { c: code }, "account");
      expect(account).toMatchObject({
        code,
        name: row.name,
        email: row.email,
        phone: row.phone,
        paymentTerms: row.payment_terms,
        currencyCode: row.currency_code,
        externalReferences: refs.map((r) => ({ connector: r.connector, externalId: r.external_id })),
        customerGroup: { code: row.cg_code, name: row.cg_name },
        corporateGroup: row.rg_code ? { code: row.rg_code } : null,
        defaultWarehouse: { code: row.wh },
        parentAccount: null,
        subAccounts: [],
        restrictedProducts: [],
      });
      expect(account.customerGroup.code).toBe(code === "C00001" ? "WHOLESALE" : "CONTRACTOR");
      expect(account.shipTos).toHaveLength(shipTos.length);
      expect(account.shipTos.filter((s: any) => s.isDefault)).toHaveLength(1);
      expect(account.shipTos[0].isDefault).toBe(true);
      const key = (s: { name: string; isDefault: boolean; erpShipToId: string | null; city: string }) => `${s.name}|${s.isDefault}|${s.erpShipToId}|${s.city}`;
      expect(account.shipTos.map((s: any) => key({ ...s, city: s.address.city })).sort()).toEqual(
        shipTos.map((s) => key({ name: s.name, isDefault: s.is_default, erpShipToId: s.erp_ship_to_id, city: s.address.city })).sort(),
      );
    }
  });

  it("a sub-account links to its parent, and the parent lists its sub-accounts", async () => {
    const [row] = await sql<{ child: string; parent: string }>(`SELECT c.code AS child, p.code AS parent FROM account c JOIN account p ON p.id = c.parent_id ORDER BY c.code LIMIT 1`);
    const siblings = await sql<{ code: string }>(`SELECT c.code FROM account c JOIN account p ON p.id = c.parent_id WHERE p.code = $1 ORDER BY c.code`, [row!.parent]);
    const child = await admin(`query($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }`, { c: row!.child }, "account");
    expect(child).toEqual({
      parentAccount: { code: row!.parent, parentAccount: null, subAccounts: siblings.map((s) => ({ code: s.code, parentAccount: { code: row!.parent } })) },
      subAccounts: [],
    });
  });

  it("restrictedProducts are the products the account may not buy", async () => {
    const [row] = await sql<{ code: string }>(`SELECT a.code FROM account_restricted_product r JOIN account a ON a.id = r.account_id GROUP BY a.code HAVING count(*) > 1 ORDER BY a.code LIMIT 1`);
    const skus = await sql<{ sku: string }>(
      `SELECT p.sku FROM account_restricted_product r JOIN account a ON a.id = r.account_id JOIN product p ON p.id = r.product_id WHERE a.code = $1 ORDER BY p.sku`,
      [row!.code],
    );
    const account = await admin(`query($c: String!) { account(code: $c) { restrictedProducts { sku } } }`, { c: row!.code }, "account");
    expect(account.restrictedProducts).toEqual(skus);
  });

  it.each(["C00001", "C00002", "C00003"])("%s: account.orders, invoices and quotes count what the database holds, and hold only its own", async (code) => {
    const account = await admin(
      `query($c: String!) { account(code: $c) { code
        orders(first: 100) { totalCount nodes { account { code } } }
        invoices(first: 100) { totalCount nodes { account { code } } }
        quotes(first: 100) { totalCount nodes { account { code } } } } }`,
      { c: code },
      "account",
    );
    const owned = (table: string) => count(`SELECT count(*) FROM ${table} x JOIN account a ON a.id = x.account_id WHERE a.code = $1`, [code]);
    expect(account.orders.totalCount).toBe(await owned(`"order"`));
    expect(account.invoices.totalCount).toBe(await owned("invoice"));
    expect(account.quotes.totalCount).toBe(await owned("quote"));
    if (code !== "C00003") expect(account.orders.totalCount).toBe(60);
    for (const list of [account.orders, account.invoices, account.quotes]) {
      expect(list.nodes).toHaveLength(list.totalCount);
      expect(list.nodes.every((n: any) => n.account.code === code)).toBe(true);
    }
  });

  it("account.orders ignores an accountId in its filter but applies the other filters", async () => {
    const orders = await admin(`query($g: ID!) { account(code: "C00001") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }`, { g: globex }, "account.orders");
    expect(orders.totalCount).toBe(await count(`SELECT count(*) FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'COMPLETED'`));
    expect(orders.nodes.every((o: any) => o.account.code === "C00001" && o.status === "COMPLETED")).toBe(true);
  });
});

describe("accounts list", () => {
  const LIST = `query($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } ${PAGE_INFO} } }`;
  let rows: Array<{ code: string; name: string; email: string; group: string | null; parent: string | null }>;
  beforeAll(async () => {
    rows = await sql(
      `SELECT a.code, a.name, a.email, cg.code AS group, p.code AS parent FROM account a LEFT JOIN customer_group cg ON cg.id = a.customer_group_id
       LEFT JOIN account p ON p.id = a.parent_id ORDER BY a.code`,
    );
  });
  const codes = (nodes: any[]) => nodes.map((n) => n.code);

  it("without a filter lists every account by code", async () => {
    expect(codes(await allNodes(LIST, "accounts"))).toEqual(rows.map((r) => r.code));
    expect(rows.length).toBeGreaterThan(100);
  });

  it("search matches name, e-mail or code, case-insensitively", async () => {
    for (const search of ["GLOBEX", "acme.example", "c0000", "Branch"]) {
      const expected = rows.filter((r) => `${r.name}\n${r.email}\n${r.code}`.toLowerCase().includes(search.toLowerCase())).map((r) => r.code);
      expect(expected.length, search).toBeGreaterThan(0);
      expect(codes(await allNodes(LIST, "accounts", { filter: { search } })), search).toEqual(expected);
    }
  });

  it("search finds an account when every word appears in its name, e-mail or code, in any order (schema: “Words that must appear”)", async () => {
    const search = "supply globex";
    const expected = rows.filter((r) => search.split(" ").every((w) => `${r.name}\n${r.email}\n${r.code}`.toLowerCase().includes(w))).map((r) => r.code);
    expect(expected).toContain("C00002");
    expect(codes(await allNodes(LIST, "accounts", { filter: { search } }))).toEqual(expected);
  });

  it("customerGroupCode lists exactly the group's accounts", async () => {
    for (const group of ["WHOLESALE", "CONTRACTOR", "NOPE"]) {
      const expected = rows.filter((r) => r.group === group).map((r) => r.code);
      expect(codes(await allNodes(LIST, "accounts", { filter: { customerGroupCode: group } })), group).toEqual(expected);
    }
  });

  it("parentAccountId lists exactly the parent's sub-accounts", async () => {
    const parent = rows.find((r) => r.parent !== null)!.parent!;
    const id = await admin(`query($c: String!) { account(code: $c) { id } }`, { c: parent }, "account.id");
    const children = await allNodes(LIST, "accounts", { filter: { parentAccountId: id } });
    expect(codes(children)).toEqual(rows.filter((r) => r.parent === parent).map((r) => r.code));
    expect(children.every((c) => c.parentAccount.code === parent)).toBe(true);
    expect(codes(await allNodes(LIST, "accounts", { filter: { parentAccountId: acme } }))).toEqual([]);
  });
});

describe("node and nodes", () => {
  const TYPES = ["Account", "ShipTo", "Product", "Category", "Warehouse", "Order", "Invoice", "Quote"] as const;
  const NODE = `__typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }
    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number }`;
  /** One object of each type: its global ID and the type's own field, read through its root field. */
  let samples: Record<(typeof TYPES)[number], { id: string; field: string; value: string }>;
  beforeAll(async () => {
    const data = await admin(
      `{ account(code: "C00002") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }
         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }`,
    );
    samples = {
      Account: { id: data.account.id, field: "code", value: data.account.code },
      ShipTo: { id: data.account.shipTos[0].id, field: "name", value: data.account.shipTos[0].name },
      Product: { id: data.products.nodes[0].id, field: "sku", value: data.products.nodes[0].sku },
      Category: { id: data.categories.nodes[0].id, field: "slug", value: data.categories.nodes[0].slug },
      Warehouse: { id: data.warehouses.nodes[0].id, field: "code", value: data.warehouses.nodes[0].code },
      Order: { id: data.account.orders.nodes[0].id, field: "number", value: data.account.orders.nodes[0].number },
      Invoice: { id: data.account.invoices.nodes[0].id, field: "number", value: data.account.invoices.nodes[0].number },
      Quote: { id: data.account.quotes.nodes[0].id, field: "number", value: data.account.quotes.nodes[0].number },
    };
  });

  it.each(TYPES)("node(id) of a %s returns it with the same id, its __typename and its fields", async (type) => {
    const { id, field, value } = samples[type];
    expect(id.startsWith(`gid://store/${type}/`)).toBe(true);
    expect(await admin(`query($id: ID!) { node(id: $id) { ${NODE} } }`, { id }, "node")).toEqual({ __typename: type, id, [field]: value });
  });

  it("nodes(ids) keeps the order of the IDs and gives null for a well-formed ID of nothing", async () => {
    const missing = "gid://store/Product/00000000-0000-0000-0000-000000000000";
    const ids = [samples.Quote.id, missing, samples.Account.id, samples.Product.id, samples.Order.id, "gid://store/Order/00000000-0000-0000-0000-000000000000", samples.Quote.id];
    const nodes = await admin(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids }, "nodes");
    expect(nodes).toEqual([
      { __typename: "Quote", id: samples.Quote.id },
      null,
      { __typename: "Account", id: samples.Account.id },
      { __typename: "Product", id: samples.Product.id },
      { __typename: "Order", id: samples.Order.id },
      null,
      { __typename: "Quote", id: samples.Quote.id },
    ]);
    expect(await admin(`{ nodes(ids: []) { id } }`, {}, "nodes")).toEqual([]);
  });

  it("a well-formed ID of nothing, or of an unknown connector, is null", async () => {
    for (const id of ["gid://store/Order/00000000-0000-0000-0000-000000000000", "gid://store/Order/not-a-uuid", "gid://erp/Order/42"]) {
      expect(await admin(`query($id: ID!) { node(id: $id) { id } order(id: $id) { id } }`, { id }), id).toEqual({ node: null, order: null });
    }
  });

  it.each([
    ["abc", "node"],
    ["gid://store/Nope/1", "node"],
    ["gid://store/Product", "node"],
    ["", "node"],
    ["abc", "nodes"],
    ["gid://store/Nope/1", "nodes"],
    ["abc", "order"],
    ["gid://store/Invoice/00000000-0000-0000-0000-000000000000", "order"],
    ["gid://store/Order/00000000-0000-0000-0000-000000000000", "invoice"],
    ["gid://store/Account/00000000-0000-0000-0000-000000000000", "quote"],
    ["gid://store/Product/00000000-0000-0000-0000-000000000000", "account"],
  ])("%j is BAD_USER_INPUT for %s", async (id, field) => {
    const query = field === "nodes" ? `query($id: ID!) { nodes(ids: [$id]) { id } }` : `query($id: ID!) { ${field}(id: $id) { id } }`;
    const response = await server.gql(query, { id }, server.adminKey);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.data?.[field] ?? null).toBeNull();
  });

  it("more than 100 IDs is BAD_USER_INPUT", async () => {
    const ids = Array.from({ length: 101 }, () => samples.Product.id);
    expect(errorCode(await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }))).toBe("BAD_USER_INPUT");
    expect(await admin(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(1) }, "nodes")).toHaveLength(100);
  });
});

describe("viewer", () => {
  const VIEWER = `{ viewer { kind scopes account { code } } }`;

  it("says who is asking, for every kind of principal", async () => {
    const [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
    const cases: Array<[string | undefined, unknown]> = [
      [undefined, { kind: "ANONYMOUS", scopes: [], account: null }],
      [server.adminKey, { kind: "API_KEY", scopes: ["admin"], account: null }],
      [server.storefrontKey, { kind: "API_KEY", scopes: ["storefront"], account: null }],
      [tokenA, { kind: "CUSTOMER", scopes: ["customer"], account: { code: "C00001" } }],
      [tokenB, { kind: "CUSTOMER", scopes: ["customer"], account: { code: "C00002" } }],
    ];
    for (const [token, viewer] of cases) expect(dataAt<any>(await server.gql(VIEWER, {}, token), "viewer")).toEqual(viewer);
  });
});

describe("paging the lists of one account", () => {
  it("walking account.orders forward and backward visits the 60 orders once, in the same order", async () => {
    const PAGE = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
    const run = (vars: Record<string, unknown>) =>
      server.gql(`query($first: Int, $after: String, $last: Int, $before: String) { account(code: "C00001") { orders(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } }`, vars, server.adminKey);
    const forward = await walk(run, "account.orders", "forward", 7);
    const backward = await walk(run, "account.orders", "backward", 7);
    expect(forward.ids).toHaveLength(60);
    expect(new Set(forward.ids).size).toBe(60);
    expect(backward.ids).toEqual(forward.ids);
  });
});
