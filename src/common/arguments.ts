import { badUserInput } from "./errors.js";

/**
 * Returns the one argument that is set among `names`; zero or several is a
 * `BAD_USER_INPUT` error (for lookups like `product(id | sku | barcode)`).
 */
export function exactlyOne<T extends Record<string, unknown>>(args: T, names: Array<keyof T & string>): { name: keyof T & string; value: string } {
  const given = names.filter((name) => args[name] != null);
  if (given.length !== 1) {
    throw badUserInput(`Give exactly one of ${names.map((n) => `\`${n}\``).join(", ")}.`, given[1] ?? names[0]);
  }
  return { name: given[0]!, value: String(args[given[0]!]) };
}

/** Checks that a list argument has at most `max` items. */
export function atMost<T>(list: readonly T[] | null | undefined, max: number, argument: string): readonly T[] | null | undefined {
  if (list && list.length > max) throw badUserInput(`\`${argument}\` may hold at most ${max} items, got ${list.length}.`, argument);
  return list;
}

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** True for an ISO 8601 date-time with a real calendar date, for example `2026-11-01T09:30:00Z`. */
export function isIsoDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** Parses an ISO 8601 date-time argument. */
export function parseDateTime(value: string | Date | null | undefined, argument: string): Date | null {
  if (value == null) return null;
  if (typeof value === "string" && !isIsoDateTime(value)) throw badUserInput(`\`${argument}\` is not an ISO 8601 date-time.`, argument);
  return value instanceof Date ? value : new Date(value);
}
