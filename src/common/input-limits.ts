import type { UserErrorCode } from "../generated/graphql.js";
import { userError, UserErrors, type UserErrorModel } from "./user-errors.js";
import { fromCents, toCents } from "./money.js";

/**
 * Every maximum a mutation's input is held to, in one place. The README's
 * "Input limits" table and the schema's input descriptions state the same
 * numbers; an input beyond one is a `userError` with code `INVALID` whose
 * `field` is the path to the input. The numeric maxima keep every computed
 * amount inside the database's columns (`numeric(14,2)`: below 10^12) and
 * every quantity inside `int` (below 2^31).
 */
export const INPUT_LIMITS = {
  /** Lines of one order, quote, invoice, stock reservation, cancellation or return. */
  lines: 100,
  /** Units of one line, in the unit ordered and in base units; also a price break's minimum quantity. */
  quantity: 1_000_000,
  /** Units on hand of a product in one warehouse (`inventorySet`). */
  onHand: 1_000_000_000,
  /** A unit price, list price or price break: 1,000,000.00, with at most two decimals. */
  priceCents: 100_000_000n,
  /** A line total, an order's, quote's or invoice's total, a payment: 1,000,000,000.00. */
  amountCents: 100_000_000_000n,
  /** List-price quantity breaks of one product. */
  priceBreaks: 20,
  /** Networks on one API key's allow-list. */
  allowedIps: 50,
  /** Scopes named on one API key (each counts once). */
  scopes: 10,
  /** A global ID, in characters. */
  id: 500,
} as const;

/** The most characters of each kind of text input (counted in Unicode code points). */
export const TEXT_LIMITS = {
  /** Account, ship-to, product and API key names. */
  name: 200,
  /** Account codes, customer group codes, SKUs, ERP ship-to ids. */
  code: 64,
  email: 254,
  phone: 32,
  /** Payment terms codes such as `NET30`. */
  paymentTerms: 32,
  /** Passwords (at least 10 when set). */
  password: 256,
  /** Unit codes such as `CASE`. */
  unit: 16,
  /** A buyer's purchase-order number. */
  poNumber: 64,
  /** Notes on an order or quote. */
  notes: 2000,
  /** Why an order is cancelled or returned. */
  reason: 1000,
  /** A product's description. */
  description: 10_000,
  /** An invoice line's description. */
  lineDescription: 500,
  /** Address lines. */
  addressLine: 200,
  /** City and region. */
  city: 100,
  postalCode: 20,
  /** Payment provider names and payment methods (`stripe`, `CARD`). */
  provider: 64,
  /** A payment provider's token. */
  token: 512,
  /** A card brand. */
  brand: 32,
  /** A caller's own reference (a cart id, a bank reference). */
  reference: 100,
  /** One network of an API key's allow-list. */
  network: 64,
} as const;

/** Two decimals at most, digits only (the sign is checked by the minimum). */
const DECIMAL = /^\d{1,15}(\.\d{1,2})?$/;

