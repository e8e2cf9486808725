import { assertCanReadAccount } from "../../auth/access.js";
import { unauthenticated } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import * as paymentMethods from "../../connectors/store/tables/payment-methods.js";
import type { RequestContext } from "../../context.js";
import type { PaymentMethodAddInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { changeableAccount } from "./store-account.js";

/** Most characters that may stand between two digits of a card number and still be taken for a separator. */
const MAX_SEPARATOR_RUN = 3;

/** A whole run of digits, each pair apart by at most a few characters that are neither letters nor digits. */
const DIGIT_RUN = new RegExp(`\\p{Nd}(?:[^\\p{L}\\p{N}]{0,${MAX_SEPARATOR_RUN}}\\p{Nd})*`, "gu");

/** How many digits a card number has. */
const CARD_MIN_DIGITS = 13;
const CARD_MAX_DIGITS = 19;

const DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script: Unicode keeps each script's
 * digits together, 0 to 9 in order, so it is the distance from the zero that
 * starts its block (modulo 10: some blocks hold several sets of ten).
 */
function digitValue(digit: string): number {
  const codePoint = digit.codePointAt(0)!;
  let zero = codePoint;
  while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (codePoint - zero) % 10;
}

/** True when `digits` (0 to 9 each) pass the Luhn check. */
function passesLuhn(digits: number[]): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits[digits.length - 1 - i]!;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * True when the digit groups of a run (the digits between its separators), or
 * some neighbouring groups taken whole, make 13 to 19 digits that pass the
 * Luhn check: a card number however it is grouped, also with an expiry date, a
 * CVC or another number beside it. A group is never cut, so an unbroken run of
 * digits is checked as one number: a provider's all-digit token is refused
 * only when it is itself 13 to 19 digits passing the check.
 */
function holdsCardNumber(groups: number[][]): boolean {
  for (let first = 0; first < groups.length; first++) {
    const digits: number[] = [];
    for (let last = first; last < groups.length && digits.length + groups[last]!.length <= CARD_MAX_DIGITS; last++) {
      digits.push(...groups[last]!);
      if (digits.length >= CARD_MIN_DIGITS && passesLuhn(digits)) return true;
    }
  }
  return false;
}

/**
 * True when a string holds something that looks like a payment card number:
 * 13 to 19 digits, in one group or several groups side by side, that pass the
 * Luhn check, wherever they stand in a longer run of digit groups (an expiry
 * date or a CVC after it, a date before it, another card number). The text is
 * normalised first (NFKC: full-width and other compatibility digits become
 * ASCII ones); groups are apart by separators — spaces, dashes, dots, slashes,
 * underscores, line breaks, invisible characters — up to three at a time.
 * Digits of other scripts count as digits.
 */
export function looksLikeCardNumber(value: string): boolean {
  const text = value.normalize("NFKC");
  for (const match of text.matchAll(DIGIT_RUN)) {
    const groups = match[0].split(/[^\p{Nd}]+/u).map((group) => [...group].map(digitValue));
    if (holdsCardNumber(groups)) return true;
  }
  return false;
}

/** Checks `paymentMethodAdd`'s input against its maxima (see `input-limits.ts`). */
function checkPaymentMethodInput(input: PaymentMethodAddInput): void {
  new InputCheck()
    .id(input.accountId, ["input", "accountId"])
    .text(input.provider, ["input", "provider"], TEXT_LIMITS.provider, { required: true })
    .text(input.token, ["input", "token"], TEXT_LIMITS.token)
    .text(input.brand, ["input", "brand"], TEXT_LIMITS.brand)
    .text(input.last4, ["input", "last4"], 4)
    .done();
}

/**
 * `paymentMethodAdd`: keeps a payment provider's token on an account. We never
 * accept card numbers: any field that looks like one is refused, and nothing is stored.
 */
export async function addPaymentMethod(ctx: RequestContext, input: PaymentMethodAddInput, idempotencyKey: string): Promise<MutationOutcome> {
  const account = await changeableAccount(ctx, input.accountId, "input.accountId", "manage payment methods");
  return runIdempotent(ctx, "paymentMethodAdd", idempotencyKey, input, async (manager, principal, ctx) => {
    checkPaymentMethodInput(input);
    if (!account || !(await accounts.lockLive(manager, account.key))) failWith("NOT_FOUND", ["input", "accountId"], "No such account (or it was deleted).");
    const errors: UserErrorModel[] = [];
    for (const field of ["token", "provider", "brand", "last4"] as const) {
      const value = input[field];
      if (value && looksLikeCardNumber(value)) {
        errors.push(userError("INVALID", ["input", field], "This looks like a card number. Never send card numbers: send the payment provider's token instead."));
      }
    }
    if (!input.token.trim()) errors.push(userError("INVALID", ["input", "token"], "The provider's token is required."));
    if (input.last4 != null && !/^\d{4}$/.test(input.last4)) errors.push(userError("INVALID", ["input", "last4"], "last4 is four digits."));
    if (input.expiryMonth != null && (input.expiryMonth < 1 || input.expiryMonth > 12)) errors.push(userError("INVALID", ["input", "expiryMonth"], "A month is 1 to 12."));
    if (input.expiryYear != null && (input.expiryYear < 2000 || input.expiryYear > 2100)) errors.push(userError("INVALID", ["input", "expiryYear"], "Give the year with four digits."));
    if (errors.length > 0) throw new UserErrors(errors);
    const paymentMethodId = await paymentMethods.insert(manager, {
      accountId: account.key,
      provider: input.provider.trim(),
      token: input.token.trim(),
      brand: input.brand ?? null,
      last4: input.last4 ?? null,
      expiryMonth: input.expiryMonth ?? null,
      expiryYear: input.expiryYear ?? null,
    });
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "paymentMethodAdd",
      aggregateId: account.key,
      idempotencyKey,
      principal,
      payload: { paymentMethodId, provider: input.provider.trim(), token: input.token.trim(), brand: input.brand ?? null, last4: input.last4 ?? null },
    });
    await paymentMethods.setLastCommand(manager, paymentMethodId, commandId);
    return { entityKey: paymentMethodId, commandId, userErrors: [] };
  });
}

/** `paymentMethodRemove`: removes a saved payment method of an account the principal may manage. */
export async function removePaymentMethod(ctx: RequestContext, paymentMethodId: string, idempotencyKey: string): Promise<MutationOutcome> {
  const gid = expectGlobalId(paymentMethodId, "PaymentMethod", "paymentMethodId");
  const method = ctx.router.serves("accounts", gid.connector) ? await ctx.loaders.paymentMethod.load({ source: gid.connector, key: gid.key }) : null;
  if (method) assertCanReadAccount(ctx.principal, { source: method.source, key: method.accountKey }, "payment method");
  else if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to manage payment methods.");
  return runIdempotent(ctx, "paymentMethodRemove", idempotencyKey, { paymentMethodId }, async (manager, principal, ctx) => {
    if (!method) failWith("NOT_FOUND", ["paymentMethodId"], "No such payment method.");
    await accounts.lockLive(manager, method.accountKey);
    if (!(await paymentMethods.markRemoved(manager, method.key))) failWith("INVALID_STATE", ["paymentMethodId"], "This payment method was already removed.");
    const commandId = await enqueueCommand(manager, ctx.router, { type: "paymentMethodRemove", aggregateId: method.accountKey, idempotencyKey, principal, payload: { paymentMethodId: method.key } });
    return { entityKey: method.key, commandId, userErrors: [] };
  });
}
