import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// GraphQL stays in raw strings here on purpose (requests past the limits, their inputs built at run time and wrong on purpose): not typed documents.

/**
 * Every input of every mutation has a maximum; beyond it the answer is a
 * userError INVALID naming the input, never a database error ("numeric field
 * overflow"), and nothing is stored or sent. One test per family: quantities,
 * money, text, lists — with the reproductions of the review.
 */
let h: WriteHarness;
let token: string;
let caseSku: { sku: string; factor: number };
let plain: { id: string; sku: string };
let accountId: string;
beforeAll(async () => {
  h = await startWriteHarness();
  token = await h.server.customerToken(0);
  const [unit] = (await h.server.dataSource.query(`SELECT p.sku, u.factor FROM product_unit u JOIN product p ON p.id = u.product_id WHERE u.code = 'CASE' AND u.factor > 1 ORDER BY p.sku LIMIT 1`)) as Array<{ sku: string; factor: number }>;
  caseSku = unit!;
  // A product no price list names, with a known list price and no breaks: its totals are list price × quantity.
  const [row] = (await h.server.dataSource.query(
    `SELECT p.id, p.sku FROM product p WHERE NOT p.restricted AND NOT EXISTS (SELECT 1 FROM price_list_entry e WHERE e.product_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id) ORDER BY p.sku LIMIT 1`,
  )) as Array<{ id: string; sku: string }>;
  plain = { id: `gid://store/Product/${row!.id}`, sku: row!.sku };
  const update = dataAt<any>(
    await h.server.gql(UPDATE_PRODUCT, { input: { productId: plain.id, listPrice: "999999.99", priceBreaks: [] }, key: key() }, h.server.adminKey),
    "productUpdate",
  );
  expect(update.userErrors).toEqual([]);
  accountId = dataAt<string>(await h.server.gql(`{ viewer { account { id } } }`, {}, token), "viewer.account.id");
});
afterAll(() => h.close());

let n = 0;
const key = () => `limits-${Date.now()}-${n++}`;
const PLACE = `mutation($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { field code message } } }`;
const UPDATE_PRODUCT = `mutation($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { product { id } userErrors { field code } } }`;
const REGISTER = `mutation($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { invoice { id } userErrors { field code } } }`;

/** Orders, invoices and commands stored so far: a refused input adds none. */
async function stored(): Promise<{ orders: number; invoices: number; commands: number }> {
  const [row] = (await h.server.dataSource.query(
    `SELECT (SELECT count(*)::int FROM "order") AS orders, (SELECT count(*)::int FROM invoice) AS invoices, (SELECT count(*)::int FROM command) AS commands`,
  )) as Array<{ orders: number; invoices: number; commands: number }>;
  return row!;
}

/** Runs a mutation that must answer user errors only (no GraphQL error); returns `[code, field]` of each. */
async function refused(query: string, input: unknown, field: string, as = h.server.adminKey): Promise<Array<[string, string]>> {
  const response = await h.server.gql(query, { input, key: key() }, as);
  expect(response.errors).toBeUndefined();
  return dataAt<any>(response, field).userErrors.map((e: any) => [e.code, e.field.join(".")]);
}

