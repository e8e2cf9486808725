import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import * as orders from "../../connectors/store/tables/orders.js";
import type { OrderReturnInput } from "../../generated/graphql.js";
import { checkOrderLinesChange } from "./order-input-checks.js";
import { orderById } from "./order.service.js";
import { canBeReturned } from "./order-lifecycle.js";
import { recordStatusChange } from "./order-history.js";

/**
 * `orderReturn`: records returned quantities on lines of a shipped order (of a
 * partly shipped one, only what shipped); the
 * order becomes `RETURNED` once every line is returned in full. Stock is not
 * put back here: returned goods are counted back with `inventorySet` after inspection.
 */
export async function returnOrder(ctx: RequestContext, input: OrderReturnInput, idempotencyKey: string): Promise<MutationOutcome> {
  const order = await orderById(ctx, input.orderId);
  return runIdempotent(ctx, "orderReturn", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderLinesChange(input);
    if (!order) failWith("NOT_FOUND", ["input", "orderId"], "No such order.");
    const row = (await orders.lockForUpdate(manager, order.key))!;
    if (!canBeReturned(row.status)) {
      failWith("INVALID_STATE", ["input", "orderId"], `Only orders that have shipped (partly or wholly) or completed can be returned; this one is ${row.status}.`);
    }
    const lines = await orders.returnableLinesOf(manager, order.key);
    // Only what was delivered can come back: of a partly shipped order what shipped, else the quantity less what was cancelled; less what is already returned.
    const delivered = (line: orders.ReturnableLineRow) => (row.status === "PARTIALLY_SHIPPED" ? line.shipped_quantity : line.quantity - line.cancelled_quantity);
    const returnable = (line: orders.ReturnableLineRow) => delivered(line) - line.returned_quantity;
    const errors: UserErrorModel[] = [];
    if (input.lines.length === 0) errors.push(userError("INVALID", ["input", "lines"], "Name at least one line."));
    input.lines.forEach((wanted, index) => {
      const line = lines.find((l) => l.line_number === wanted.lineNumber);
      const field = ["input", "lines", String(index)];
      if (!line) errors.push(userError("NOT_FOUND", [...field, "lineNumber"], `The order has no line ${wanted.lineNumber}.`));
      else if (returnable(line) < 1) errors.push(userError("INVALID", [...field, "quantity"], `Line ${wanted.lineNumber}: nothing is left to return.`));
      else if (!Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > returnable(line)) {
        errors.push(userError("INVALID", [...field, "quantity"], `Line ${wanted.lineNumber}: between 1 and ${returnable(line)} can be returned.`));
      }
    });
    if (new Set(input.lines.map((l) => l.lineNumber)).size !== input.lines.length) errors.push(userError("INVALID", ["input", "lines"], "Name each line once."));
    if (errors.length > 0) throw new UserErrors(errors);

    for (const wanted of input.lines) {
      await orders.returnLineQuantity(manager, order.key, wanted.lineNumber, wanted.quantity);
    }
    if ((await orders.closeIfAllReturned(manager, order.key)) === "RETURNED") {
      await recordStatusChange(manager, order.key, row.status, "RETURNED", principal, input.reason);
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderReturn",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: row.number, reason: input.reason, lines: input.lines.map((l) => ({ ...l, sku: lines.find((line) => line.line_number === l.lineNumber)!.sku })) },
    });
    await orders.setLastCommand(manager, order.key, commandId);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
