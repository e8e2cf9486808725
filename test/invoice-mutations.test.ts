import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// invoicePaymentRecord and invoiceRegister (invoice reads: invoices.test.ts).

let h: WriteHarness;
let tokenA: string;
beforeAll(async () => {
  h = await startWriteHarness();
  tokenA = await h.server.customerToken(0);
});
afterAll(() => h.close());

let n = 0;
const key = () => `invoice-${Date.now()}-${n++}`;
async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

describe("invoicePaymentRecord", () => {
  const PAY = graphql(`mutation InvoiceMutationsPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) {
    invoice { status amountPaid { amount } amountDue { amount } payments { amount { amount } method reference } syncStatus } command { id } userErrors { code field } } }`);

  it("a partial then a full payment move the invoice to PARTIALLY_PAID then PAID; over-payment is refused", async () => {
    const [invoice] = await sql<{ id: string; total: string }>(`SELECT id, total::text AS total FROM invoice WHERE status = 'OPEN' AND total > 10 ORDER BY number LIMIT 1`);
    const invoiceId = `gid://store/Invoice/${invoice!.id}`;
    const totalCents = BigInt(invoice!.total.replace(".", ""));
    const first = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId, amount: "10.00", method: "CARD", reference: "ch_1" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
    expect(first.userErrors).toEqual([]);
    expect(first.invoice.status).toBe("PARTIALLY_PAID");
    expect(first.invoice.amountPaid.amount).toBe("10.00");
    const due = first.invoice.amountDue.amount;
    expect(BigInt(due.replace(".", ""))).toBe(totalCents - 1000n);

    const over = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId, amount: `${due}1`.replace(/(\.\d\d)\d$/, "$1").replace(/^(\d+)/, (d: string) => String(Number(d) + 1)), method: "CARD" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
    expect(over.userErrors).toEqual([{ code: "INVALID", field: ["input", "amount"] }]);

    const rest = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId, amount: due, method: "ACH" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
    expect(rest.invoice).toMatchObject({ status: "PAID", amountDue: { amount: "0.00" } });
    expect(rest.invoice.payments.slice(-2).map((p: any) => p.amount.amount)).toEqual(["10.00", due]);
    await h.waitForCommand(rest.command.id, ["DELIVERED"]);

    const paid = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId, amount: "1.00", method: "CARD" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
    expect(paid.userErrors).toEqual([{ code: "INVALID_STATE", field: ["input", "invoiceId"] }]);
    for (const amount of ["0", "-5.00", "1.234"]) {
      const bad = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId, amount, method: "CARD" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
      expect(bad.userErrors[0]?.code ?? "none").not.toBe("none");
    }
    expect((await h.server.gql(PAY, { input: { invoiceId, amount: "1.00", method: "CARD" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("invoiceRegister", () => {
  const REGISTER = graphql(`mutation InvoiceMutationsRegister($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) {
    invoice { number status total { amount } amountPaid { amount } dueDate order { id } lines { sku quantity unitPrice { amount } lineTotal { amount } } } command { id } userErrors { code field } } }`);

  it("invoices an order's lines once; the goods leave the warehouse and the reservation goes with them", async () => {
    const ids = dataAt<any>(await h.server.gql(graphql(`query InvoiceMutationsWarehouse { wh: warehouse(code: "WH-EAST") { id } }`)), "");
    await sql(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, reserved) SELECT p.id, w.id, 100, 0 FROM product p, warehouse w WHERE p.sku = 'SKU-00402' AND w.code = 'WH-EAST'
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 100, reserved = 0`,
    );
    const level = async () => (await sql<{ on_hand: number; reserved: number }>(`SELECT il.on_hand, il.reserved FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = 'SKU-00402' AND w.code = 'WH-EAST'`))[0]!;
    const placed = dataAt<any>(await h.server.gql(graphql(`mutation InvoiceMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: "SKU-00402", quantity: 3, warehouseId: $wh }] }, idempotencyKey: $key) { order { id total { amount } } } }`), { wh: ids.wh.id, key: key() }, tokenA), "orderPlace");
    expect(await level()).toEqual({ on_hand: 100, reserved: 3 });
    const payload = dataAt<any>(await h.server.gql(REGISTER, { input: { orderId: placed.order.id }, key: key() }, h.server.adminKey), "invoiceRegister");
    expect(payload.userErrors).toEqual([]);
    expect(payload.invoice).toMatchObject({ status: "OPEN", total: placed.order.total, amountPaid: { amount: "0.00" }, order: { id: placed.order.id }, lines: [{ sku: "SKU-00402", quantity: 3 }] });
    expect(payload.invoice.number).toMatch(/^INV-9\d{5}$/);
    expect(await level()).toEqual({ on_hand: 97, reserved: 0 });
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const again = dataAt<any>(await h.server.gql(REGISTER, { input: { orderId: placed.order.id }, key: key() }, h.server.adminKey), "invoiceRegister");
    expect(again.userErrors).toEqual([{ code: "INVALID_STATE", field: ["input", "orderId"] }]);
  });

  it("free lines for an account, paid on the spot, with a due date", async () => {
    const account = dataAt<any>(await h.server.gql(graphql(`query InvoiceMutationsAccount { account(code: "C00003") { id } }`), {}, h.server.adminKey), "account");
    const payload = dataAt<any>(
      await h.server.gql(REGISTER, { input: { accountId: account.id, dueDate: "2027-01-31", paymentStatus: "PAID", paymentMethod: "WIRE", lines: [{ description: "Installation", quantity: 2, unitPrice: "45.50" }, { sku: "SKU-00403", quantity: 1, unitPrice: "9.99" }] }, key: key() }, h.server.adminKey),
      "invoiceRegister",
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.invoice).toMatchObject({ status: "PAID", total: { amount: "100.99" }, amountPaid: { amount: "100.99" }, dueDate: "2027-01-31", order: null });
    const bad = dataAt<any>(await h.server.gql(REGISTER, { input: { accountId: account.id, lines: [{ quantity: 1, unitPrice: "1.00" }] }, key: key() }, h.server.adminKey), "invoiceRegister");
    expect(bad.userErrors).toEqual([{ code: "INVALID", field: ["input", "lines", "0", "description"] }]);
    expect((await h.server.gql(REGISTER, { input: { accountId: account.id, lines: [{ description: "x", quantity: 1, unitPrice: "1.00" }] }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
