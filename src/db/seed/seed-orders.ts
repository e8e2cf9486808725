import type { EntityManager } from "typeorm";
import { insertRows } from "./bulk-insert.js";
import { addSeconds, cents, isoDate, percentOf, REFERENCE_DATE, type DemoRandom } from "./demo-random.js";
import type { SeededAccount } from "./seed-accounts.js";
import type { SeededCatalog, SeededProduct } from "./seed-catalog.js";

/** Orders each demo customer has (at scale 1), so that history paging has several pages. */
export const DEMO_CUSTOMER_ORDERS = 60;

/** Statuses of a demo customer's newest orders, oldest first: the newest is PENDING. */
const DEMO_NEWEST_STATUSES = ["COMPLETED", "RETURNED", "CANCELLED", "SHIPPED", "PROCESSING", "OPEN", "PENDING"];
/** Statuses of each demo customer's quotes. */
const DEMO_QUOTE_STATUSES = ["OPEN", "ACCEPTED", "CONVERTED", "EXPIRED", "DECLINED", "OPEN", "ACCEPTED", "CONVERTED"];

type Weights = ReadonlyArray<readonly [string, number]>;
/** Order statuses by age: new orders are in flight, old ones mostly completed. */
const STATUSES_THIS_WEEK: Weights = [["PENDING", 30], ["OPEN", 30], ["PROCESSING", 25], ["SHIPPED", 10], ["CANCELLED", 5]];
const STATUSES_RECENT: Weights = [["OPEN", 10], ["PROCESSING", 15], ["SHIPPED", 40], ["COMPLETED", 25], ["CANCELLED", 5], ["RETURNED", 5]];
const STATUSES_OLD: Weights = [["OPEN", 2], ["SHIPPED", 3], ["COMPLETED", 80], ["CANCELLED", 9], ["RETURNED", 6]];
const SHIPPED_STATUSES = new Set(["SHIPPED", "COMPLETED", "RETURNED"]);
const QUOTE_STATUSES: Weights = [["OPEN", 25], ["ACCEPTED", 15], ["CONVERTED", 20], ["EXPIRED", 20], ["DECLINED", 20]];
const CARRIERS = ["UPS", "FEDEX", "USPS", "DHL"];
const PAYMENT_METHODS = ["CARD", "ACH", "CHECK", "WIRE"];
const TAX_PERCENT = 8;
const DAY_MS = 86_400_000;

interface Line {
  product: SeededProduct;
  quantity: number;
  unit: string;
  unitCents: number;
}

interface SeededOrder {
  id: string;
  createdAt: Date;
  kind: string;
  lines: Line[];
}

/** 1–`max` lines of distinct products, in the base unit or a pack unit, at list price × unit factor. */
function randomLines(r: DemoRandom, products: SeededProduct[], max: number): Line[] {
  return r.sample(products, r.int(1, max)).map((product) => {
    const unit = r.pick(product.units);
    return { product, quantity: r.int(1, 20), unit: unit.code, unitCents: product.listCents * unit.factor };
  });
}

function trackingNumber(r: DemoRandom, carrier: string): string {
  if (carrier === "UPS") return `1Z${r.faker.string.alphanumeric({ length: 16, casing: "upper" })}`;
  if (carrier === "USPS") return `94${r.faker.string.numeric(20)}`;
  return r.faker.string.numeric(carrier === "FEDEX" ? 12 : 10);
}

/** Accounts to draw order owners from, each as often as its weight: bigger customers buy more, sub-accounts little. */
function weightedAccounts(r: DemoRandom, accounts: SeededAccount[]): SeededAccount[] {
  return accounts.flatMap((account) => Array<SeededAccount>(account.isSubAccount ? r.int(1, 3) : r.int(1, 10) ** 2).fill(account));
}

/**
 * Seeds orders with lines and shipments, invoices with lines and payments, and
 * quotes with lines. The first two accounts are the demo customers.
 */
