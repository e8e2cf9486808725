import { en, Faker } from "@faker-js/faker";

/** Fixed seed of the demo data: the same seed gives the same rows, ids included. */
export const DEMO_SEED = 20261123;

/** "Now" for the demo data: every date is relative to it, never to the clock. */
export const REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");

const DAY_SECONDS = 86_400;

/**
 * A seeded faker instance with the few helpers the seed needs. Every value of
 * the demo data is drawn from it, in a fixed order, so reruns are identical.
 */
export class DemoRandom {
  readonly faker = new Faker({ locale: [en] });

  constructor(seed = DEMO_SEED) {
    this.faker.seed(seed);
  }

  /** A deterministic UUID. */
  uuid(): string {
    return this.faker.string.uuid();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < p;
  }

  /** One element of a list. */
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }

  /** One of the options, each as likely as its weight. */
  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T {
    let ticket = this.int(1, options.reduce((sum, [, weight]) => sum + weight, 0));
    for (const [value, weight] of options) {
      ticket -= weight;
      if (ticket <= 0) return value;
    }
    return options[0]![0];
  }

  /** `count` distinct elements of a list (all of them when it is shorter). */
  sample<T>(list: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(list, Math.min(count, list.length));
  }

  /** A moment between `fromDays` and `toDays` days from the reference date (negative: before it), at whole seconds. */
  dateBetween(fromDays: number, toDays: number): Date {
    return addSeconds(REFERENCE_DATE, this.int(Math.round(fromDays * DAY_SECONDS), Math.round(toDays * DAY_SECONDS)));
  }

  /** A moment `minDays`…`maxDays` days after `date`, at whole seconds, but never after the reference date. */
  later(date: Date, minDays: number, maxDays: number): Date {
    return notAfterReference(addSeconds(date, this.int(Math.round(minDays * DAY_SECONDS), Math.round(maxDays * DAY_SECONDS))));
  }
}

/** Adds whole seconds to a date. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** The date itself, or the reference date when it would lie in the demo's future. */
export function notAfterReference(date: Date): Date {
  return date > REFERENCE_DATE ? REFERENCE_DATE : date;
}

/** The calendar date (YYYY-MM-DD, UTC) of a date plus some days. */
export function isoDate(date: Date, plusDays = 0): string {
  return new Date(date.getTime() + plusDays * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** Formats integer cents as a decimal string with two decimals ("1234" → "12.34"). */
export function cents(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number of cents: ${value}`);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** `percent` % of an amount in cents, rounded to the cent. */
export function percentOf(amountCents: number, percent: number): number {
  return Math.round((amountCents * percent) / 100);
}
