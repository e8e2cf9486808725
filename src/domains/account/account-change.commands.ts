import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { forgetVerifiedCredentials } from "../../auth/credential-cache.js";
import { revokeTokensOfAccount } from "../../auth/customer-tokens.js";
import { assertCanReadAccount, requireAdmin } from "../../auth/access.js";
import { isAdmin } from "../../auth/principal.js";
import { exactlyOne } from "../../common/arguments.js";
import { forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId } from "../../common/ids.js";
import { InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { STORE } from "../../connectors/store/store-connector.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import * as shipTos from "../../connectors/store/tables/ship-tos.js";
import type { RequestContext } from "../../context.js";
import type { AccountLookupInput, AccountUpdateInput, AddressInput, ShipToAddInput, ShipToUpdateInput } from "../../generated/graphql.js";
import type { SourceRef } from "../../models/common.js";
import type { CommandPayloads } from "../../commands/command-payloads.js";
import type { CommandType } from "../../commands/command-types.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { changeableAccount } from "./store-account.js";

/** The fields of `shipToAdd`'s and `shipToUpdate`'s inputs that have maxima. */
type ShipToFields = Partial<Pick<ShipToAddInput, "accountId" | "erpShipToId"> & Pick<ShipToUpdateInput, "shipToId" | "name" | "address">>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The store's record of the account a lookup names, which the principal may
 * change: by ID (of any connector), e-mail or code; null when there is none.
 */
async function lookUpAccount(ctx: RequestContext, lookup: AccountLookupInput, argument: string): Promise<SourceRef | null> {
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

/** Enqueues an account command and marks it as the account's last. */
async function enqueueAccountCommand<T extends CommandType>(
  ctx: RequestContext,
  manager: EntityManager,
  command: { type: T; accountKey: string; idempotencyKey: string; principal: string; payload: CommandPayloads[T] },
): Promise<MutationOutcome> {
  const commandId = await enqueueCommand(manager, ctx.router, { type: command.type, aggregateId: command.accountKey, idempotencyKey: command.idempotencyKey, principal: command.principal, payload: command.payload });
  await accounts.setLastChangeCommand(manager, command.accountKey, commandId);
  return { entityKey: command.accountKey, commandId, userErrors: [] };
}

/** Checks an account lookup's texts against their maxima. */
function checkLookup(check: InputCheck, lookup: AccountLookupInput, field: string[]): InputCheck {
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
    if (!ref) failWith("NOT_FOUND", ["input", "account"], "No such account.");
    const errors: UserErrorModel[] = [];
    if (input.name != null && !input.name.trim()) errors.push(userError("INVALID", ["input", "name"], "The name cannot be empty."));
    if (input.email != null && !EMAIL.test(input.email.trim())) errors.push(userError("INVALID", ["input", "email"], "This is not an e-mail address."));
    let groupId: string | null = null;
    if (input.customerGroupCode != null) {
      groupId = await accounts.customerGroupIdByCode(manager, input.customerGroupCode);
      if (!groupId) errors.push(userError("NOT_FOUND", ["input", "customerGroupCode"], `No customer group ${input.customerGroupCode}.`));
    }
    if (errors.length > 0) throw new UserErrors(errors);
    if (input.email != null && (await accounts.emailTakenByOther(manager, input.email.trim(), ref.key))) failWith("TAKEN", ["input", "email"], "Another account uses this e-mail.");
    const code = await accounts
      .update(manager, ref.key, {
        name: input.name?.trim() ?? null,
        email: input.email?.trim() ?? null,
        phone: input.phone ?? null,
        paymentTerms: input.paymentTerms ?? null,
        customerGroupId: groupId,
      })
      .catch((error: unknown) => {
        // Another request took the e-mail between the check above and this update.
        if ((error as { constraint?: string }).constraint === accounts.EMAIL_CONSTRAINT) failWith("TAKEN", ["input", "email"], "Another account uses this e-mail.");
        throw error;
      });
    if (code === undefined) failWith("NOT_FOUND", ["input", "account"], "No such account.");
    const { account: _account, ...changes } = input;
    return enqueueAccountCommand(ctx, manager, { type: "accountUpdate", accountKey: ref.key, idempotencyKey, principal, payload: { code, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v != null)) } });
  });
}

