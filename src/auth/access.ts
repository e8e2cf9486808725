import { forbidden, unauthenticated } from "../common/errors.js";
import type { SourceRef } from "../models/common.js";
import { isAdmin, type Principal } from "./principal.js";

/**
 * Who may read what. Every read of account-owned data (accounts, orders,
 * invoices, quotes) passes through these checks in the domain services, so
 * they hold through every path: root fields, `node(id)` and nested fields.
 */

/** True when two references name the same object in the same connector. */
export function sameRef(a: SourceRef, b: SourceRef): boolean {
  return a.source === b.source && a.key === b.key;
}

/** Throws unless the principal may read data of `account`. */
export function assertCanReadAccount(principal: Principal, account: SourceRef, what: string): void {
  if (principal.kind === "ANONYMOUS") throw unauthenticated(`Sign in to read ${what}.`);
  if (isAdmin(principal)) return;
  if (principal.kind === "CUSTOMER" && sameRef(principal.account, account)) return;
  throw forbidden(
    principal.kind === "CUSTOMER"
      ? `This ${what} belongs to another account.`
      : `Reading ${what} needs an API key with the admin scope.`,
  );
}

/**
 * The account a list of account-owned data is limited to: a customer's own
 * account (asking for another is `FORBIDDEN`), or for admins what was asked
 * (null: every account).
 */
export function accountScopeOf(principal: Principal, requested: SourceRef | null, what: string): SourceRef | null {
  if (principal.kind === "CUSTOMER") {
    if (requested && !sameRef(requested, principal.account)) throw forbidden(`Customers may only list their own ${what}.`);
    return principal.account;
  }
  if (principal.kind === "ANONYMOUS") throw unauthenticated(`Sign in to read ${what}.`);
  if (!isAdmin(principal)) throw forbidden(`Reading ${what} needs an API key with the admin scope.`);
  return requested;
}

/**
 * The account prices are resolved for: customers get their own (another
 * account is `FORBIDDEN`); API keys any account; anonymous requests list prices only.
 */
export function pricingAccountOf(principal: Principal, requested: SourceRef | null): SourceRef | null {
  if (principal.kind === "CUSTOMER") {
    if (requested && !sameRef(requested, principal.account)) throw forbidden("Customers get prices for their own account only.");
    return principal.account;
  }
  if (principal.kind === "ANONYMOUS" && requested) throw unauthenticated("Sign in to see account prices.");
  return requested;
}

/** Throws unless the principal is an admin API key (anonymous: `UNAUTHENTICATED`, others: `FORBIDDEN`). */
export function requireAdmin(principal: Principal, what: string): void {
  if (principal.kind === "ANONYMOUS") throw unauthenticated(`Sign in with an admin API key to ${what}.`);
  if (!isAdmin(principal)) throw forbidden(`Only admin API keys may ${what}.`);
}
