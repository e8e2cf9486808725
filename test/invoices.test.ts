import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { cents, iso, reader, sumCents } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// invoice and invoices as an admin API key reads them (customer isolation: access.test.ts; invoice mutations: invoice-mutations.test.ts).

let server: TestServer;
/** Global ID of the demo account C00001. */
let acme: string;
beforeAll(async () => {
  server = await startTestServer();
  acme = await admin(graphql(`query InvoicesAccount { account(code: "C00001") { id } }`), {}, "account.id");
});
afterAll(() => server.close());

const { read: admin, sql, count, allNodes } = reader(() => server, (s) => s.adminKey);

describe("invoices", () => {
  // The fields of Invoice these tests read, spread as ...InvoicesInvoice.
  graphql(`fragment InvoicesInvoice on Invoice { id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }
    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }
    account { code } order { number account { code } } }`);

  it("invoice(id) returns the invoice exactly as the list shows it", async () => {
    const listed = await admin(graphql(`query InvoicesBInvoices($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ...InvoicesInvoice } } }`), { a: acme }, "invoices.nodes");
    expect(listed.length).toBeGreaterThan(0);
    for (const invoice of listed) {
      expect(await admin(graphql(`query InvoicesBInvoice($id: ID!) { invoice(id: $id) { ...InvoicesInvoice } }`), { id: invoice.id }, "invoice")).toEqual(invoice);
    }
  });

  it.each(["OPEN", "PARTIALLY_PAID", "PAID", "VOID"])("%s invoices: amountDue = total − amountPaid (0 when VOID); payments sum to amountPaid", async (status) => {
    const page = await admin(graphql(`query InvoicesBInvoices2($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ...InvoicesInvoice } } }`), { s: [status] }, "invoices");
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
    const LIST = graphql(`query InvoicesBList($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } pageInfo { hasNextPage endCursor } } }`);
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
    const issued = await admin(graphql(`query InvoicesInvoices { invoices(first: 100) { nodes { issuedAt } } }`), {}, "invoices.nodes");
    const expected = await sql<{ issued_at: Date }>(`SELECT issued_at FROM invoice ORDER BY created_at DESC LIMIT 100`);
    expect(issued.map((i: any) => i.issuedAt)).toEqual(expected.map((r) => iso(r.issued_at)));
    const due = await admin(graphql(`query InvoicesInvoices2 { invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }`), {}, "invoices.nodes");
    const expectedDue = await sql<{ due: string }>(`SELECT due_date::text AS due FROM invoice ORDER BY due_date DESC LIMIT 100`);
    expect(due.map((i: any) => i.dueDate)).toEqual(expectedDue.map((r) => r.due));
  });
});
