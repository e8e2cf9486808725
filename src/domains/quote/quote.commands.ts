import { randomUUID } from "node:crypto";
import { fromCents, toCents } from "../../common/money.js";
import { storeAccountOf } from "../account/store-account.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, UserErrors, type MutationOutcome } from "../../outbox/idempotency.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { buyerOf, checkLineInputs, createOrder, defaultWarehouseFor, priceLines, shipToFor, type OrderPlaceInput, type PricedLine } from "../order/order.commands.js";
import { productNamed } from "../command/input-lookups.js";
import { unitsOfProduct } from "../product/product.service.js";
import { quoteById } from "./quote.service.js";

/** The `input` of `quoteConvertToOrder`. */
export interface QuoteConvertInput {
  quoteId: string;
  poNumber?: string | null;
  shipToId?: string | null;
}

/** Checks `quoteConvertToOrder`'s input against its maxima. */
function checkQuoteConvertInput(input: QuoteConvertInput): void {
  new InputCheck().id(input.quoteId, ["input", "quoteId"]).id(input.shipToId, ["input", "shipToId"]).text(input.poNumber, ["input", "poNumber"], TEXT_LIMITS.poNumber).done();
}

/**
 * `quoteConvertToOrder`: an `OPEN` or `ACCEPTED` quote that is still valid
 * becomes an order at the quoted prices (stock reserved like any order); the
 * quote is marked `CONVERTED` in the same transaction, so converting twice is a
 * user error and never a second order.
 */
export async function convertQuote(ctx: RequestContext, input: QuoteConvertInput, idempotencyKey: string): Promise<MutationOutcome> {
  const quote = await quoteById(ctx, input.quoteId);
  return runIdempotent(ctx, "quoteConvertToOrder", idempotencyKey, input, async (manager, principal, ctx) => {
    checkQuoteConvertInput(input);
    if (!quote) throw new UserErrors([{ field: ["input", "quoteId"], message: "No such quote.", code: "NOT_FOUND" }]);
    const [row] = (await manager.query(`SELECT status, number, valid_until::text AS valid_until, converted_order_id FROM quote WHERE id = $1 FOR UPDATE`, [quote.key])) as Array<{
      status: string;
      number: string;
      valid_until: string;
      converted_order_id: string | null;
    }>;
    if (row!.status === "CONVERTED") throw new UserErrors([{ field: ["input", "quoteId"], message: `Quote ${row!.number} was already converted to an order.`, code: "INVALID_STATE" }]);
    if (!["OPEN", "ACCEPTED"].includes(row!.status)) throw new UserErrors([{ field: ["input", "quoteId"], message: `A ${row!.status} quote cannot be converted.`, code: "INVALID_STATE" }]);
    if (row!.valid_until < new Date().toISOString().slice(0, 10)) throw new UserErrors([{ field: ["input", "quoteId"], message: `Quote ${row!.number} expired on ${row!.valid_until}.`, code: "EXPIRED" }]);

    const account = await storeAccountOf(ctx, { source: quote.source, key: quote.accountKey });
    if (!account) throw new UserErrors([{ field: ["input", "quoteId"], message: "The quote's account no longer exists (or was deleted).", code: "NOT_FOUND" }]);
    const shipTo = await shipToFor(ctx, account, input.shipToId);
    const lines: PricedLine[] = [];
    for (const line of await ctx.loaders.quoteLines.load(quote)) {
      const product = await productNamed(ctx, { sku: line.sku });
      if (!product) throw new UserErrors([{ field: ["input", "quoteId"], message: `Quoted product ${line.sku} is no longer sold.`, code: "NOT_FOUND" }]);
      const unit = (await unitsOfProduct(ctx, product)).find((u) => u.code === line.unit);
      lines.push({
        product,
        quantity: line.quantity,
        unit: line.unit,
        factor: unit?.factor ?? 1,
        unitPrice: line.unitPrice.amount,
        lineTotal: line.lineTotal.amount,
        currency: line.unitPrice.currencyCode,
        warehouseKey: await defaultWarehouseFor(ctx, account, product),
        checkStock: !product.specialOrder,
      });
    }
    const { orderId, payload } = await createOrder(manager, { account, shipTo, kind: "ORDER", poNumber: input.poNumber ?? null, notes: `From quote ${row!.number}`, lines });
    const commandId = await enqueueCommand(manager, ctx.router, { type: "quoteConvertToOrder", aggregateId: orderId, idempotencyKey, principal, payload: { ...payload, quoteNumber: row!.number } });
    await manager.query(`UPDATE "order" SET last_command_id = $2 WHERE id = $1`, [orderId, commandId]);
    await manager.query(`UPDATE quote SET status = 'CONVERTED', converted_order_id = $2, last_command_id = $3 WHERE id = $1`, [quote.key, orderId, commandId]);
    return { entityKey: orderId, commandId, userErrors: [] };
  });
}

/** The `input` of `quoteRequest`. */
export interface QuoteRequestInput {
  accountId?: string | null;
  lines: OrderPlaceInput["lines"];
  notes?: string | null;
}

/** Checks `quoteRequest`'s input against its maxima (lines as for `orderPlace`). */
function checkQuoteRequestInput(input: QuoteRequestInput): void {
  checkLineInputs(new InputCheck().id(input.accountId, ["input", "accountId"]).text(input.notes, ["input", "notes"], TEXT_LIMITS.notes), input.lines).done();
}

/** How long a requested quote is valid. */
export const QUOTE_VALID_DAYS = 30;

/** `quoteRequest`: prices a cart for the account as an `OPEN` quote valid for {@link QUOTE_VALID_DAYS} days. */
export async function requestQuote(ctx: RequestContext, input: QuoteRequestInput, idempotencyKey: string): Promise<MutationOutcome> {
  const buyer = buyerOf(ctx, input.accountId);
  return runIdempotent(ctx, "quoteRequest", idempotencyKey, input, async (manager, principal, ctx) => {
    checkQuoteRequestInput(input);
    const account = await storeAccountOf(ctx, buyer);
    if (!account) throw new UserErrors([{ field: ["input", "accountId"], message: "No such account (or it was deleted).", code: "NOT_FOUND" }]);
    const lines = await priceLines(ctx, { lines: input.lines.map((line) => ({ ...line, warehouseId: null })) }, account);
    const total = fromCents(lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0n));
    const quoteId = randomUUID();
    const [{ number }] = (await manager.query(`SELECT 'QT-' || nextval('quote_number_seq') AS number`)) as [{ number: string }];
    await manager.query(
      `INSERT INTO quote (id, number, account_id, status, currency_code, total, valid_until) VALUES ($1, $2, $3, 'OPEN', $4, $5, current_date + $6::int)`,
      [quoteId, number, account.key, lines[0]!.currency, total, QUOTE_VALID_DAYS],
    );
    for (const [index, line] of lines.entries()) {
      await manager.query(
        `INSERT INTO quote_line (quote_id, line_number, product_id, sku, quantity, unit, unit_price, line_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [quoteId, index + 1, line.product.key, line.product.sku, line.quantity, line.unit, line.unitPrice, line.lineTotal],
      );
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "quoteRequest",
      aggregateId: quoteId,
      idempotencyKey,
      principal,
      payload: { number, accountCode: account.code, notes: input.notes ?? null, total, lines: lines.map((l, i) => ({ lineNumber: i + 1, sku: l.product.sku, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice })) },
    });
    await manager.query(`UPDATE quote SET last_command_id = $2 WHERE id = $1`, [quoteId, commandId]);
    return { entityKey: quoteId, commandId, userErrors: [] };
  });
}