export async function seedOrders(
  m: EntityManager,
  r: DemoRandom,
  counts: { orders: number; quotes: number },
  catalog: SeededCatalog,
  accounts: SeededAccount[],
  progress: (message: string) => void,
): Promise<{ orders: number; invoices: number; quotes: number }> {
  const demo = accounts.slice(0, 2);
  const tickets = weightedAccounts(r, accounts.slice(2));
  const anyOwner = () => r.pick(tickets.length > 0 ? tickets : demo);

  // Who orders when: the demo customers' orders, then the rest spread by weight.
  // Order numbers follow creation time.
  const plans: Array<{ account: SeededAccount; createdAt: Date; status?: string }> = [];
  const perDemo = Math.min(DEMO_CUSTOMER_ORDERS, Math.floor(counts.orders / 4));
  for (const account of demo) for (let n = 0; n < perDemo; n++) plans.push({ account, createdAt: r.dateBetween(-730, -1 / 24) });
  while (plans.length < counts.orders) plans.push({ account: anyOwner(), createdAt: r.dateBetween(-730, -1 / 24) });
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const account of demo) {
    const newest = plans.filter((plan) => plan.account === account).slice(-DEMO_NEWEST_STATUSES.length);
    newest.forEach((plan, i) => (plan.status = DEMO_NEWEST_STATUSES[i + DEMO_NEWEST_STATUSES.length - newest.length]));
  }

  const orderRows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  const shipmentRows: unknown[][] = [];
  const invoiceRows: unknown[][] = [];
  const invoiceLineRows: unknown[][] = [];
  const paymentRows: unknown[][] = [];
  const ordersByAccount = new Map<string, SeededOrder[]>();

  plans.forEach(({ account, createdAt, status: planned }, index) => {
    const id = r.uuid();
    const ageDays = (REFERENCE_DATE.getTime() - createdAt.getTime()) / DAY_MS;
    const status = planned ?? r.weighted(ageDays < 7 ? STATUSES_THIS_WEEK : ageDays < 45 ? STATUSES_RECENT : STATUSES_OLD);
    const lines = randomLines(r, catalog.products, 6);
    const kind = (lines.some((l) => l.product.presell) && r.chance(0.5)) || r.chance(0.03) ? "PREORDER" : "ORDER";
    const subtotal = lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
    const tax = percentOf(subtotal, TAX_PERCENT);
    const shipping = r.int(0, 2500);
    const total = subtotal + tax + shipping;
    const warehouseId = r.chance(0.8) ? account.warehouseId : r.pick(catalog.warehouseIds);
    lines.forEach((line, n) =>
      lineRows.push([r.uuid(), id, n + 1, line.product.id, line.product.sku, line.quantity, line.unit, cents(line.unitCents), cents(line.unitCents * line.quantity), warehouseId]),
    );

    let lastEvent = createdAt;
    if (SHIPPED_STATUSES.has(status)) {
      for (let n = r.int(1, 2); n > 0; n--) {
        lastEvent = r.later(lastEvent, 0.2, 5);
        const carrier = r.pick(CARRIERS);
        shipmentRows.push([r.uuid(), id, carrier, trackingNumber(r, carrier), warehouseId, lastEvent]);
      }
    }
    orderRows.push([
      id, `SO-${100_001 + index}`, r.chance(0.6) ? `ERP-${500_001 + index}` : null, account.id, r.pick(account.shipToIds), kind, status, "USD",
      cents(subtotal), cents(tax), cents(shipping), cents(total), r.chance(0.4) ? `PO-${r.int(10_000, 99_999)}` : null,
      r.chance(0.1) ? r.faker.lorem.sentence() : null, createdAt, r.later(lastEvent, 0, 10),
    ]);
    ordersByAccount.set(account.id, [...(ordersByAccount.get(account.id) ?? []), { id, createdAt, kind, lines }]);

    // Invoices for ~80% of the orders that went ahead; recent ones are more often unpaid.
    if (status === "PENDING" || status === "CANCELLED" || !r.chance(0.8)) return;
    const invoiceId = r.uuid();
    const issuedAt = r.later(createdAt, 0.05, 3);
    const recent = REFERENCE_DATE.getTime() - issuedAt.getTime() < 30 * DAY_MS;
    const invoiceStatus = r.chance(0.03) ? "VOID" : r.weighted(recent ? [["OPEN", 5], ["PARTIALLY_PAID", 2], ["PAID", 3]] : [["PAID", 8], ["PARTIALLY_PAID", 1], ["OPEN", 1]]);
    let payments: number[] = [];
    if (invoiceStatus === "PAID") payments = r.chance(0.3) ? [Math.floor(total / 2), total - Math.floor(total / 2)] : [total];
    if (invoiceStatus === "PARTIALLY_PAID") payments = [Math.max(1, percentOf(total, r.int(10, 90)))];
    const paid = payments.reduce((sum, p) => sum + p, 0);
    invoiceRows.push([invoiceId, `INV-${200_001 + invoiceRows.length}`, account.id, id, invoiceStatus, "USD", cents(total), cents(paid), issuedAt, isoDate(issuedAt, account.paymentDays), issuedAt]);
    lines.forEach((line, n) =>
      invoiceLineRows.push([r.uuid(), invoiceId, n + 1, line.product.id, line.product.sku, line.product.name, line.quantity, cents(line.unitCents), cents(line.unitCents * line.quantity)]),
    );
    let paidAt = issuedAt;
    for (const amount of payments) {
      paidAt = r.later(paidAt, 1, 30);
      paymentRows.push([r.uuid(), invoiceId, cents(amount), r.pick(PAYMENT_METHODS), `PAY-${r.int(100_000, 999_999)}`, paidAt]);
    }
  });

  await insertRows(m, `"order"`, ["id", "number", "external_number", "account_id", "ship_to_id", "kind", "status", "currency_code", "subtotal", "tax_total", "shipping_total", "total", "po_number", "notes", "created_at", "updated_at"], orderRows);
  await insertRows(m, "order_line", ["id", "order_id", "line_number", "product_id", "sku", "quantity", "unit", "unit_price", "line_total", "warehouse_id"], lineRows);
  await insertRows(m, "shipment", ["id", "order_id", "carrier_code", "tracking_number", "warehouse_id", "shipped_at"], shipmentRows);
  progress(`orders ${orderRows.length} (lines ${lineRows.length}, shipments ${shipmentRows.length})`);
  await insertRows(m, "invoice", ["id", "number", "account_id", "order_id", "status", "currency_code", "total", "amount_paid", "issued_at", "due_date", "created_at"], invoiceRows);
  await insertRows(m, "invoice_line", ["id", "invoice_id", "line_number", "product_id", "sku", "description", "quantity", "unit_price", "line_total"], invoiceLineRows);
  await insertRows(m, "invoice_payment", ["id", "invoice_id", "amount", "method", "reference", "paid_at"], paymentRows);
  progress(`invoices ${invoiceRows.length} (lines ${invoiceLineRows.length}, payments ${paymentRows.length})`);

  const quotes = quoteRows(r, counts.quotes, catalog, demo, anyOwner, ordersByAccount);
  await insertRows(m, "quote", ["id", "number", "account_id", "status", "currency_code", "total", "valid_until", "converted_order_id", "created_at"], quotes.quoteRows);
  await insertRows(m, "quote_line", ["id", "quote_id", "line_number", "product_id", "sku", "quantity", "unit", "unit_price", "line_total"], quotes.lineRows);
  progress(`quotes ${quotes.quoteRows.length} (lines ${quotes.lineRows.length})`);

  return { orders: orderRows.length, invoices: invoiceRows.length, quotes: quotes.quoteRows.length };
}