/** The number of characters of a text, in Unicode code points (what a person counts). */
export function characters(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Collects the problems of one mutation's input; `done()` throws them as
 * {@link UserErrors}. Each check names the input by its path.
 */
export class InputCheck {
  readonly errors: UserErrorModel[] = [];

  /** Adds a problem found by the caller. */
  fail(field: string[], message: string, code: UserErrorCode = "INVALID"): this {
    this.errors.push(userError(code, field, message));
    return this;
  }

  /** Text of at most `max` characters; `required` also refuses blank text. */
  text(value: string | null | undefined, field: string[], max: number, options: { required?: boolean } = {}): this {
    if (value == null) return options.required ? this.fail(field, "Required.") : this;
    const length = characters(value);
    if (length > max) return this.fail(field, `At most ${max.toLocaleString("en-US")} characters (this one has ${length.toLocaleString("en-US")}).`);
    if (options.required && !value.trim()) return this.fail(field, "Required: it cannot be blank.");
    return this;
  }

  /** A global ID of at most {@link INPUT_LIMITS.id} characters. */
  id(value: string | null | undefined, field: string[]): this {
    return value != null && characters(value) > INPUT_LIMITS.id ? this.fail(field, `A global ID has at most ${INPUT_LIMITS.id} characters.`) : this;
  }

  /** A whole number from `min` to `max`. */
  integer(value: number | null | undefined, field: string[], min: number, max: number): this {
    if (value == null) return this;
    if (!Number.isInteger(value) || value < min || value > max) return this.fail(field, `A whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}.`);
    return this;
  }

  /**
   * A quantity of units: at most {@link INPUT_LIMITS.quantity}. Its minimum
   * (1) is checked with the rest of a line, so that one answer names every
   * line's problems.
   */
  quantity(value: number | null | undefined, field: string[]): this {
    if (value == null || value <= INPUT_LIMITS.quantity) return this;
    return this.fail(field, `At most ${INPUT_LIMITS.quantity.toLocaleString("en-US")} units on a line.`);
  }

  /**
   * A money amount: digits with at most two decimals, at least zero (or more
   * than zero with `positive`), at most `maxCents`.
   */
  money(value: string | null | undefined, field: string[], maxCents: bigint, options: { positive?: boolean } = {}): this {
    if (value == null) return this;
    const limit = fromCents(maxCents);
    if (!DECIMAL.test(value)) return this.fail(field, `An amount from ${options.positive ? "0.01" : "0"} to ${limit}, with at most two decimals.`);
    const cents = toCents(value);
    if (cents > maxCents || (options.positive && cents <= 0n)) return this.fail(field, `An amount from ${options.positive ? "0.01" : "0"} to ${limit}, with at most two decimals.`);
    return this;
  }

  /** A list of `min` to `max` items. */
  list(value: readonly unknown[] | null | undefined, field: string[], min: number, max: number): this {
    if (value == null) return this;
    if (value.length < min || value.length > max) return this.fail(field, min > 0 ? `Give ${min} to ${max} items (got ${value.length}).` : `At most ${max} items (got ${value.length}).`);
    return this;
  }

  /** Throws the problems found, if any, as user errors. */
  done(): void {
    if (this.errors.length > 0) throw new UserErrors(this.errors);
  }
}

/**
 * Checks an amount computed from valid inputs (a line total, an order's
 * total) against {@link INPUT_LIMITS.amountCents}: a user error naming `field`
 * when it is above.
 */
export function computedAmountError(cents: bigint, field: string[], what: string): UserErrorModel | null {
  return cents > INPUT_LIMITS.amountCents
    ? { field, message: `${what} would be ${fromCents(cents)}; the most is ${fromCents(INPUT_LIMITS.amountCents)}. Split it up.`, code: "INVALID" }
    : null;
}

/** What one principal may hold in stock reservations at once, and for how long. */
export interface ReservationCap {
  /** Longest a reservation may last, in minutes. */
  maxMinutes: number;
  /** Most reservations active at once. */
  maxActive: number;
  /** Most units held at once, over every active reservation. */
  maxUnits: number;
}

/** Reservation caps by kind of principal. */
export interface ReservationCaps {
  /** A signed-in customer: its own cart. */
  customer: ReservationCap;
  /** A storefront API key: carts of many shoppers. */
  storefront: ReservationCap;
  /** An admin API key (operators). */
  admin: ReservationCap;
}

/** Throttling of failed sign-ins and of unknown credentials, kept in PostgreSQL so that every replica shares it. */
export interface SignInLimits {
  /** Failed sign-ins one e-mail address may have per window (known or not). */
  accountFailures: number;
  /** Failed sign-ins one client address may have per window. */
  addressFailures: number;
  /** Requests with unknown or malformed credentials one client address may send per window. */
  credentialFailures: number;
  /** The window, in seconds: a full allowance comes back over this time, continuously. */
  windowSeconds: number;
}

/** Limits that are configurable (see the README's configuration table). */
export interface LimitOptions {
  reservations: ReservationCaps;
  signIn: SignInLimits;
}

/** A week: the longest any reservation lasts. */
export const MAX_RESERVATION_MINUTES = 10_080;

/** The defaults: a customer holds one cart for an hour; a storefront key many carts for a day; admins up to a week, without caps. */
export const DEFAULT_LIMITS: LimitOptions = {
  reservations: {
    customer: { maxMinutes: 60, maxActive: 5, maxUnits: 1_000 },
    storefront: { maxMinutes: 1_440, maxActive: 10_000, maxUnits: 1_000_000 },
    admin: { maxMinutes: MAX_RESERVATION_MINUTES, maxActive: Number.POSITIVE_INFINITY, maxUnits: Number.POSITIVE_INFINITY },
  },
  signIn: { accountFailures: 10, addressFailures: 50, credentialFailures: 50, windowSeconds: 900 },
};
