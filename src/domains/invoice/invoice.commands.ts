import { requireAdmin } from "../../auth/access.js";
import { fromCents, toCents } from "../../common/money.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith } from "../../common/user-errors.js";
import * as invoices from "../../connectors/store/tables/invoices.js";
import type { RequestContext } from "../../context.js";
import type { InvoicePaymentRecordInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { invoiceById } from "./invoice.service.js";

/** Checks `invoicePaymentRecord`'s input against its maxima (see `input-limits.ts`). */
function checkPaymentInput(input: InvoicePaymentRecordInput): void {
  new InputCheck()
    .money(input.amount, ["input", "amount"], INPUT_LIMITS.amountCents, { positive: true })
    .text(input.method, ["input", "method"], TEXT_LIMITS.provider)
    .text(input.reference, ["input", "reference"], TEXT_LIMITS.reference)
    .done();
}

/**
 * `invoicePaymentRecord` (admin): adds a payment, moves the invoice to
 * `PARTIALLY_PAID` or `PAID`, and sends the payment through the outbox.
 * More than the amount due is a user error.
 */
export async function recordPayment(ctx: RequestContext, input: InvoicePaymentRecordInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "record payments");
  const invoice = await invoiceById(ctx, input.invoiceId);
  return runIdempotent(ctx, "invoicePaymentRecord", idempotencyKey, input, async (manager, principal, ctx) => {
    checkPaymentInput(input);
    if (!invoice) failWith("NOT_FOUND", ["input", "invoiceId"], "No such invoice.");
    if (!/^\d+(\.\d{1,2})?$/.test(input.amount) || toCents(input.amount) <= 0n) {
      failWith("INVALID", ["input", "amount"], "The amount must be more than zero, with at most two decimals.");
    }
    if (!input.method.trim()) failWith("INVALID", ["input", "method"], "Say how it was paid.");
    const row = (await invoices.lockBalance(manager, invoice.key))!;
    if (row.status === "VOID" || row.status === "PAID") failWith("INVALID_STATE", ["input", "invoiceId"], `Invoice ${row.number} is ${row.status}; nothing is due.`);
    const due = toCents(row.total) - toCents(row.amount_paid);
    const amount = toCents(input.amount);
    if (amount > due) failWith("INVALID", ["input", "amount"], `That is more than the ${fromCents(due)} due on invoice ${row.number}.`);
    const paid = toCents(row.amount_paid) + amount;
    const status = paid === toCents(row.total) ? "PAID" : "PARTIALLY_PAID";
    await invoices.insertPayment(manager, { invoiceId: invoice.key, amount: fromCents(amount), method: input.method.trim(), reference: input.reference ?? null });
    await invoices.setPaid(manager, invoice.key, fromCents(paid), status);
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "invoicePaymentRecord",
      aggregateId: invoice.key,
      idempotencyKey,
      principal,
      payload: { invoiceNumber: row.number, amount: fromCents(amount), amountPaid: fromCents(paid), method: input.method.trim(), reference: input.reference ?? null, status },
    });
    await invoices.setLastCommand(manager, invoice.key, commandId);
    return { entityKey: invoice.key, commandId, userErrors: [] };
  });
}