/**
 * Quote rows, numbered by creation time. Each demo customer gets quotes in every
 * status (with no special-order products). OPEN and ACCEPTED quotes stay valid well into 2027, EXPIRED ones ended
 * before the reference date. A CONVERTED quote was made shortly before the order
 * it became (an order of the same account, used once) and has that order's lines.
 */
function quoteRows(
  r: DemoRandom,
  count: number,
  catalog: SeededCatalog,
  demo: SeededAccount[],
  anyOwner: () => SeededAccount,
  ordersByAccount: Map<string, SeededOrder[]>,
): { quoteRows: unknown[][]; lineRows: unknown[][] } {
  const converted = new Set<string>();
  const drafts: Array<{ id: string; account: SeededAccount; status: string; createdAt: Date; validUntil: string; orderId: string | null; lines: Line[] }> = [];
  const demoQuotes = Math.min(count, demo.length * DEMO_QUOTE_STATUSES.length);
  // The demo customers' own quotes hold regularly stocked products only, so converting one shows no special-order rules.
  const stocked = catalog.products.filter((p) => !p.specialOrder);
  for (let i = 0; i < count; i++) {
    const account = i < demoQuotes ? demo[i % demo.length]! : anyOwner();
    let status = i < demoQuotes ? DEMO_QUOTE_STATUSES[Math.floor(i / demo.length)]! : r.weighted(QUOTE_STATUSES);
    const candidates = status === "CONVERTED" ? (ordersByAccount.get(account.id) ?? []).filter((o) => o.kind === "ORDER" && !converted.has(o.id)) : [];
    const order = candidates.length > 0 ? r.pick(candidates) : null;
    if (status === "CONVERTED" && !order) status = "ACCEPTED";
    let createdAt: Date;
    let lines: Line[];
    if (order) {
      converted.add(order.id);
      createdAt = addSeconds(order.createdAt, -r.int(3_600, 20 * 86_400));
      lines = order.lines;
    } else {
      createdAt = status === "EXPIRED" ? r.dateBetween(-365, -31) : status === "DECLINED" ? r.dateBetween(-365, -1) : r.dateBetween(-90, -1 / 24);
      const percent = r.int(85, 97);
      lines = randomLines(r, i < demoQuotes ? stocked : catalog.products, 5).map((line) => ({ ...line, unitCents: percentOf(line.unitCents, percent) }));
    }
    const validUntil = status === "OPEN" || status === "ACCEPTED" ? isoDate(new Date("2027-03-01T00:00:00Z"), r.int(0, 300)) : isoDate(createdAt, 30);
    drafts.push({ id: r.uuid(), account, status, createdAt, validUntil, orderId: order?.id ?? null, lines });
  }
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const rows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  drafts.forEach((q, index) => {
    const total = q.lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
    rows.push([q.id, `QT-${300_001 + index}`, q.account.id, q.status, "USD", cents(total), q.validUntil, q.orderId, q.createdAt]);
    q.lines.forEach((line, n) => lineRows.push([r.uuid(), q.id, n + 1, line.product.id, line.product.sku, line.quantity, line.unit, cents(line.unitCents), cents(line.unitCents * line.quantity)]));
  });
  return { quoteRows: rows, lineRows };
}
