import { isUuid, parseGlobalId } from "../../common/ids.js";
import { storeAccountOf } from "../account/store-account.js";
import type { RequestContext } from "../../context.js";
import type { AccountModel } from "../../models/account.js";
import type { Queryable } from "../../db/query-rows.js";
import * as orders from "../../connectors/store/tables/orders.js";
import * as paymentMethods from "../../connectors/store/tables/payment-methods.js";
import type { OrderPlaceInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith } from "../../common/user-errors.js";
import { buyerOf, priceLines, shipToFor } from "./order-cart.js";
import { createOrder } from "./order-create.js";
import { checkOrderPlaceInput } from "./order-input-checks.js";

/**
 * `orderPlace`: validates the cart, prices it for the account, reserves stock,
 * and in one transaction stores the order (`PENDING`), its lines, the outbox
 * command and the idempotency record.
 */
export async function placeOrder(ctx: RequestContext, input: OrderPlaceInput, idempotencyKey: string): Promise<MutationOutcome> {
  const buyer = buyerOf(ctx, input.accountId);
  return runIdempotent(ctx, "orderPlace", idempotencyKey, input, async (manager, principal, ctx) => {
    checkOrderPlaceInput(input);
    const account = await storeAccountOf(ctx, buyer);
    if (!account) failWith("NOT_FOUND", ["input", "accountId"], "No such account (or it was deleted).");
    const shipTo = await shipToFor(ctx, account, input.shipToId);
    const paymentMethodId = input.paymentMethodId != null ? await paymentMethodOf(manager, account, input.paymentMethodId) : null;
    const lines = await priceLines(ctx, input, account);
    const { orderId, payload } = await createOrder(manager, {
      account,
      shipTo,
      kind: input.kind ?? "ORDER",
      poNumber: input.poNumber ?? null,
      notes: input.notes ?? null,
      lines,
      paymentMethodId,
      principal,
    });
    const commandId = await enqueueCommand(manager, ctx.router, { type: "orderPlace", aggregateId: orderId, idempotencyKey, principal, payload });
    await orders.setLastCommand(manager, orderId, commandId);
    return { entityKey: orderId, commandId, userErrors: [] };
  });
}

/** The key of a saved payment method of the account, or a user error. */
async function paymentMethodOf(tx: Queryable, account: AccountModel, id: string): Promise<string> {
  const gid = parseGlobalId(id);
  // The id as stored (lower case), not as the client wrote it: it travels to the ERP in the order's payload.
  const saved = gid?.type === "PaymentMethod" && isUuid(gid.key) ? await paymentMethods.savedIdOnAccount(tx, gid.key, account.key) : undefined;
  return saved ?? failWith("NOT_FOUND", ["input", "paymentMethodId"], "No such saved payment method on this account.");
}
