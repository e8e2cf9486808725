import { randomUUID } from "node:crypto";
import { fromCents, multiply, toCents } from "../../common/money.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import * as invoices from "../../connectors/store/tables/invoices.js";
import * as orders from "../../connectors/store/tables/orders.js";
import * as products from "../../connectors/store/tables/products.js";
import type { InboundChange } from "../../commands/inbound-changes.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { applied, describeOrder, parked, rejected, stale, type ApplyContext, type ChangeOutcome } from "./change-outcome.js";

type InvoiceUpsertChange = Extract<InboundChange, { type: "invoice.upsert" }>;
type InvoicePaidChange = Extract<InboundChange, { type: "invoice.paid" }>;

/** The largest amount the store keeps (numeric(14,2)), in cents. */
const MAX_AMOUNT_CENTS = 99_999_999_999_999n;

/** How a payment a backend reported is recorded when it names no method. */
const REPORTED_METHOD = "reported";

/**
 * `invoice.upsert`: inserts an invoice (with its lines) for an account by code,
 * linked to its order when given, and sends `invoiceRegister`; an invoice
 * already stored gets the reported status, total and due date (and a payment
 * row for what was paid since). Parked until the account and order exist.
 * There is no invoice-update command: a change of status, total or due date of
 * a stored invoice reaches no other target (only a payment does, as
 * `invoicePaymentRecord`).
 */
export async function applyInvoiceUpsert(ctx: ApplyContext, change: InvoiceUpsertChange): Promise<ChangeOutcome> {
  const inv = change.invoice;
  if (inv.total.startsWith("-") || inv.amountPaid.startsWith("-")) return rejected(`invoice ${inv.number}: amounts cannot be negative`);
  if (toCents(inv.amountPaid) > toCents(inv.total)) return rejected(`invoice ${inv.number}: paid ${inv.amountPaid} is more than its total ${inv.total}`);
  const tooLarge = inv.lines.findIndex((line) => toCents(line.unitPrice) * BigInt(line.quantity) > MAX_AMOUNT_CENTS);
  if (tooLarge >= 0) return rejected(`invoice ${inv.number}: line ${tooLarge + 1} totals more than ${fromCents(MAX_AMOUNT_CENTS)}`);
  let orderId: string | null = null;
  if (inv.order) {
    const order = await orders.findByReference(ctx.tx, inv.order);
    if (!order) return parked(`waits for ${describeOrder(inv.order)}`);
    orderId = order.id;
  }
  const existing = await invoices.idByNumber(ctx.tx, inv.number);
  if (existing) {
    const balance = (await invoices.lockBalance(ctx.tx, existing))!;
    await invoices.updateReported(ctx.tx, existing, { orderId, status: inv.status, total: inv.total, dueDate: inv.dueDate });
    if (toCents(inv.amountPaid) > toCents(balance.amount_paid)) {
      await recordPaid(ctx, existing, inv.number, balance.amount_paid, inv.amountPaid, inv.status, null, null);
    }
    return applied();
  }
  const accountId = await accounts.liveIdByCode(ctx.tx, inv.accountCode);
  if (!accountId) return parked(`waits for account ${inv.accountCode}`);
  const id = randomUUID();
  await invoices.insert(ctx.tx, {
    id,
    number: inv.number,
    accountId,
    orderId,
    status: inv.status,
    currencyCode: inv.currencyCode,
    total: inv.total,
    amountPaid: inv.amountPaid,
    dueDate: inv.dueDate,
    termsDays: 0,
  });
  const lines = [];
  for (const [index, line] of inv.lines.entries()) {
    const productId = line.sku ? ((await products.idBySku(ctx.tx, line.sku)) ?? null) : null;
    const row = { sku: line.sku ?? null, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice };
    await invoices.insertLine(ctx.tx, { ...row, invoiceId: id, lineNumber: index + 1, productId, lineTotal: multiply(line.unitPrice, line.quantity) });
    lines.push(row);
  }
  if (toCents(inv.amountPaid) > 0n) {
    await invoices.insertPayment(ctx.tx, { invoiceId: id, amount: fromCents(toCents(inv.amountPaid)), method: REPORTED_METHOD, reference: null });
  }
  const commandId = await enqueueCommand(ctx.tx, ctx.router, {
    type: "invoiceRegister",
    aggregateId: id,
    idempotencyKey: ctx.idempotencyKey,
    principal: ctx.principal,
    origin: ctx.connector,
    payload: { number: inv.number, accountCode: inv.accountCode, orderId, status: inv.status === "PAID" ? "PAID" : "OPEN", total: inv.total, lines },
  });
  await invoices.setLastCommand(ctx.tx, id, commandId);
  return applied(true);
}

/**
 * `invoice.paid`: sets what is paid of an invoice (a payment row for the
 * difference) and its status, and sends `invoicePaymentRecord`. No more than
 * is already paid: stale. Parked until the invoice exists; a void invoice, or
 * more than its total, is rejected.
 */
export async function applyInvoicePaid(ctx: ApplyContext, change: InvoicePaidChange): Promise<ChangeOutcome> {
  const id = await invoices.idByNumber(ctx.tx, change.invoice.number);
  if (!id) return parked(`waits for invoice ${change.invoice.number}`);
  const balance = (await invoices.lockBalance(ctx.tx, id))!;
  if (balance.status === "VOID") return rejected(`invoice ${balance.number} is void`);
  if (change.amountPaid.startsWith("-")) return rejected(`invoice ${balance.number}: an amount paid cannot be negative`);
  if (toCents(change.amountPaid) > toCents(balance.total)) return rejected(`invoice ${balance.number}: paid ${change.amountPaid} is more than its total ${balance.total}`);
  if (toCents(change.amountPaid) <= toCents(balance.amount_paid)) return stale;
  const status = toCents(change.amountPaid) === toCents(balance.total) ? "PAID" : "PARTIALLY_PAID";
  await recordPaid(ctx, id, balance.number, balance.amount_paid, change.amountPaid, status, change.method ?? null, change.reference ?? null);
  return applied();
}

/** Records what was paid since `before` (a payment row), the invoice's new amount paid and status, and sends `invoicePaymentRecord`. */
async function recordPaid(
  ctx: ApplyContext,
  invoiceId: string,
  number: string,
  before: string,
  after: string,
  status: string,
  method: string | null,
  reference: string | null,
): Promise<void> {
  const amount = fromCents(toCents(after) - toCents(before));
  const amountPaid = fromCents(toCents(after));
  await invoices.insertPayment(ctx.tx, { invoiceId, amount, method: method ?? REPORTED_METHOD, reference });
  await invoices.setPaid(ctx.tx, invoiceId, amountPaid, status);
  const commandId = await enqueueCommand(ctx.tx, ctx.router, {
    type: "invoicePaymentRecord",
    aggregateId: invoiceId,
    idempotencyKey: ctx.idempotencyKey,
    principal: ctx.principal,
    origin: ctx.connector,
    payload: { invoiceNumber: number, amount, amountPaid, method: method ?? REPORTED_METHOD, reference, status: status === "PAID" ? "PAID" : "PARTIALLY_PAID" },
  });
  await invoices.setLastCommand(ctx.tx, invoiceId, commandId);
}
