/** The documented maxima of the order mutations' inputs (see `input-limits.ts`). */
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import type { OrderCancelInput, OrderLineInput, OrderPlaceInput, OrderReturnInput } from "../../generated/graphql.js";

/** Checks cart lines (of `orderPlace` and `quoteRequest`) against their maxima; only when the list itself is within its own. */
export function checkLineInputs(check: InputCheck, lines: readonly OrderLineInput[]): InputCheck {
  check.list(lines, ["input", "lines"], 1, INPUT_LIMITS.lines);
  if (lines.length > INPUT_LIMITS.lines) return check;
  lines.forEach((line, index) => {
    const field = ["input", "lines", String(index)];
    check
      .id(line.productId, [...field, "productId"])
      .text(line.sku, [...field, "sku"], TEXT_LIMITS.code)
      .quantity(line.quantity, [...field, "quantity"])
      .text(line.unit, [...field, "unit"], TEXT_LIMITS.unit)
      .id(line.warehouseId, [...field, "warehouseId"]);
  });
  return check;
}

/** Checks `orderPlace`'s input against its documented maxima (see `input-limits.ts`). */
export function checkOrderPlaceInput(input: OrderPlaceInput): void {
  const check = new InputCheck()
    .id(input.accountId, ["input", "accountId"])
    .id(input.shipToId, ["input", "shipToId"])
    .id(input.paymentMethodId, ["input", "paymentMethodId"])
    .text(input.poNumber, ["input", "poNumber"], TEXT_LIMITS.poNumber)
    .text(input.notes, ["input", "notes"], TEXT_LIMITS.notes);
  checkLineInputs(check, input.lines).done();
}

/**
 * Checks the input of `orderCancel` and `orderReturn` against its maxima:
 * the reason's length and at most {@link INPUT_LIMITS.lines} lines (a line number the order
 * does not have is NOT_FOUND, a quantity beyond what is open INVALID, as before).
 */
export function checkOrderLinesChange(input: OrderCancelInput | OrderReturnInput): void {
  const check = new InputCheck().id(input.orderId, ["input", "orderId"]).text(input.reason, ["input", "reason"], TEXT_LIMITS.reason).list(input.lines, ["input", "lines"], 0, INPUT_LIMITS.lines);
  if ((input.lines?.length ?? 0) <= INPUT_LIMITS.lines) {
    input.lines?.forEach((line, index) => {
      check.quantity(line.quantity, ["input", "lines", String(index), "quantity"]);
    });
  }
  check.done();
}
