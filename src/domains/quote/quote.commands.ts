import { randomUUID } from "node:crypto";
import { fromCents, toCents } from "../../common/money.js";
import { storeAccountOf } from "../account/store-account.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith } from "../../common/user-errors.js";
import * as orders from "../../connectors/store/tables/orders.js";
import * as quotes from "../../connectors/store/tables/quotes.js";
import type { QuoteConvertToOrderInput, QuoteRequestInput } from "../../generated/graphql.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { buyerOf, defaultWarehouseFor, priceLines, shipToFor, type PricedLine } from "../order/order-cart.js";
import { createOrder } from "../order/order-create.js";
import { checkLineInputs } from "../order/order-input-checks.js";
import { productNamed } from "../command/input-lookups.js";
import { unitsOfProduct } from "../product/product.service.js";
import { quoteById } from "./quote.service.js";

/** Checks `quoteConvertToOrder`'s input against its maxima. */
function checkQuoteConvertToOrderInput(input: QuoteConvertToOrderInput): void {
  new InputCheck().id(input.quoteId, ["input", "quoteId"]).id(input.shipToId, ["input", "shipToId"]).text(input.poNumber, ["input", "poNumber"], TEXT_LIMITS.poNumber).done();
}

/**
 * `quoteConvertToOrder`: an `OPEN` or `ACCEPTED` quote that is still valid
 * becomes an order at the quoted prices (stock reserved like any order); the
 * quote is marked `CONVERTED` in the same transaction, so converting twice is a
 * user error and never a second order.
 */
export async function convertQuote(ctx: RequestContext, input: QuoteConvertToOrderInput, idempotencyKey: string): Promise<MutationOutcome> {
  const quote = await quoteById(ctx, input.quoteId);
  return runIdempotent(ctx, "quoteConvertToOrder", idempotencyKey, input, async (manager, principal, ctx) => {
    checkQuoteConvertToOrderInput(input);
    if (!quote) failWith("NOT_FOUND", ["input", "quoteId"], "No such quote.");
    const row = (await quotes.lockForUpdate(manager, quote.key))!;
    if (row.status === "CONVERTED") failWith("INVALID_STATE", ["input", "quoteId"], `Quote ${row.number} was already converted to an order.`);
    if (!["OPEN", "ACCEPTED"].includes(row.status)) failWith("INVALID_STATE", ["input", "quoteId"], `A ${row.status} quote cannot be converted.`);
    if (row.valid_until < new Date().toISOString().slice(0, 10)) failWith("EXPIRED", ["input", "quoteId"], `Quote ${row.number} expired on ${row.valid_until}.`);

    const account = await storeAccountOf(ctx, { source: quote.source, key: quote.accountKey });
    if (!account) failWith("NOT_FOUND", ["input", "quoteId"], "The quote's account no longer exists (or was deleted).");
    const shipTo = await shipToFor(ctx, account, input.shipToId);
    const lines: PricedLine[] = [];
    for (const line of await ctx.loaders.quoteLines.load(quote)) {
      const product = await productNamed(ctx, { sku: line.sku });
      if (!product) failWith("NOT_FOUND", ["input", "quoteId"], `Quoted product ${line.sku} is no longer sold.`);
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
    const { orderId, payload } = await createOrder(manager, { account, shipTo, kind: "ORDER", poNumber: input.poNumber ?? null, notes: `From quote ${row.number}`, lines, principal });
    const commandId = await enqueueCommand(manager, ctx.router, { type: "quoteConvertToOrder", aggregateId: orderId, idempotencyKey, principal, payload: { ...payload, quoteNumber: row.number } });
    await orders.setLastCommand(manager, orderId, commandId);
    await quotes.markConverted(manager, quote.key, orderId, commandId);
    return { entityKey: orderId, commandId, userErrors: [] };
  });
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
    if (!account) failWith("NOT_FOUND", ["input", "accountId"], "No such account (or it was deleted).");
    const lines = await priceLines(ctx, { lines: input.lines.map((line) => ({ ...line, warehouseId: null })) }, account);
    const total = fromCents(lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0n));
    const quoteId = randomUUID();
    const number = await quotes.nextNumber(manager);
    await quotes.insert(manager, { id: quoteId, number, accountKey: account.key, currencyCode: lines[0]!.currency, total, validDays: QUOTE_VALID_DAYS });
    for (const [index, line] of lines.entries()) {
      await quotes.insertLine(manager, quoteId, {
        lineNumber: index + 1,
        productKey: line.product.key,
        sku: line.product.sku,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: line.unitPrice,
        lineTotal: line.lineTotal,
      });
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "quoteRequest",
      aggregateId: quoteId,
      idempotencyKey,
      principal,
      payload: { number, accountCode: account.code, notes: input.notes ?? null, total, lines: lines.map((l, i) => ({ lineNumber: i + 1, sku: l.product.sku, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice })) },
    });
    await quotes.setLastCommand(manager, quoteId, commandId);
    return { entityKey: quoteId, commandId, userErrors: [] };
  });
}
