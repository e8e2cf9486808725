import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
let acme: any;
beforeAll(async () => {
  server = await startTestServer();
  acme = dataAt<any>(await server.gql(`{ account(code: "C00001") { id } }`, {}, server.adminKey), "account");
});
afterAll(() => server.close());

const admin = async (query: string, variables: Record<string, unknown> = {}, path = "") => dataAt<any>(await server.gql(query, variables, server.adminKey), path);
const cents = (amount: string) => BigInt(amount.replace(".", ""));

describe("orders", () => {
  const ORDER = `id number externalNumber kind status createdAt poNumber account { code } shipTo { id name isDefault }
    subtotal { amount } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }
    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } warehouse { code } }
    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } }`;

  it("order(id) returns the order with consistent totals, lines and shipments", async () => {
    const page = await admin(`{ orders(first: 50, filter: { statuses: [COMPLETED] }) { nodes { ${ORDER} } } }`, {}, "orders.nodes");
    for (const order of page) {
      expect(cents(order.total.amount)).toBe(cents(order.subtotal.amount) + cents(order.taxTotal.amount) + cents(order.shippingTotal.amount));
      expect(order.lines.reduce((sum: bigint, l: any) => sum + cents(l.lineTotal.amount), 0n)).toBe(cents(order.subtotal.amount));
      for (const line of order.lines) {
        expect(cents(line.lineTotal.amount)).toBe(cents(line.unitPrice.amount) * BigInt(line.quantity));
        expect(line.product.sku).toBe(line.sku);
      }
      expect(order.lines.map((l: any) => l.lineNumber)).toEqual(order.lines.map((_: unknown, i: number) => i + 1));
      expect(order.shipments.length).toBeGreaterThan(0);
      for (const invoice of order.invoices) expect(invoice.order.id).toBe(order.id);
    }
    const one = await admin(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: page[0].id }, "order");
    expect(one).toEqual(page[0]);
  });

  it("filters by account, statuses, kinds and creation dates", async () => {
    const after = "2025-06-01T00:00:00Z";
    const before = "2026-01-01T00:00:00Z";
    const nodes = await admin(
      `query($a: ID!, $after: DateTime, $before: DateTime) { orders(first: 100, filter: { accountId: $a, statuses: [COMPLETED, SHIPPED], createdAfter: $after, createdBefore: $before }) { totalCount nodes { status createdAt account { code } } } }`,
      { a: acme.id, after, before },
      "orders",
    );
    const [row] = (await server.dataSource.query(
      `SELECT count(*)::int AS n FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status IN ('COMPLETED','SHIPPED') AND o.created_at >= $1 AND o.created_at < $2`,
      [after, before],
    )) as Array<{ n: number }>;
    expect(nodes.totalCount).toBe(row!.n);
    for (const o of nodes.nodes) {
      expect(["COMPLETED", "SHIPPED"]).toContain(o.status);
      expect(o.account.code).toBe("C00001");
      expect(o.createdAt >= after && o.createdAt < before).toBe(true);
    }
    const preorders = await admin(`{ orders(first: 100, filter: { kinds: [PREORDER] }) { totalCount nodes { kind } } }`, {}, "orders");
    expect(preorders.totalCount).toBeGreaterThan(0);
    expect(preorders.nodes.every((o: any) => o.kind === "PREORDER")).toBe(true);
  });

  it("is newest first by default; reverse is oldest first; NUMBER sorts by number", async () => {
    const newest = (await admin(`{ orders(first: 100) { nodes { createdAt } } }`, {}, "orders.nodes")).map((o: any) => o.createdAt);
    expect(newest).toEqual([...newest].sort().reverse());
    const oldest = (await admin(`{ orders(first: 100, reverse: true) { nodes { createdAt } } }`, {}, "orders.nodes")).map((o: any) => o.createdAt);
    expect(oldest).toEqual([...oldest].sort());
    const numbers = (await admin(`{ orders(first: 5, sortKey: NUMBER, reverse: true) { nodes { number } } }`, {}, "orders.nodes")).map((o: any) => o.number);
    expect(numbers).toEqual(["SO-100001", "SO-100002", "SO-100003", "SO-100004", "SO-100005"]);
  });

  it("a bad date is rejected: BAD_USER_INPUT as a variable, GRAPHQL_VALIDATION_FAILED as a literal", async () => {
    const asVariable = await server.gql(`query($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }`, { d: "yesterday" }, server.adminKey);
    expect(asVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(asVariable.errors?.[0]?.message).toContain("ISO 8601");
    const asLiteral = await server.gql(`{ orders(filter: { createdAfter: "yesterday" }) { totalCount } }`, {}, server.adminKey);
    expect(asLiteral.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("invoices", () => {
  it("amounts add up, payments sum to the amount paid, and filters hold", async () => {
    const nodes = await admin(
      `{ invoices(first: 100, filter: { statuses: [PARTIALLY_PAID, PAID, VOID], dueBefore: "2026-10-01" }) { totalCount nodes {
        id number status dueDate total { amount } amountPaid { amount } amountDue { amount } payments { amount { amount } method }
        lines { lineTotal { amount } } account { code } order { account { code } } } } }`,
      {},
      "invoices.nodes",
    );
    expect(nodes.length).toBeGreaterThan(0);
    for (const invoice of nodes) {
      expect(["PARTIALLY_PAID", "PAID", "VOID"]).toContain(invoice.status);
      expect(invoice.dueDate < "2026-10-01").toBe(true);
      const paid = invoice.payments.reduce((sum: bigint, p: any) => sum + cents(p.amount.amount), 0n);
      expect(paid).toBe(cents(invoice.amountPaid.amount));
      const due = invoice.status === "VOID" ? 0n : cents(invoice.total.amount) - paid;
      expect(cents(invoice.amountDue.amount)).toBe(due);
      if (invoice.status === "PAID") expect(due).toBe(0n);
      expect(invoice.order.account.code).toBe(invoice.account.code);
    }
    const one = await admin(`query($id: ID!) { invoice(id: $id) { number } }`, { id: nodes[0].id }, "invoice");
    expect(one.number).toBe(nodes[0].number);
  });

  it("an account's invoices connection counts what the database holds", async () => {
    const [row] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.code = 'C00001'`)) as Array<{ n: number }>;
    const count = await admin(`{ invoices(filter: { accountId: "${acme.id}" }) { totalCount } }`, {}, "invoices.totalCount");
    expect(count).toBe(row!.n);
  });
});

describe("quotes", () => {
  it("filters by status and account; a converted quote points at an order of the same account", async () => {
    const converted = await admin(`{ quotes(first: 100, filter: { statuses: [CONVERTED] }) { nodes { status account { code } convertedOrder { account { code } } lines { sku } total { amount } validUntil } } }`, {}, "quotes.nodes");
    expect(converted.length).toBeGreaterThan(0);
    for (const quote of converted) {
      expect(quote.status).toBe("CONVERTED");
      expect(quote.convertedOrder.account.code).toBe(quote.account.code);
    }
    const open = await admin(`{ quotes(first: 100, filter: { accountId: "${acme.id}", statuses: [OPEN] }) { nodes { status validUntil account { code } } } }`, {}, "quotes.nodes");
    expect(open.every((q: any) => q.status === "OPEN" && q.account.code === "C00001" && q.validUntil > "2026-11-01")).toBe(true);
  });
});

describe("accounts", () => {
  const ACCOUNT = `id code name email paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code } corporateGroup { code }
    defaultWarehouse { code } shipTos { id isDefault erpShipToId address { city } } parentAccount { code } subAccounts { code parentAccount { code } }`;

  it("account(id), account(email, any case) and account(code) find the same account", async () => {
    const byCode = await admin(`{ account(code: "C00001") { ${ACCOUNT} } }`, {}, "account");
    const byEmail = await admin(`{ account(email: "BUYER@Acme.Example") { ${ACCOUNT} } }`, {}, "account");
    const byId = await admin(`query($id: ID!) { account(id: $id) { ${ACCOUNT} } }`, { id: byCode.id }, "account");
    expect(byEmail).toEqual(byCode);
    expect(byId).toEqual(byCode);
    expect(byCode.customerGroup.code).toBe("WHOLESALE");
    expect(byCode.shipTos.filter((s: any) => s.isDefault)).toHaveLength(1);
    expect(byCode.shipTos[0].isDefault).toBe(true);
  });

  it("sub-accounts link to their parent, and the list filters by parent, group and search", async () => {
    const [row] = (await server.dataSource.query(`SELECT p.code FROM account c JOIN account p ON p.id = c.parent_id ORDER BY p.code LIMIT 1`)) as Array<{ code: string }>;
    const parent = await admin(`query($c: String!) { account(code: $c) { id code subAccounts { code parentAccount { code } } } }`, { c: row!.code }, "account");
    expect(parent.subAccounts.length).toBeGreaterThan(0);
    expect(parent.subAccounts.every((s: any) => s.parentAccount.code === parent.code)).toBe(true);
    const children = await admin(`query($p: ID!) { accounts(filter: { parentAccountId: $p }) { nodes { code } } }`, { p: parent.id }, "accounts.nodes");
    expect(children.map((c: any) => c.code)).toEqual(parent.subAccounts.map((s: any) => s.code));
    const wholesale = await admin(`{ accounts(first: 100, filter: { customerGroupCode: "WHOLESALE" }) { nodes { customerGroup { code } } } }`, {}, "accounts.nodes");
    expect(wholesale.length).toBeGreaterThan(0);
    expect(wholesale.every((a: any) => a.customerGroup.code === "WHOLESALE")).toBe(true);
    const search = await admin(`{ accounts(filter: { search: "globex" }) { nodes { code } } }`, {}, "accounts.nodes");
    expect(search.map((a: any) => a.code)).toContain("C00002");
  });

  it("restricted products and the account's order, invoice and quote connections", async () => {
    const [row] = (await server.dataSource.query(
      `SELECT a.code, count(*)::int AS n FROM account_restricted_product r JOIN account a ON a.id = r.account_id GROUP BY a.code ORDER BY a.code LIMIT 1`,
    )) as Array<{ code: string; n: number }>;
    const account = await admin(
      `query($c: String!) { account(code: $c) { restrictedProducts { sku } orders(first: 3) { totalCount nodes { account { code } } } quotes { totalCount } } }`,
      { c: row!.code },
      "account",
    );
    expect(account.restrictedProducts).toHaveLength(row!.n);
    expect(account.orders.nodes.every((o: any) => o.account.code === row!.code)).toBe(true);
    const [count] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = $1`, [row!.code])) as Array<{ n: number }>;
    expect(account.orders.totalCount).toBe(count!.n);
  });
});

describe("node and nodes", () => {
  it("round-trips every Node type", async () => {
    const ids = await admin(
      `{ account(code: "C00001") { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } }
         products(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } warehouses(first: 1) { nodes { id } } }`,
    );
    const cases: Array<[string, string]> = [
      ["Account", ids.account.id],
      ["ShipTo", ids.account.shipTos[0].id],
      ["Order", ids.account.orders.nodes[0].id],
      ["Invoice", ids.account.invoices.nodes[0].id],
      ["Quote", ids.account.quotes.nodes[0].id],
      ["Product", ids.products.nodes[0].id],
      ["Category", ids.categories.nodes[0].id],
      ["Warehouse", ids.warehouses.nodes[0].id],
    ];
    for (const [type, id] of cases) {
      expect(id.startsWith(`gid://store/${type}/`)).toBe(true);
      const node = await admin(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, "node");
      expect(node).toEqual({ __typename: type, id });
    }
    const missing = "gid://store/Product/00000000-0000-0000-0000-000000000000";
    const nodes = await admin(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [cases[5]![1], missing, cases[0]![1]] }, "nodes");
    expect(nodes).toEqual([{ id: cases[5]![1] }, null, { id: cases[0]![1] }]);
  });

  it.each([
    ["abc", "node"],
    ["gid://store/Nope/1", "node"],
    ["gid://store/Invoice/00000000-0000-0000-0000-000000000000", "order"],
  ])("%s is BAD_USER_INPUT for %s(id)", async (id, field) => {
    const response = await server.gql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id }, server.adminKey);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a well-formed ID of nothing, or of an unknown connector, is null", async () => {
    for (const id of ["gid://store/Order/00000000-0000-0000-0000-000000000000", "gid://store/Order/not-a-uuid", "gid://erp/Order/42"]) {
      expect(await admin(`query($id: ID!) { node(id: $id) { id } order(id: $id) { id } }`, { id })).toEqual({ node: null, order: null });
    }
  });

  it("more than 100 IDs is BAD_USER_INPUT", async () => {
    const ids = Array.from({ length: 101 }, () => "gid://store/Product/x");
    const response = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("viewer says who is asking", async () => {
    expect(dataAt<any>(await server.gql(`{ viewer { kind scopes account { code } } }`), "viewer")).toEqual({ kind: "ANONYMOUS", scopes: [], account: null });
    expect(await admin(`{ viewer { kind scopes } }`, {}, "viewer")).toEqual({ kind: "API_KEY", scopes: ["admin"] });
    const token = await server.customerToken(1);
    expect(dataAt<any>(await server.gql(`{ viewer { kind scopes account { code } } }`, {}, token), "viewer")).toEqual({ kind: "CUSTOMER", scopes: ["customer"], account: { code: "C00002" } });
  });
});
