import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";
import { checkOrderLinesChange } from "./order.commands.js";
import { orderById } from "./order.service.js";

/** The `input` of `orderReturn`. */
export interface OrderReturnInput {
  orderId: string;
  lines: ReadonlyArray<{ lineNumber: number; quantity: number }>;
  reason: string;
}

/**
 * `orderReturn`: records returned quantities on lines of a shipped order; the
 * order becomes `RETURNED` once every line is returned in full. Stock is not
 * put back here: returned goods are counted back with `inventorySet` after inspection.
 */
export async function returnOrder(ctx: RequestContext, input: OrderReturnInput, idempotencyKey: string): Promise<MutationOutcome> {
  const order = await orderById(ctx, input.orderId);
  return runIdempotent(ctx, "orderReturn", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderLinesChange(input);
    if (!order) throw new UserErrors([{ field: ["input", "orderId"], message: "No such order.", code: "NOT_FOUND" }]);
    const [row] = (await manager.query(`SELECT status, number FROM "order" WHERE id = $1 FOR UPDATE`, [order.key])) as Array<{ status: string; number: string }>;
    if (!["SHIPPED", "COMPLETED"].includes(row!.status)) {
      throw new UserErrors([{ field: ["input", "orderId"], message: `Only shipped or completed orders can be returned; this one is ${row!.status}.`, code: "INVALID_STATE" }]);
    }
    const lines = (await manager.query(`SELECT line_number, sku, quantity, cancelled_quantity, returned_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`, [order.key])) as Array<{
      line_number: number;
      sku: string;
      quantity: number;
      cancelled_quantity: number;
      returned_quantity: number;
    }>;
    // Only what was delivered can come back: the quantity less what was cancelled and what is already returned.
    const returnable = (line: (typeof lines)[number]) => line.quantity - line.cancelled_quantity - line.returned_quantity;
    const errors: UserErrorModel[] = [];
    if (input.lines.length === 0) errors.push({ field: ["input", "lines"], message: "Name at least one line.", code: "INVALID" });
    input.lines.forEach((wanted, index) => {
      const line = lines.find((l) => l.line_number === wanted.lineNumber);
      const field = ["input", "lines", String(index)];
      if (!line) errors.push({ field: [...field, "lineNumber"], message: `The order has no line ${wanted.lineNumber}.`, code: "NOT_FOUND" });
      else if (returnable(line) < 1) errors.push({ field: [...field, "quantity"], message: `Line ${wanted.lineNumber}: nothing is left to return.`, code: "INVALID" });
      else if (!Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > returnable(line)) {
        errors.push({ field: [...field, "quantity"], message: `Line ${wanted.lineNumber}: between 1 and ${returnable(line)} can be returned.`, code: "INVALID" });
      }
    });
    if (new Set(input.lines.map((l) => l.lineNumber)).size !== input.lines.length) errors.push({ field: ["input", "lines"], message: "Name each line once.", code: "INVALID" });
    if (errors.length > 0) throw new UserErrors(errors);

    for (const wanted of input.lines) {
      await manager.query(`UPDATE order_line SET returned_quantity = returned_quantity + $3 WHERE order_id = $1 AND line_number = $2`, [order.key, wanted.lineNumber, wanted.quantity]);
    }
    await manager.query(
      `UPDATE "order" SET status = CASE WHEN NOT EXISTS (SELECT 1 FROM order_line WHERE order_id = $1 AND returned_quantity < quantity - cancelled_quantity) THEN 'RETURNED' ELSE status END, updated_at = now() WHERE id = $1`,
      [order.key],
    );
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "orderReturn",
      aggregateId: order.key,
      idempotencyKey,
      principal,
      payload: { number: row!.number, reason: input.reason, lines: input.lines.map((l) => ({ ...l, sku: lines.find((line) => line.line_number === l.lineNumber)!.sku })) },
    });
    await manager.query(`UPDATE "order" SET last_command_id = $2 WHERE id = $1`, [order.key, commandId]);
    return { entityKey: order.key, commandId, userErrors: [] };
  });
}
