import { forgetVerifiedCredentials } from "../../auth/credential-cache.js";
import { revokeTokensOfAccount } from "../../auth/customer-tokens.js";
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { assertCanReadAccount, requireAdmin } from "../../auth/access.js";
import { isAdmin } from "../../auth/principal.js";
import { exactlyOne } from "../../common/arguments.js";
import { forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import { changeableAccount } from "./store-account.js";
import { returnedRows } from "../../db/returning.js";
import type { AddressModel, SourceRef } from "../../models/common.js";
import type { CommandPayloads } from "../../commands/command-payloads.js";
import type { CommandType } from "../../commands/command-types.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";

/** Which account a mutation is about: exactly one of ID, e-mail, code. */
export interface AccountLookup {
  id?: string | null;
  email?: string | null;
  code?: string | null;
}

/** The `input` of `accountUpdate`. */
export interface AccountUpdateInput {
  account: AccountLookup;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  paymentTerms?: string | null;
  customerGroupCode?: string | null;
}

/** An address as clients send it. */
type AddressInput = AddressModel;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The store's record of the account a lookup names, which the principal may
 * change: by ID (of any connector), e-mail or code; null when there is none.
 */
async function lookUpAccount(ctx: RequestContext, lookup: AccountLookup, argument: string): Promise<SourceRef | null> {
  const { name, value } = exactlyOne({ ...lookup }, ["id", "email", "code"]);
  if (name === "id") return changeableAccount(ctx, value, `${argument}.id`, "change accounts");
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to change accounts.");
  const account = await (name === "email" ? ctx.loaders.accountByEmailIn : ctx.loaders.accountByCodeIn).load({ source: STORE, key: value });
  if (!account) {
    if (!isAdmin(ctx.principal)) throw forbidden("Customers may only change their own account.");
    return null;
  }
  assertCanReadAccount(ctx.principal, account, "account");
  return account;
}

/**
 * Locks a live account's row for the rest of the transaction. Every command of
 * an account's stream takes this lock first, so its commands commit (and are
 * delivered) in the order they were numbered, and ship-to changes do not deadlock.
 */
export async function lockLiveAccount(manager: EntityManager, accountKey: string): Promise<boolean> {
  return ((await manager.query(`SELECT 1 FROM account WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [accountKey])) as unknown[]).length > 0;
}

/** Enqueues an account command and marks it as the account's last. */
async function enqueueAccountCommand<T extends CommandType>(
  ctx: RequestContext,
  manager: EntityManager,
  command: { type: T; accountKey: string; idempotencyKey: string; principal: string; payload: CommandPayloads[T] },
): Promise<MutationOutcome> {
  const commandId = await enqueueCommand(manager, ctx.router, { type: command.type, aggregateId: command.accountKey, idempotencyKey: command.idempotencyKey, principal: command.principal, payload: command.payload });
  await manager.query(`UPDATE account SET last_command_id = $2, updated_at = now() WHERE id = $1`, [command.accountKey, commandId]);
  return { entityKey: command.accountKey, commandId, userErrors: [] };
}

/** Checks an account lookup's texts against their maxima. */
function checkLookup(check: InputCheck, lookup: AccountLookup, field: string[]): InputCheck {
  return check.id(lookup.id, [...field, "id"]).text(lookup.email, [...field, "email"], TEXT_LIMITS.email).text(lookup.code, [...field, "code"], TEXT_LIMITS.code);
}

/** Checks `accountUpdate`'s input against its maxima (see `input-limits.ts`). */
function checkAccountUpdateInput(input: AccountUpdateInput): void {
  checkLookup(new InputCheck(), input.account, ["input", "account"])
    .text(input.name, ["input", "name"], TEXT_LIMITS.name)
    .text(input.email, ["input", "email"], TEXT_LIMITS.email)
    .text(input.phone, ["input", "phone"], TEXT_LIMITS.phone)
    .text(input.paymentTerms, ["input", "paymentTerms"], TEXT_LIMITS.paymentTerms)
    .text(input.customerGroupCode, ["input", "customerGroupCode"], TEXT_LIMITS.code)
    .done();
}

/** `accountUpdate`: contact details by the customer itself or admins; terms and group by admins only. */
export async function updateAccount(ctx: RequestContext, input: AccountUpdateInput, idempotencyKey: string): Promise<MutationOutcome> {
  const ref = await lookUpAccount(ctx, input.account, "input.account");
  if (!isAdmin(ctx.principal) && (input.paymentTerms != null || input.customerGroupCode != null)) throw forbidden("Only admin API keys may change payment terms or the customer group.");
  return runIdempotent(ctx, "accountUpdate", idempotencyKey, input, async (manager, principal, ctx) => {
    checkAccountUpdateInput(input);
    if (!ref) throw new UserErrors([{ field: ["input", "account"], message: "No such account.", code: "NOT_FOUND" }]);
    const errors: UserErrorModel[] = [];
    if (input.name != null && !input.name.trim()) errors.push({ field: ["input", "name"], message: "The name cannot be empty.", code: "INVALID" });
    if (input.email != null && !EMAIL.test(input.email.trim())) errors.push({ field: ["input", "email"], message: "This is not an e-mail address.", code: "INVALID" });
    let groupId: string | null = null;
    if (input.customerGroupCode != null) {
      const [group] = (await manager.query(`SELECT id FROM customer_group WHERE code = $1`, [input.customerGroupCode])) as Array<{ id: string }>;
      if (!group) errors.push({ field: ["input", "customerGroupCode"], message: `No customer group ${input.customerGroupCode}.`, code: "NOT_FOUND" });
      groupId = group?.id ?? null;
    }
    if (errors.length > 0) throw new UserErrors(errors);
    if (input.email != null) {
      const [taken] = (await manager.query(`SELECT 1 FROM account WHERE lower(email) = lower($1) AND id <> $2`, [input.email.trim(), ref.key])) as unknown[];
      if (taken) throw new UserErrors([{ field: ["input", "email"], message: "Another account uses this e-mail.", code: "TAKEN" }]);
    }
    const updated = returnedRows<{ code: string }>(
      await manager
        .query(
          `UPDATE account SET name = coalesce($2, name), email = coalesce($3, email), phone = coalesce($4, phone),
             payment_terms = coalesce($5, payment_terms), customer_group_id = coalesce($6, customer_group_id)
           WHERE id = $1 AND deleted_at IS NULL RETURNING code`,
          [ref.key, input.name?.trim() ?? null, input.email?.trim() ?? null, input.phone ?? null, input.paymentTerms ?? null, groupId],
        )
        .catch((error: unknown) => {
          // Another request took the e-mail between the check above and this update.
          if ((error as { constraint?: string }).constraint === "account_email_key") throw new UserErrors([{ field: ["input", "email"], message: "Another account uses this e-mail.", code: "TAKEN" }]);
          throw error;
        }),
    );
    if (updated.length === 0) throw new UserErrors([{ field: ["input", "account"], message: "No such account.", code: "NOT_FOUND" }]);
    const { account: _account, ...changes } = input;
    return enqueueAccountCommand(ctx, manager, { type: "accountUpdate", accountKey: ref.key, idempotencyKey, principal, payload: { code: updated[0]!.code, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v != null)) } });
  });
}

/** `accountDelete` (admin): the account stops signing in and being found; its history stays. */
export async function deleteAccount(ctx: RequestContext, lookup: AccountLookup, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "delete accounts");
  const ref = await lookUpAccount(ctx, lookup, "account");
  const outcome = await runIdempotent(ctx, "accountDelete", idempotencyKey, lookup, async (manager, principal, ctx) => {
    checkLookup(new InputCheck(), lookup, ["account"]).done();
    const deleted = ref ? returnedRows<{ code: string }>(await manager.query(`UPDATE account SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING code`, [ref.key])) : [];
    if (!ref || deleted.length === 0) throw new UserErrors([{ field: ["account"], message: "No such account, or it is already deleted.", code: "NOT_FOUND" }]);
    await revokeTokensOfAccount(manager, ref.key);
    return enqueueAccountCommand(ctx, manager, { type: "accountDelete", accountKey: ref.key, idempotencyKey, principal, payload: { code: deleted[0]!.code } });
  });
  // Committed now: no lookup can read the account's tokens as live any more.
  forgetVerifiedCredentials();
  return outcome;
}

/** Checks an address's texts against their maxima. */
function checkAddress(check: InputCheck, address: AddressInput | null | undefined, field: string[]): InputCheck {
  if (!address) return check;
  return check
    .text(address.line1, [...field, "line1"], TEXT_LIMITS.addressLine)
    .text(address.line2, [...field, "line2"], TEXT_LIMITS.addressLine)
    .text(address.city, [...field, "city"], TEXT_LIMITS.city)
    .text(address.region, [...field, "region"], TEXT_LIMITS.city)
    .text(address.postalCode, [...field, "postalCode"], TEXT_LIMITS.postalCode);
}

/** Checks the input of `shipToAdd` and `shipToUpdate` against its maxima (see `input-limits.ts`). */
function checkShipToInput(input: { accountId?: string | null; shipToId?: string; name?: string | null; address?: AddressInput | null; erpShipToId?: string | null }): void {
  checkAddress(new InputCheck(), input.address, ["input", "address"])
    .id(input.accountId, ["input", "accountId"])
    .id(input.shipToId, ["input", "shipToId"])
    .text(input.name, ["input", "name"], TEXT_LIMITS.name)
    .text(input.erpShipToId, ["input", "erpShipToId"], TEXT_LIMITS.code)
    .done();
}

function addressErrors(address: AddressInput | null | undefined, field: string[]): UserErrorModel[] {
  if (!address) return [];
  const errors: UserErrorModel[] = [];
  for (const key of ["line1", "city", "postalCode"] as const) if (!address[key].trim()) errors.push({ field: [...field, key], message: `${key} is required.`, code: "INVALID" });
  if (!/^[A-Z]{2}$/.test(address.countryCode)) errors.push({ field: [...field, "countryCode"], message: "Use a two-letter ISO country code, like US.", code: "INVALID" });
  return errors;
}

/** Makes one ship-to the account's only default. */
async function makeDefault(manager: EntityManager, accountKey: string, shipToKey: string): Promise<void> {
  await manager.query(`UPDATE ship_to SET is_default = (id = $2) WHERE account_id = $1`, [accountKey, shipToKey]);
}

/** `shipToAdd`: a new delivery address; the first one, or one marked so, becomes the default. */
export async function addShipTo(
  ctx: RequestContext,
  input: { accountId?: string | null; name: string; address: AddressInput; erpShipToId?: string | null; isDefault?: boolean | null },
  idempotencyKey: string,
): Promise<MutationOutcome> {
  const ref = await changeableAccount(ctx, input.accountId, "input.accountId", "change accounts");
  // The ERP's ship-to id travels to the ERP with every order: only operators set it.
  if (input.erpShipToId != null && !isAdmin(ctx.principal)) throw forbidden("Only admin API keys may set erpShipToId.");
  return runIdempotent(ctx, "shipToAdd", idempotencyKey, input, async (manager, principal, ctx) => {
    checkShipToInput(input);
    if (!ref || !(await lockLiveAccount(manager, ref.key))) throw new UserErrors([{ field: ["input", "accountId"], message: "No such account (or it was deleted).", code: "NOT_FOUND" }]);
    const errors = [...addressErrors(input.address, ["input", "address"]), ...(input.name.trim() ? [] : [userError("INVALID", ["input", "name"], "The name is required.")])];
    if (errors.length > 0) throw new UserErrors(errors);
    const id = randomUUID();
    await manager.query(`INSERT INTO ship_to (id, account_id, erp_ship_to_id, name, address, is_default) VALUES ($1, $2, $3, $4, $5, false)`, [
      id,
      ref.key,
      input.erpShipToId ?? null,
      input.name.trim(),
      JSON.stringify(input.address),
    ]);
    const [others] = (await manager.query(`SELECT count(*)::int AS n FROM ship_to WHERE account_id = $1 AND removed_at IS NULL AND is_default`, [ref.key])) as Array<{ n: number }>;
    if (input.isDefault || others!.n === 0) await makeDefault(manager, ref.key, id);
    return enqueueAccountCommand(ctx, manager, { type: "shipToAdd", accountKey: ref.key, idempotencyKey, principal, payload: { shipToId: id, ...input, accountId: undefined } });
  });
}

/** Loads a ship-to the principal may change. */
async function changeableShipTo(ctx: RequestContext, shipToId: string, argument: string): Promise<{ key: string; accountKey: string }> {
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to change ship-tos.");
  const gid = expectGlobalId(shipToId, "ShipTo", argument);
  const shipTo = ctx.router.serves("accounts", gid.connector) ? await ctx.loaders.shipTo.load({ source: gid.connector, key: gid.key }) : null;
  if (!shipTo) throw new UserErrors([{ field: argument.split("."), message: "No such ship-to.", code: "NOT_FOUND" }]);
  assertCanReadAccount(ctx.principal, { source: shipTo.source, key: shipTo.accountKey }, "ship-to");
  return shipTo;
}

/** `shipToUpdate`: new name, address, or default. */
export async function updateShipTo(
  ctx: RequestContext,
  input: { shipToId: string; name?: string | null; address?: AddressInput | null; isDefault?: boolean | null },
  idempotencyKey: string,
): Promise<MutationOutcome> {
  return runIdempotent(ctx, "shipToUpdate", idempotencyKey, input, async (manager, principal, ctx) => {
    checkShipToInput(input);
    const shipTo = await changeableShipTo(ctx, input.shipToId, "input.shipToId");
    if (!(await lockLiveAccount(manager, shipTo.accountKey))) throw new UserErrors([{ field: ["input", "shipToId"], message: "Its account was deleted.", code: "INVALID_STATE" }]);
    const errors = addressErrors(input.address, ["input", "address"]);
    if (input.name != null && !input.name.trim()) errors.push({ field: ["input", "name"], message: "The name cannot be empty.", code: "INVALID" });
    if (input.isDefault === false) errors.push({ field: ["input", "isDefault"], message: "Make another ship-to the default instead.", code: "INVALID" });
    if (errors.length > 0) throw new UserErrors(errors);
    const changed = returnedRows(
      await manager.query(`UPDATE ship_to SET name = coalesce($2, name), address = coalesce($3::jsonb, address) WHERE id = $1 AND removed_at IS NULL RETURNING id`, [
        shipTo.key,
        input.name?.trim() ?? null,
        input.address ? JSON.stringify(input.address) : null,
      ]),
    );
    if (changed.length === 0) throw new UserErrors([{ field: ["input", "shipToId"], message: "This ship-to was removed.", code: "INVALID_STATE" }]);
    if (input.isDefault) await makeDefault(manager, shipTo.accountKey, shipTo.key);
    return enqueueAccountCommand(ctx, manager, { type: "shipToUpdate", accountKey: shipTo.accountKey, idempotencyKey, principal, payload: { ...input, shipToId: shipTo.key } });
  });
}

/** `shipToRemove`: removes a ship-to (not the last); orders that used it keep it. */
export async function removeShipTo(ctx: RequestContext, shipToId: string, idempotencyKey: string): Promise<MutationOutcome> {
  return runIdempotent(ctx, "shipToRemove", idempotencyKey, { shipToId }, async (manager, principal, ctx) => {
    const shipTo = await changeableShipTo(ctx, shipToId, "shipToId");
    if (!(await lockLiveAccount(manager, shipTo.accountKey))) throw new UserErrors([{ field: ["shipToId"], message: "Its account was deleted.", code: "INVALID_STATE" }]);
    const live = (await manager.query(`SELECT id, is_default FROM ship_to WHERE account_id = $1 AND removed_at IS NULL ORDER BY is_default DESC, name FOR UPDATE`, [shipTo.accountKey])) as Array<{
      id: string;
      is_default: boolean;
    }>;
    if (!live.some((s) => s.id === shipTo.key)) throw new UserErrors([{ field: ["shipToId"], message: "This ship-to was already removed.", code: "INVALID_STATE" }]);
    if (live.length === 1) throw new UserErrors([{ field: ["shipToId"], message: "An account keeps at least one ship-to.", code: "INVALID_STATE" }]);
    await manager.query(`UPDATE ship_to SET removed_at = now(), is_default = false WHERE id = $1`, [shipTo.key]);
    if (live.find((s) => s.id === shipTo.key)?.is_default) await makeDefault(manager, shipTo.accountKey, live.find((s) => s.id !== shipTo.key)!.id);
    return enqueueAccountCommand(ctx, manager, { type: "shipToRemove", accountKey: shipTo.accountKey, idempotencyKey, principal, payload: { shipToId: shipTo.key } });
  });
}
