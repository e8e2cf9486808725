import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { cents, errorCode, iso, reader, sumCents } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// order and orders as an admin API key reads them (customer isolation: access.test.ts; order mutations: order-mutations.test.ts).

let server: TestServer;
/** Global IDs of the demo accounts C00001 and C00002. */
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = await admin(graphql(`query OrdersAccount { a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`));
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

const { read: admin, sql, count, allNodes } = reader(() => server, (s) => s.adminKey);

describe("order", () => {
  // The fields of Order these tests read, spread as ...OrdersOrder.
  graphql(`fragment OrdersOrder on Order { id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }
    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }
    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }
    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } } }`);

  it("order(id) returns the order exactly as the list shows it, with the stored values", async () => {
    const [row] = await sql<any>(
      `SELECT o.number, o.external_number, o.kind, o.status, o.created_at, o.po_number, o.subtotal::text, o.tax_total::text, o.shipping_total::text, o.total::text, a.code
       FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' ORDER BY o.number LIMIT 1`,
    );
    const listed = await admin(graphql(`query OrdersBOrders($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ...OrdersOrder } } }`), { a: acme }, "orders.nodes");
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
    expect(await admin(graphql(`query OrdersBOrder($id: ID!) { order(id: $id) { ...OrdersOrder } }`), { id: fromList.id }, "order")).toEqual(fromList);
  });

  it("totals add up: total = subtotal + tax + shipping; each lineTotal = unitPrice × quantity; lines sum to the subtotal", async () => {
    const orders = await admin(graphql(`query OrdersOrders { orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }
      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }`), {}, "orders.nodes");
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
    const orders = await admin(graphql(`query OrdersOrders2($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number
      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }
      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }`), { a: acme }, "orders.nodes");
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
  const LIST = graphql(`query OrdersBList($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } pageInfo { hasNextPage endCursor } } }`);
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
    const asVariable = await server.gql(graphql(`query OrdersOrders3($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }`), { d: "yesterday" }, server.adminKey);
    expect(errorCode(asVariable)).toBe("BAD_USER_INPUT");
    expect(asVariable.errors?.[0]?.message).toContain("ISO 8601");
    const asLiteral = await server.gql(graphql(`query OrdersOrders4 { orders(filter: { createdAfter: "yesterday" }) { totalCount } }`), {}, server.adminKey);
    expect(errorCode(asLiteral)).toBe("GRAPHQL_VALIDATION_FAILED");
    const wrongType = await server.gql(graphql(`query OrdersOrders5 { orders(filter: { accountId: "gid://store/Order/00000000-0000-0000-0000-000000000000" }) { totalCount } }`), {}, server.adminKey);
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
    const cursor = await admin(graphql(`query OrdersProducts { products(first: 1) { edges { cursor } } }`), {}, "products.edges.0.cursor");
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
    const response = await server.gql(graphql(`query OrdersQuotes($c: String) { quotes(first: 5, after: $c) { nodes { id } } }`), { c: cursor }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  });

  it("an untampered cursor still pages", async () => {
    const cursor = await tampered(...ORDERS_CURSOR, {});
    const page = await admin(graphql(`query OrdersOrders6($c: String) { orders(first: 5, after: $c) { nodes { id } } }`), { c: cursor }, "orders.nodes");
    expect(page).toHaveLength(5);
  });
});

describe("orders sorting", () => {
  const ordered = (args: string) =>
    allNodes(`query($after: String) { orders(first: 100, after: $after, ${args}) { nodes { number createdAt } pageInfo { hasNextPage endCursor } } }`, "orders");

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
    const newest = await admin(graphql(`query OrdersOrders7 { orders(first: 100) { nodes { createdAt } } }`), {}, "orders.nodes");
    const expectedNewest = await sql<{ created_at: Date }>(`SELECT created_at FROM "order" ORDER BY created_at DESC LIMIT 100`);
    expect(newest.map((o: any) => o.createdAt)).toEqual(expectedNewest.map((r) => iso(r.created_at)));
    const oldest = await admin(graphql(`query OrdersOrders8 { orders(first: 100, reverse: true) { nodes { createdAt } } }`), {}, "orders.nodes");
    const expectedOldest = await sql<{ created_at: Date }>(`SELECT created_at FROM "order" ORDER BY created_at LIMIT 100`);
    expect(oldest.map((o: any) => o.createdAt)).toEqual(expectedOldest.map((r) => iso(r.created_at)));
  });

  it("sortKey NUMBER: highest number first; reverse: lowest first", async () => {
    const numbers = (await sql<{ number: string }>(`SELECT o.number FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00002'`)).map((r) => r.number).sort();
    expect((await ordered(`filter: { accountId: "${globex}" }, sortKey: NUMBER`)).map((o) => o.number)).toEqual([...numbers].reverse());
    expect((await ordered(`filter: { accountId: "${globex}" }, sortKey: NUMBER, reverse: true`)).map((o) => o.number)).toEqual(numbers);
    const lowest = await admin(graphql(`query OrdersOrders9 { orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }`), {}, "orders.nodes");
    expect(lowest.map((o: any) => o.number)).toEqual(["SO-100001", "SO-100002", "SO-100003"]);
  });
});
