import type { EntityManager } from "typeorm";
import { insertRows } from "./bulk-insert.js";
import { addSeconds, cents, isoDate, REFERENCE_DATE, type DemoRandom } from "./demo-random.js";
import type { SeededAccount } from "./seed-accounts.js";
import type { SeededCatalog, SeededProduct } from "./seed-catalog.js";

/** Orders each demo customer has, so that history paging has several pages. */
export const DEMO_CUSTOMER_ORDERS = 60;

const STATUSES: Array<[string, number]> = [
  ["PENDING", 3], ["OPEN", 8], ["PROCESSING", 6], ["SHIPPED", 10], ["COMPLETED", 60], ["CANCELLED", 8], ["RETURNED", 5],
];
const CARRIERS = ["UPS", "FEDEX", "USPS", "DHL"];
const PAYMENT_METHODS = ["CARD", "ACH", "CHECK", "WIRE"];
const QUOTE_STATUSES = ["OPEN", "ACCEPTED", "CONVERTED", "EXPIRED", "DECLINED"];

function weighted(r: DemoRandom, options: Array<[string, number]>): string {
  let ticket = r.int(1, options.reduce((sum, [, weight]) => sum + weight, 0));
  for (const [value, weight] of options) {
    ticket -= weight;
    if (ticket <= 0) return value;
  }
  return options[0]![0];
}

interface Line {
  product: SeededProduct;
  quantity: number;
  unit: string;
  unitCents: number;
}

function randomLines(r: DemoRandom, products: SeededProduct[], max: number): Line[] {
  return r.sample(products, r.int(1, max)).map((product) => {
    const unit = r.pick(product.units);
    return { product, quantity: r.int(1, 20), unit: unit.code, unitCents: product.listCents * unit.factor };
  });
}