describe("input limits", () => {
  it("quantities: 2,147,483,647 CASE, 100 lines × 10⁹, a pre-order of 2,147,483,647 units, 50,000 cases and a total past 1,000,000,000.00 are INVALID; nothing stored or sent", async () => {
    const before = await stored();
    expect(await refused(PLACE, { lines: [{ sku: caseSku.sku, quantity: 2_147_483_647, unit: "CASE" }] }, "orderPlace", token)).toEqual([["INVALID", "input.lines.0.quantity"]]);
    const hundred = Array.from({ length: 100 }, () => ({ sku: plain.sku, quantity: 1_000_000_000 }));
    expect(await refused(PLACE, { lines: hundred }, "orderPlace", token)).toEqual(hundred.map((_, i) => ["INVALID", `input.lines.${i}.quantity`]));
    expect(await refused(PLACE, { kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 2_147_483_647 }] }, "orderPlace", token)).toEqual([["INVALID", "input.lines.0.quantity"]]);
    // Within the line's maximum in cases, beyond it in base units.
    const cases = Math.floor(1_000_000 / caseSku.factor) + 1;
    expect(await refused(PLACE, { kind: "PREORDER", lines: [{ sku: caseSku.sku, quantity: cases, unit: "CASE" }] }, "orderPlace", token)).toEqual([["INVALID", "input.lines.0.quantity"]]);
    // 1,001 × 999,999.99: one line past the most a line totals; 2 × 600 units: each line within, the order past it.
    expect(await refused(PLACE, { kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 1001 }] }, "orderPlace", token)).toEqual([["INVALID", "input.lines.0.quantity"]]);
    expect(await refused(PLACE, { kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 600 }, { sku: plain.sku, quantity: 600 }] }, "orderPlace", token)).toEqual([["INVALID", "input.lines"]]);
    expect(await refused(`mutation($input: QuoteRequestInput!, $key: String!) { quoteRequest(input: $input, idempotencyKey: $key) { quote { id } userErrors { field code } } }`, { lines: [{ sku: plain.sku, quantity: 1001 }] }, "quoteRequest", token)).toEqual([
      ["INVALID", "input.lines.0.quantity"],
    ]);
    const inventory = `mutation($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    const warehouseId = dataAt<string>(await h.server.gql(`{ warehouse(code: "WH-EAST") { id } }`), "warehouse.id");
    expect(await refused(inventory, { productId: plain.id, warehouseId, onHand: 2_000_000_000 }, "inventorySet")).toEqual([["INVALID", "input.onHand"]]);
    expect(await stored()).toEqual(before);
    // At the maximum it is an order like any other.
    const atMost = dataAt<any>(await h.server.gql(PLACE, { input: { kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 1000 }] }, key: key() }, token), "orderPlace");
    expect(atMost.userErrors).toEqual([]);
  });

  it("money: a list price of 10¹², three decimals, an invoice line at 10¹⁷, a free invoice past 1,000,000,000.00 and a payment of 10¹² are INVALID; nothing stored", async () => {
    const before = await stored();
    expect(await refused(UPDATE_PRODUCT, { productId: plain.id, listPrice: "1000000000000" }, "productUpdate")).toEqual([["INVALID", "input.listPrice"]]);
    expect(await refused(UPDATE_PRODUCT, { productId: plain.id, listPrice: "1.999" }, "productUpdate")).toEqual([["INVALID", "input.listPrice"]]);
    expect(await refused(UPDATE_PRODUCT, { productId: plain.id, priceBreaks: [{ minQuantity: 2_147_483_647, unitPrice: "1000000.01" }] }, "productUpdate")).toEqual([
      ["INVALID", "input.priceBreaks.0.minQuantity"],
      ["INVALID", "input.priceBreaks.0.unitPrice"],
    ]);
    expect(await refused(REGISTER, { accountId, lines: [{ description: "Consulting", quantity: 1, unitPrice: "100000000000000000" }] }, "invoiceRegister")).toEqual([["INVALID", "input.lines.0.unitPrice"]]);
    expect(await refused(REGISTER, { accountId, lines: [{ description: "Consulting", quantity: 1_000_000, unitPrice: "1000000.00" }] }, "invoiceRegister")).toEqual([["INVALID", "input.lines"]]);
    const invoice = dataAt<any>(await h.server.gql(REGISTER, { input: { accountId, lines: [{ description: "Consulting", quantity: 2, unitPrice: "50.00" }] }, key: key() }, h.server.adminKey), "invoiceRegister");
    expect(invoice.userErrors).toEqual([]);
    const pay = `mutation($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    expect(await refused(pay, { invoiceId: invoice.invoice.id, amount: "1000000000000", method: "WIRE" }, "invoicePaymentRecord")).toEqual([["INVALID", "input.amount"]]);
    const after = await stored();
    expect(after.invoices).toBe(before.invoices + 1);
    expect(after.commands).toBe(before.commands + 1);
    expect((await h.server.dataSource.query(`SELECT list_price::text AS p FROM product WHERE id = $1`, [plain.id.split("/").pop()]))[0].p).toBe("999999.99");
  });

  it("text: 90 KB poNumber, ship-to name, phone and payment provider are INVALID naming the field; nothing stored or sent", async () => {
    // 90 KB: one such field per request fits the 100 KB body limit.
    const big = "x".repeat(90 * 1024);
    const before = await stored();
    expect(await refused(PLACE, { poNumber: big, notes: "n".repeat(2001), lines: [{ sku: plain.sku, quantity: 1 }] }, "orderPlace", token)).toEqual([
      ["INVALID", "input.poNumber"],
      ["INVALID", "input.notes"],
    ]);
    const shipTo = `mutation($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    expect(await refused(shipTo, { name: big, address: { line1: "1 Main St", city: "c".repeat(101), postalCode: "12345", countryCode: "US" } }, "shipToAdd", token)).toEqual([
      ["INVALID", "input.address.city"],
      ["INVALID", "input.name"],
    ]);
    const update = `mutation($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    expect(await refused(update, { account: { id: accountId }, phone: big }, "accountUpdate", token)).toEqual([["INVALID", "input.phone"]]);
    const payment = `mutation($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    expect(await refused(payment, { provider: big, token: "tok_123" }, "paymentMethodAdd", token)).toEqual([["INVALID", "input.provider"]]);
    // Characters, not UTF-16 units: 64 emoji are a valid purchase-order number.
    const emoji = dataAt<any>(await h.server.gql(PLACE, { input: { poNumber: "😀".repeat(64), kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 1 }] }, key: key() }, token), "orderPlace");
    expect(emoji.userErrors).toEqual([]);
    const after = await stored();
    expect(after).toEqual({ ...before, orders: before.orders + 1, commands: before.commands + 1 });
  });

  it("lists: 101 order lines, 21 price breaks, 51 allowed networks and 101 cancelled lines are INVALID naming the list", async () => {
    const lines = Array.from({ length: 101 }, () => ({ sku: plain.sku, quantity: 1 }));
    expect(await refused(PLACE, { lines }, "orderPlace", token)).toEqual([["INVALID", "input.lines"]]);
    const breaks = Array.from({ length: 21 }, (_, i) => ({ minQuantity: i + 2, unitPrice: "1.00" }));
    expect(await refused(UPDATE_PRODUCT, { productId: plain.id, priceBreaks: breaks }, "productUpdate")).toEqual([["INVALID", "input.priceBreaks"]]);
    const keyCreate = `mutation($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { id } userErrors { field code } } }`;
    const networks = Array.from({ length: 51 }, (_, i) => `10.0.${i}.0/24`);
    expect(await refused(keyCreate, { name: "many networks", scopes: ["STOREFRONT"], allowedIps: networks }, "apiKeyCreate")).toEqual([["INVALID", "input.allowedIps"]]);
    const order = dataAt<any>(await h.server.gql(PLACE, { input: { kind: "PREORDER", lines: [{ sku: plain.sku, quantity: 1 }] }, key: key() }, token), "orderPlace");
    const cancel = `mutation($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    expect(await refused(cancel, { orderId: order.order.id, reason: "too many", lines: Array.from({ length: 101 }, () => ({ lineNumber: 1, quantity: 1 })) }, "orderCancel", token)).toEqual([
      ["INVALID", "input.lines"],
    ]);
    expect(await refused(cancel, { orderId: order.order.id, reason: "r".repeat(1001) }, "orderCancel", token)).toEqual([["INVALID", "input.reason"]]);
  });
});