/** `accountDelete` (admin): the account stops signing in and being found; its history stays. */
export async function deleteAccount(ctx: RequestContext, lookup: AccountLookupInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "delete accounts");
  const ref = await lookUpAccount(ctx, lookup, "account");
  const outcome = await runIdempotent(ctx, "accountDelete", idempotencyKey, lookup, async (manager, principal, ctx) => {
    checkLookup(new InputCheck(), lookup, ["account"]).done();
    const code = ref ? await accounts.markDeleted(manager, ref.key) : undefined;
    if (!ref || code === undefined) failWith("NOT_FOUND", ["account"], "No such account, or it is already deleted.");
    await revokeTokensOfAccount(manager, ref.key);
    return enqueueAccountCommand(ctx, manager, { type: "accountDelete", accountKey: ref.key, idempotencyKey, principal, payload: { code } });
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
function checkShipToInput(input: ShipToFields): void {
  checkAddress(new InputCheck(), input.address, ["input", "address"])
    .id(input.accountId, ["input", "accountId"])
    .id(input.shipToId, ["input", "shipToId"])
    .text(input.name, ["input", "name"], TEXT_LIMITS.name)
    .text(input.erpShipToId, ["input", "erpShipToId"], TEXT_LIMITS.code)
    .done();
}

/** What is wrong with an address: blank required lines, a country code that is not two letters. */
function addressErrors(address: AddressInput | null | undefined, field: string[]): UserErrorModel[] {
  if (!address) return [];
  const errors: UserErrorModel[] = [];
  for (const key of ["line1", "city", "postalCode"] as const) if (!address[key].trim()) errors.push(userError("INVALID", [...field, key], `${key} is required.`));
  if (!/^[A-Z]{2}$/.test(address.countryCode)) errors.push(userError("INVALID", [...field, "countryCode"], "Use a two-letter ISO country code, like US."));
  return errors;
}

/** `shipToAdd`: a new delivery address; the first one, or one marked so, becomes the default. */
export async function addShipTo(
  ctx: RequestContext,
  input: ShipToAddInput,
  idempotencyKey: string,
): Promise<MutationOutcome> {
  const ref = await changeableAccount(ctx, input.accountId, "input.accountId", "change accounts");
  // The ERP's ship-to id travels to the ERP with every order: only operators set it.
  if (input.erpShipToId != null && !isAdmin(ctx.principal)) throw forbidden("Only admin API keys may set erpShipToId.");
  return runIdempotent(ctx, "shipToAdd", idempotencyKey, input, async (manager, principal, ctx) => {
    checkShipToInput(input);
    if (!ref || !(await accounts.lockLive(manager, ref.key))) failWith("NOT_FOUND", ["input", "accountId"], "No such account (or it was deleted).");
    const errors = [...addressErrors(input.address, ["input", "address"]), ...(input.name.trim() ? [] : [userError("INVALID", ["input", "name"], "The name is required.")])];
    if (errors.length > 0) throw new UserErrors(errors);
    const id = randomUUID();
    await shipTos.insert(manager, { id, accountId: ref.key, erpShipToId: input.erpShipToId ?? null, name: input.name.trim(), address: JSON.stringify(input.address) });
    const defaults = await shipTos.countLiveDefaults(manager, ref.key);
    if (input.isDefault || defaults === 0) await shipTos.makeDefault(manager, ref.key, id);
    return enqueueAccountCommand(ctx, manager, { type: "shipToAdd", accountKey: ref.key, idempotencyKey, principal, payload: { shipToId: id, ...input, accountId: undefined } });
  });
}

/** Loads a ship-to the principal may change. */
async function changeableShipTo(ctx: RequestContext, shipToId: string, argument: string): Promise<{ key: string; accountKey: string }> {
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to change ship-tos.");
  const gid = expectGlobalId(shipToId, "ShipTo", argument);
  const shipTo = ctx.router.serves("accounts", gid.connector) ? await ctx.loaders.shipTo.load({ source: gid.connector, key: gid.key }) : null;
  if (!shipTo) failWith("NOT_FOUND", argument.split("."), "No such ship-to.");
  assertCanReadAccount(ctx.principal, { source: shipTo.source, key: shipTo.accountKey }, "ship-to");
  return shipTo;
}

/** `shipToUpdate`: new name, address, or default. */
export async function updateShipTo(
  ctx: RequestContext,
  input: ShipToUpdateInput,
  idempotencyKey: string,
): Promise<MutationOutcome> {
  return runIdempotent(ctx, "shipToUpdate", idempotencyKey, input, async (manager, principal, ctx) => {
    checkShipToInput(input);
    const shipTo = await changeableShipTo(ctx, input.shipToId, "input.shipToId");
    if (!(await accounts.lockLive(manager, shipTo.accountKey))) failWith("INVALID_STATE", ["input", "shipToId"], "Its account was deleted.");
    const errors = addressErrors(input.address, ["input", "address"]);
    if (input.name != null && !input.name.trim()) errors.push(userError("INVALID", ["input", "name"], "The name cannot be empty."));
    if (input.isDefault === false) errors.push(userError("INVALID", ["input", "isDefault"], "Make another ship-to the default instead."));
    if (errors.length > 0) throw new UserErrors(errors);
    const changed = await shipTos.update(manager, shipTo.key, { name: input.name?.trim() ?? null, address: input.address ? JSON.stringify(input.address) : null });
    if (!changed) failWith("INVALID_STATE", ["input", "shipToId"], "This ship-to was removed.");
    if (input.isDefault) await shipTos.makeDefault(manager, shipTo.accountKey, shipTo.key);
    return enqueueAccountCommand(ctx, manager, { type: "shipToUpdate", accountKey: shipTo.accountKey, idempotencyKey, principal, payload: { ...input, shipToId: shipTo.key } });
  });
}

/** `shipToRemove`: removes a ship-to (not the last); orders that used it keep it. */
export async function removeShipTo(ctx: RequestContext, shipToId: string, idempotencyKey: string): Promise<MutationOutcome> {
  return runIdempotent(ctx, "shipToRemove", idempotencyKey, { shipToId }, async (manager, principal, ctx) => {
    const shipTo = await changeableShipTo(ctx, shipToId, "shipToId");
    if (!(await accounts.lockLive(manager, shipTo.accountKey))) failWith("INVALID_STATE", ["shipToId"], "Its account was deleted.");
    const live = await shipTos.lockLiveOfAccount(manager, shipTo.accountKey);
    if (!live.some((s) => s.id === shipTo.key)) failWith("INVALID_STATE", ["shipToId"], "This ship-to was already removed.");
    if (live.length === 1) failWith("INVALID_STATE", ["shipToId"], "An account keeps at least one ship-to.");
    await shipTos.markRemoved(manager, shipTo.key);
    if (live.find((s) => s.id === shipTo.key)?.is_default) await shipTos.makeDefault(manager, shipTo.accountKey, live.find((s) => s.id !== shipTo.key)!.id);
    return enqueueAccountCommand(ctx, manager, { type: "shipToRemove", accountKey: shipTo.accountKey, idempotencyKey, principal, payload: { shipToId: shipTo.key } });
  });
}