/** Seeds orders with lines and shipments, invoices with lines and payments, and quotes. */
export async function seedOrders(
  m: EntityManager,
  r: DemoRandom,
  counts: { orders: number; quotes: number },
  catalog: SeededCatalog,
  accounts: SeededAccount[],
): Promise<{ orders: number; lines: number; invoices: number; quotes: number }> {
  const orderRows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  const shipmentRows: unknown[][] = [];
  const invoiceRows: unknown[][] = [];
  const invoiceLineRows: unknown[][] = [];
  const paymentRows: unknown[][] = [];
  const ordersByAccount = new Map<string, string[]>();

  const demo = accounts.slice(0, 2);
  const others = accounts.slice(2);
  const owners: SeededAccount[] = [];
  for (const account of demo) for (let n = 0; n < DEMO_CUSTOMER_ORDERS; n++) owners.push(account);
  while (owners.length < counts.orders) owners.push(others.length > 0 ? r.pick(others) : r.pick(demo));

  owners.forEach((account, index) => {
    const id = r.uuid();
    const status = weighted(r, STATUSES);
    const createdAt = r.dateAround(730, 0);
    const lines = randomLines(r, catalog.products, 6);
    const subtotal = lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
    const tax = Math.round((subtotal * 8) / 100);
    const shipping = r.int(0, 2500);
    const warehouseId = r.chance(0.8) ? account.warehouseId : r.pick(catalog.warehouseIds);
    const kind = lines.some((l) => l.product.presell) || r.chance(0.05) ? "PREORDER" : "ORDER";
    orderRows.push([
      id, `SO-${100_001 + index}`, r.chance(0.6) ? `ERP-${500_001 + index}` : null, account.id, r.pick(account.shipToIds), kind, status, "USD",
      cents(subtotal), cents(tax), cents(shipping), cents(subtotal + tax + shipping), r.chance(0.4) ? `PO-${r.int(10_000, 99_999)}` : null,
      r.chance(0.1) ? r.faker.lorem.sentence() : null, createdAt, addSeconds(createdAt, r.int(0, 20 * 86_400)),
    ]);
    ordersByAccount.set(account.id, [...(ordersByAccount.get(account.id) ?? []), id]);
    lines.forEach((line, n) =>
      lineRows.push([r.uuid(), id, n + 1, line.product.id, line.product.sku, line.quantity, line.unit, cents(line.unitCents), cents(line.unitCents * line.quantity), warehouseId]),
    );
    if (["SHIPPED", "COMPLETED", "RETURNED"].includes(status)) {
      for (let n = r.int(1, 2); n > 0; n--) {
        shipmentRows.push([r.uuid(), id, r.pick(CARRIERS), `1Z${r.faker.string.alphanumeric({ length: 16, casing: "upper" })}`, warehouseId, addSeconds(createdAt, r.int(86_400, 7 * 86_400))]);
      }
    }
    if (status === "PENDING" || status === "CANCELLED" || !r.chance(0.8)) return;
    const invoiceId = r.uuid();
    const total = subtotal + tax + shipping;
    const issuedAt = addSeconds(createdAt, r.int(3600, 3 * 86_400));
    const paidState = r.chance(0.03) ? "VOID" : weighted(r, [["PAID", 6], ["PARTIALLY_PAID", 2], ["OPEN", 2]]);
    const payments: number[] = paidState === "PAID" ? (r.chance(0.3) ? [Math.floor(total / 2), total - Math.floor(total / 2)] : [total]) : paidState === "PARTIALLY_PAID" ? [Math.max(1, Math.floor((total * r.int(10, 90)) / 100))] : [];
    const paid = payments.reduce((sum, p) => sum + p, 0);
    invoiceRows.push([invoiceId, `INV-${200_001 + invoiceRows.length}`, account.id, id, paidState, "USD", cents(total), cents(paid), issuedAt, isoDate(issuedAt, account.paymentDays), issuedAt]);
    lines.forEach((line, n) =>
      invoiceLineRows.push([r.uuid(), invoiceId, n + 1, line.product.id, line.product.sku, line.product.name, line.quantity, cents(line.unitCents), cents(line.unitCents * line.quantity)]),
    );
    payments.forEach((amount, n) =>
      paymentRows.push([r.uuid(), invoiceId, cents(amount), r.pick(PAYMENT_METHODS), `PAY-${r.int(100_000, 999_999)}`, addSeconds(issuedAt, (n + 1) * r.int(86_400, 20 * 86_400))]),
    );
  });

  await insertRows(m, `"order"`, ["id", "number", "external_number", "account_id", "ship_to_id", "kind", "status", "currency_code", "subtotal", "tax_total", "shipping_total", "total", "po_number", "notes", "created_at", "updated_at"], orderRows);
  await insertRows(m, "order_line", ["id", "order_id", "line_number", "product_id", "sku", "quantity", "unit", "unit_price", "line_total", "warehouse_id"], lineRows);
  await insertRows(m, "shipment", ["id", "order_id", "carrier_code", "tracking_number", "warehouse_id", "shipped_at"], shipmentRows);
  await insertRows(m, "invoice", ["id", "number", "account_id", "order_id", "status", "currency_code", "total", "amount_paid", "issued_at", "due_date", "created_at"], invoiceRows);
  await insertRows(m, "invoice_line", ["id", "invoice_id", "line_number", "product_id", "sku", "description", "quantity", "unit_price", "line_total"], invoiceLineRows);
  await insertRows(m, "invoice_payment", ["id", "invoice_id", "amount", "method", "reference", "paid_at"], paymentRows);

  const quoteRows: unknown[][] = [];
  const quoteLineRows: unknown[][] = [];
  for (let i = 0; i < counts.quotes; i++) {
    const account = i < 10 ? demo[i % 2]! : others.length > 0 ? r.pick(others) : r.pick(demo);
    const status = r.pick(QUOTE_STATUSES);
    const createdAt = r.dateAround(365, 0);
    // Open and accepted quotes stay valid well into 2027; expired ones ended before the reference date.
    const validUntil = status === "EXPIRED" ? isoDate(REFERENCE_DATE, -r.int(1, 200)) : isoDate(new Date("2027-03-01T00:00:00Z"), r.int(0, 300));
    const lines = randomLines(r, catalog.products, 5).map((line) => ({ ...line, unitCents: Math.floor((line.unitCents * 92) / 100) }));
    const converted = status === "CONVERTED" ? (ordersByAccount.get(account.id) ?? [null])[0] : null;
    const id = r.uuid();
    quoteRows.push([id, `QT-${300_001 + i}`, account.id, converted ? status : status === "CONVERTED" ? "ACCEPTED" : status, "USD", cents(lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0)), validUntil, converted, createdAt]);
    lines.forEach((line, n) => quoteLineRows.push([r.uuid(), id, n + 1, line.product.id, line.product.sku, line.quantity, line.unit, cents(line.unitCents), cents(line.unitCents * line.quantity)]));
  }
  await insertRows(m, "quote", ["id", "number", "account_id", "status", "currency_code", "total", "valid_until", "converted_order_id", "created_at"], quoteRows);
  await insertRows(m, "quote_line", ["id", "quote_id", "line_number", "product_id", "sku", "quantity", "unit", "unit_price", "line_total"], quoteLineRows);

  return { orders: orderRows.length, lines: lineRows.length, invoices: invoiceRows.length, quotes: quoteRows.length };
}
