import { en, Faker } from "@faker-js/faker";

/** Fixed seed of the demo data: the same seed gives the same rows, ids included. */
export const DEMO_SEED = 20261123;

/** "Now" for the demo data: every date is relative to it, never to the clock. */
export const REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");

/** A seeded faker instance, with a few helpers the seed needs. */
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

  /** `count` distinct elements of a list. */
  sample<T>(list: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(list, Math.min(count, list.length));
  }

  /** A date `daysBefore`…`daysAfter` around the reference date, at whole seconds. */
  dateAround(daysBefore: number, daysAfter: number): Date {
    const seconds = this.int(-daysBefore * 86_400, daysAfter * 86_400);
    return new Date(REFERENCE_DATE.getTime() + seconds * 1000);
  }
}

/** Adds whole seconds to a date. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** The calendar date (YYYY-MM-DD, UTC) of a date plus some days. */
export function isoDate(date: Date, plusDays = 0): string {
  return new Date(date.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** Formats integer cents as a decimal string. */
export function cents(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(Math.round(value));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
