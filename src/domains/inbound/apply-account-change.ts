import { randomUUID } from "node:crypto";
import * as accountExternalRefs from "../../connectors/store/tables/account-external-refs.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import type { InboundChange } from "../../commands/inbound-changes.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { applied, rejected, type ApplyContext, type ChangeOutcome } from "./change-outcome.js";

type AccountUpsertChange = Extract<InboundChange, { type: "account.upsert" }>;

/** Payment terms of an account a backend created (the store's default). */
const DEFAULT_PAYMENT_TERMS = "NET30";

/**
 * `account.upsert`: inserts or updates an account by code (name, e-mail,
 * phone; never a password; a missing or null phone clears the stored one), stores the backend's id for it as its external
 * reference, marks it synced from the connector, and sends `accountCreate` or
 * `accountUpdate` to the other targets. An e-mail another account has, or the
 * code of a deleted account, is rejected.
 */
export async function applyAccountUpsert(ctx: ApplyContext, change: AccountUpsertChange): Promise<ChangeOutcome> {
  const a = change.account;
  const phone = a.phone ?? null;
  const command = { idempotencyKey: ctx.idempotencyKey, principal: ctx.principal, origin: ctx.connector };
  let accountId = await accounts.liveIdByCode(ctx.tx, a.code);
  const created = accountId === undefined;
  if (accountId === undefined) {
    if (await accounts.codeTaken(ctx.tx, a.code)) return rejected(`account ${a.code} was deleted`);
    accountId = randomUUID();
    if (await accounts.emailTakenByOther(ctx.tx, a.email, accountId)) return rejected(`another account has the e-mail ${a.email}`);
    const row = { id: accountId, code: a.code, name: a.name, email: a.email, phone, customerGroupId: null, paymentTerms: DEFAULT_PAYMENT_TERMS, passwordHash: null };
    if (!(await accounts.insert(ctx.tx, row))) return rejected(`account ${a.code}: its code or e-mail was taken meanwhile`);
    const commandId = await enqueueCommand(ctx.tx, ctx.router, {
      ...command,
      type: "accountCreate",
      aggregateId: accountId,
      payload: { code: a.code, name: a.name, email: a.email, phone, customerGroupCode: null, paymentTerms: DEFAULT_PAYMENT_TERMS },
    });
    await accounts.setLastCommand(ctx.tx, accountId, commandId);
  } else {
    if (await accounts.emailTakenByOther(ctx.tx, a.email, accountId)) return rejected(`another account has the e-mail ${a.email}`);
    await accounts.replaceContact(ctx.tx, accountId, { name: a.name, email: a.email, phone });
    const commandId = await enqueueCommand(ctx.tx, ctx.router, {
      ...command,
      type: "accountUpdate",
      aggregateId: accountId,
      payload: { code: a.code, name: a.name, email: a.email, ...(phone !== null ? { phone } : {}) },
    });
    await accounts.setLastChangeCommand(ctx.tx, accountId, commandId);
  }
  if (a.externalId) await accountExternalRefs.upsert(ctx.tx, accountId, ctx.connector, a.externalId);
  await accounts.markSynced(ctx.tx, accountId, ctx.connector);
  return applied(created);
}
