import { requireAdmin } from "../../auth/access.js";
import { fromCents, toCents } from "../../common/money.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, UserErrors, type MutationOutcome } from "../../outbox/idempotency.js";
import { invoiceById } from "./invoice.service.js";

/** The `input` of `invoicePaymentRecord`. */
export interface InvoicePaymentInput {
  invoiceId: string;
  amount: string;
  method: string;
  reference?: string | null;
}

/** Checks `invoicePaymentRecord`'s input against its maxima (see `input-limits.ts`). */
function checkPaymentInput(input: InvoicePaymentInput): void {
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
export async function recordPayment(ctx: RequestContext, input: InvoicePaymentInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "record payments");
  const invoice = await invoiceById(ctx, input.invoiceId);
  return runIdempotent(ctx, "invoicePaymentRecord", idempotencyKey, input, async (manager, principal, ctx) => {
    checkPaymentInput(input);
    if (!invoice) throw new UserErrors([{ field: ["input", "invoiceId"], message: "No such invoice.", code: "NOT_FOUND" }]);
    if (!/^\d+(\.\d{1,2})?$/.test(input.amount) || toCents(input.amount) <= 0n) {
      throw new UserErrors([{ field: ["input", "amount"], message: "The amount must be more than zero, with at most two decimals.", code: "INVALID" }]);
    }
    if (!input.method.trim()) throw new UserErrors([{ field: ["input", "method"], message: "Say how it was paid.", code: "INVALID" }]);
    const [row] = (await manager.query(`SELECT status, number, total, amount_paid FROM invoice WHERE id = $1 FOR UPDATE`, [invoice.key])) as Array<{
      status: string;
      number: string;
      total: string;
      amount_paid: string;
    }>;
    if (row!.status === "VOID" || row!.status === "PAID") {
      throw new UserErrors([{ field: ["input", "invoiceId"], message: `Invoice ${row!.number} is ${row!.status}; nothing is due.`, code: "INVALID_STATE" }]);
    }
    const due = toCents(row!.total) - toCents(row!.amount_paid);
    const amount = toCents(input.amount);
    if (amount > due) {
      throw new UserErrors([{ field: ["input", "amount"], message: `That is more than the ${fromCents(due)} due on invoice ${row!.number}.`, code: "INVALID" }]);
    }
    const paid = toCents(row!.amount_paid) + amount;
    const status = paid === toCents(row!.total) ? "PAID" : "PARTIALLY_PAID";
    await manager.query(`INSERT INTO invoice_payment (invoice_id, amount, method, reference) VALUES ($1, $2, $3, $4)`, [invoice.key, fromCents(amount), input.method.trim(), input.reference ?? null]);
    await manager.query(`UPDATE invoice SET amount_paid = $2, status = $3 WHERE id = $1`, [invoice.key, fromCents(paid), status]);
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "invoicePaymentRecord",
      aggregateId: invoice.key,
      idempotencyKey,
      principal,
      payload: { invoiceNumber: row!.number, amount: fromCents(amount), amountPaid: fromCents(paid), method: input.method.trim(), reference: input.reference ?? null, status },
    });
    await manager.query(`UPDATE invoice SET last_command_id = $2 WHERE id = $1`, [invoice.key, commandId]);
    return { entityKey: invoice.key, commandId, userErrors: [] };
  });
}
