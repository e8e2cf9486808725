import { randomUUID } from "node:crypto";
import { requireAdmin } from "../../auth/access.js";
import { hashPassword } from "../../auth/password.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";

/** The `input` of `accountCreate`. */
export interface AccountCreateInput {
  code: string;
  name: string;
  email: string;
  phone?: string | null;
  customerGroupCode?: string | null;
  paymentTerms?: string | null;
  password?: string | null;
}

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
      const [group] = (await manager.query(`SELECT id FROM customer_group WHERE code = $1`, [input.customerGroupCode])) as Array<{ id: string }>;
      if (!group) throw new UserErrors([{ field: ["input", "customerGroupCode"], message: `No customer group ${input.customerGroupCode}.`, code: "NOT_FOUND" }]);
      groupId = group.id;
    }
    const accountId = randomUUID();
    const email = input.email.trim();
    const inserted = (await manager.query(
      `INSERT INTO account (id, code, name, email, phone, customer_group_id, payment_terms, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [accountId, input.code, input.name.trim(), email, input.phone ?? null, groupId, input.paymentTerms ?? "NET30", input.password ? await hashPassword(input.password) : null],
    )) as unknown[];
    if (inserted.length === 0) {
      throw new UserErrors([{ field: ["input", "email"], message: "An account with this code or e-mail already exists.", code: "TAKEN" }]);
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "accountCreate",
      aggregateId: accountId,
      idempotencyKey,
      principal,
      payload: { code: input.code, name: input.name.trim(), email, phone: input.phone ?? null, customerGroupCode: input.customerGroupCode ?? null, paymentTerms: input.paymentTerms ?? "NET30" },
    });
    await manager.query(`UPDATE account SET last_command_id = $2 WHERE id = $1`, [accountId, commandId]);
    return { entityKey: accountId, commandId, userErrors: [] };
  });
}
