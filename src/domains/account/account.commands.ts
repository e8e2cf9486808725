import { randomUUID } from "node:crypto";
import { requireAdmin } from "../../auth/access.js";
import { hashPassword } from "../../auth/password.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import type { RequestContext } from "../../context.js";
import type { AccountCreateInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks `accountCreate`'s input: formats, and every text within its maximum (see `input-limits.ts`). */
function validate(input: AccountCreateInput): UserErrorModel[] {
  const check = new InputCheck()
    .text(input.name, ["input", "name"], TEXT_LIMITS.name, { required: true })
    .text(input.email, ["input", "email"], TEXT_LIMITS.email, { required: true })
    .text(input.phone, ["input", "phone"], TEXT_LIMITS.phone)
    .text(input.customerGroupCode, ["input", "customerGroupCode"], TEXT_LIMITS.code)
    .text(input.paymentTerms, ["input", "paymentTerms"], TEXT_LIMITS.paymentTerms)
    .text(input.password, ["input", "password"], TEXT_LIMITS.password);
  const invalid = (name: string, message: string) => check.fail(["input", name], message);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(input.code)) invalid("code", `The code must be 1 to ${TEXT_LIMITS.code} letters, digits, dots, dashes or underscores.`);
  if (input.email.length <= TEXT_LIMITS.email && !EMAIL.test(input.email.trim())) invalid("email", "This is not an e-mail address.");
  if (input.password != null && input.password.length < 10) invalid("password", "The password must be at least 10 characters.");
  return check.errors;
}

/** `accountCreate` (admin API keys): stores the account and sends it through the outbox. */
export async function createAccount(ctx: RequestContext, input: AccountCreateInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "create accounts");
  return runIdempotent(ctx, "accountCreate", idempotencyKey, input, async (manager, principal, ctx) => {
    const errors = validate(input);
    if (errors.length > 0) throw new UserErrors(errors);
    let groupId: string | null = null;
    if (input.customerGroupCode) {
      groupId = await accounts.customerGroupIdByCode(manager, input.customerGroupCode);
      if (!groupId) failWith("NOT_FOUND", ["input", "customerGroupCode"], `No customer group ${input.customerGroupCode}.`);
    }
    const accountId = randomUUID();
    const email = input.email.trim();
    const inserted = await accounts.insert(manager, {
      id: accountId,
      code: input.code,
      name: input.name.trim(),
      email,
      phone: input.phone ?? null,
      customerGroupId: groupId,
      paymentTerms: input.paymentTerms ?? "NET30",
      passwordHash: input.password ? await hashPassword(input.password) : null,
    });
    if (!inserted) failWith("TAKEN", ["input", "email"], "An account with this code or e-mail already exists.");
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "accountCreate",
      aggregateId: accountId,
      idempotencyKey,
      principal,
      payload: { code: input.code, name: input.name.trim(), email, phone: input.phone ?? null, customerGroupCode: input.customerGroupCode ?? null, paymentTerms: input.paymentTerms ?? "NET30" },
    });
    await accounts.setLastCommand(manager, accountId, commandId);
    return { entityKey: accountId, commandId, userErrors: [] };
  });
}
