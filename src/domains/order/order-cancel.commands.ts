/** `orderCancel`. */
import { fromCents, toCents } from "../../common/money.js";
import type { RequestContext } from "../../context.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as invoices from "../../connectors/store/tables/invoices.js";
import { canBeCancelled } from "./order-lifecycle.js";
import * as orders from "../../connectors/store/tables/orders.js";
import type { OrderCancelInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { orderById } from "./order.service.js";
import { checkOrderLinesChange } from "./order-input-checks.js";
import { recordStatusChange } from "./order-history.js";

/**
 * `orderCancel`: cancels an order that has not shipped — all of it, or some
 * lines and quantities — releases the stock those quantities reserved, and sends the cancellation through the outbox, after the order's
 * earlier commands, never before them. An order with nothing left is `CANCELLED`.
 * Amounts are not rewritten: lines show `cancelledQuantity`, and the command
 * carries the cancelled amount for the systems that bill.
 */
export async function cancelOrder(ctx: RequestContext, input: OrderCancelInput, idempotencyKey: string): Promise<MutationOutcome> {
  const order = await orderById(ctx, input.orderId);
  return runIdempotent(ctx, "orderCancel", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderLinesChange(input);
    if (!order) failWith("NOT_FOUND", ["input", "orderId"], "No such order.");
    const row = await orders.lockForUpdate(manager, order.key);
    if (!row || !canBeCancelled(row.status)) {
      failWith("INVALID_STATE", ["input", "orderId"], `An order that is ${row?.status ?? "gone"} cannot be cancelled.`);
    }
    const invoiceNumber = await invoices.liveNumberOfOrder(manager, order.key);
    if (invoiceNumber) {
      failWith("INVALID_STATE", ["input", "orderId"], `Order ${row.number} is invoiced (${invoiceNumber}); void the invoice or return the goods instead.`);
    }
    const lines = await orders.cancellableLinesOf(manager, order.key);
    const open = (line: orders.CancellableLineRow) => line.quantity - line.cancelled_quantity;
    const wanted = input.lines ?? lines.filter((line) => open(line) > 0).map((line) => ({ lineNumber: line.line_number, quantity: open(line) }));
    const errors: UserErrorModel[] = [];
    wanted.forEach((w, index) => {
      const line = lines.find((l) => l.line_number === w.lineNumber);
      const field = ["input", "lines", String(index)];
      if (!line) errors.push(userError("NOT_FOUND", [...field, "lineNumber"], `The order has no line ${w.lineNumber}.`));
      else if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > open(line)) {
        errors.push(userError("INVALID", [...field, "quantity"], `Line ${w.lineNumber}: between 1 and ${open(line)} can be cancelled.`));
      }
    });
    if (input.lines && new Set(input.lines.map((l) => l.lineNumber)).size !== input.lines.length) errors.push(userError("INVALID", ["input", "lines"], "Name each line once."));
    if (input.lines?.length === 0) errors.push(userError("INVALID", ["input", "lines"], "Name at least one line, or leave lines out to cancel the whole order."));
    if (errors.length > 0) throw new UserErrors(errors);

    let cancelledCents = 0n;
    const stockRows = await orders.stockOfLines(manager, order.key);
    await inventory.lockLevels(manager, stockRows.map((r) => ({ productKey: r.product_id, warehouseKey: r.warehouse_id })));
    for (const w of wanted) {
      const line = lines.find((l) => l.line_number === w.lineNumber)!;
      // The line reserved the same number of base units for each open unit ordered.
      const release = (line.reserved_quantity / open(line)) * w.quantity;
      await orders.cancelLineQuantity(manager, order.key, w.lineNumber, w.quantity, release);
      if (release > 0) await inventory.releaseForOrderLine(manager, order.key, w.lineNumber, release);
      cancelledCents += toCents(line.unit_price) * BigInt(w.quantity);
    }
    const cancelled = fromCents(cancelledCents);
    if ((await orders.closeIfAllCancelled(manager, order.key)) === "CANCELLED") {
      await recordStatusChange(manager, order.key, row.status, "CANCELLED", principal, input.reason);
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderCancel",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: row.number, reason: input.reason, whole: !input.lines, lines: wanted, amount: cancelled },
    });
    await orders.setLastCommand(manager, order.key, commandId);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
