import { parseCronItem } from "graphile-worker";

/** How far ahead {@link nextRunOf} looks (a schedule that matches less often shows no next run). */
const LOOK_AHEAD_MINUTES = 366 * 24 * 60;
const MINUTE_MS = 60_000;

/** The latest answer per schedule, good until its next run has passed (a rare schedule takes a year of minutes to look through). */
const answers = new Map<string, { from: number; next: Date | null; validUntil: number }>();

/**
 * When a crontab schedule fires next after `after`, as graphile-worker fires
 * it (its own parser and matcher, in UTC, at whole minutes); null when not
 * within a year (the 29th of February, say).
 */
export function nextRunOf(schedule: string, after: Date): Date | null {
  const first = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const cached = answers.get(schedule);
  if (cached && first >= cached.from && first <= cached.validUntil) return cached.next;
  const { match } = parseCronItem({ task: "sync", match: schedule });
  let next: Date | null = null;
  for (let i = 0, at = first; i < LOOK_AHEAD_MINUTES; i++, at += MINUTE_MS) {
    const t = new Date(at);
    if (match({ min: t.getUTCMinutes(), hour: t.getUTCHours(), date: t.getUTCDate(), month: t.getUTCMonth() + 1, dow: t.getUTCDay() })) {
      next = t;
      break;
    }
  }
  // An answer holds until its run has passed; "none within a year" is looked at again a day later.
  answers.set(schedule, { from: first, next, validUntil: next ? next.getTime() : first + 24 * 60 * MINUTE_MS });
  return next;
}
