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

/** Parses an ISO 8601 date-time argument. */
export function parseDateTime(value: string | Date | null | undefined, argument: string): Date | null {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw badUserInput(`\`${argument}\` is not an ISO 8601 date-time.`, argument);
  return date;
}
