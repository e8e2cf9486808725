import { badUserInput } from "../common/errors.js";
import type { CursorPosition, Page, PageRequest } from "../common/pagination.js";

/** The `by` of a merged list's cursor positions. */
const MERGED = "merged";

/**
 * Where a merged list stands: the connector of the edge, each connector's last
 * item at or before it (null: none yet), and the edge item's identity.
 */
interface MergedState {
  edge: string;
  /** A connector missing here (it could not be read) is unbounded. */
  at: Record<string, CursorPosition | null | undefined>;
  id?: string;
}

/** One source's item with its position. */
interface Entry<T> {
  source: string;
  item: T;
  position: CursorPosition;
}

/** A source that could not be read, and why. */
export interface MissingSource {
  source: string;
  error: unknown;
}

/**
 * Reads one page of a list held by several connectors: asks each for `size + 1`
 * items beyond its own position, merges them on the sort value (ties broken by
 * the connectors' order in `sources`) without reordering any connector's own
 * items, and keeps `size`. Each edge's
 * cursor carries every connector's position — its last item at or before the
 * edge — so paging forward and backward never skips or repeats an item, even
 * while items are added, whatever their sort values. `count` is the sum, or
 * null when a source cannot count. A source that fails is left out and
 * reported to `onMissing`; its position is kept, so it rejoins where it stood.
 *
 * With `identity` (for a list sorted by that business key, such as products by
 * SKU), the same item held by several connectors is listed once, from the
 * first of them; `count` then counts it once per connector.
 */
export async function mergedPage<T>(
  sources: readonly string[],
  request: PageRequest,
  fetch: (source: string, request: PageRequest) => Promise<Page<T>>,
  onMissing: (missing: MissingSource) => void,
  identity?: (item: T) => string,
): Promise<Page<T>> {
  const after = request.after ? decodeState(request.after, "after") : null;
  const before = request.before ? decodeState(request.before, "before") : null;
  const forward = request.direction === "forward";
  const pages = await Promise.all(
    sources.map(async (source) => {
      const upper = before ? upperBound(before, source) : null;
      if (upper === "none") return { source, page: null };
      const sub: PageRequest = { ...request, size: request.size + 1, after: after?.at[source] ?? null, before: upper };
      try {
        return { source, page: await fetch(source, sub) };
      } catch (error) {
        onMissing({ source, error });
        return { source, page: null, failed: true };
      }
    }),
  );
  const descending = pages.some((p) => p.page?.descending);
  const all = mergeInOrder(
    pages.map(({ source, page }) => (page ? page.items.map((item, i): Entry<T> => ({ source, item, position: page.positions[i]! })) : [])),
    (a, b) => (descending ? -1 : 1) * compareSort(a.position.sort, b.position.sort) || sources.indexOf(a.source) - sources.indexOf(b.source),
  );
  // A copy of the item just before it (same identity) is passed over, though its connector's position moves past it.
  const copy = all.map((entry, i) => {
    if (!identity) return false;
    const previous = i > 0 ? identity(all[i - 1]!.item) : forward ? after?.id : undefined;
    return previous !== undefined && identity(entry.item) === previous;
  });
  const listed = all.flatMap((entry, i) => (copy[i] ? [] : [i]));
  const takenIndexes = forward ? listed.slice(0, request.size) : listed.slice(Math.max(0, listed.length - request.size));
  const first = takenIndexes[0] ?? (forward ? 0 : all.length);
  const last = takenIndexes.at(-1) ?? -1;
  const leftOver = listed.length > takenIndexes.length;

  // Each source's position before the page's first edge: where it started, or its last entry before that edge.
  // Paging backward, a source that could not be read keeps its bound from `before` (none: unbounded), so it is asked again.
  const failed = new Set(pages.filter((p) => "failed" in p).map((p) => p.source));
  const at: Record<string, CursorPosition | null | undefined> = {};
  for (const source of sources) at[source] = forward || !failed.has(source) ? (after?.at[source] ?? null) : before?.at[source];
  for (const entry of all.slice(0, first)) at[entry.source] = entry.position;
  const positions: CursorPosition[] = [];
  for (let i = first; i <= last; i++) {
    const entry = all[i]!;
    at[entry.source] = entry.position;
    if (copy[i]) continue;
    const state: MergedState = { edge: entry.source, at: { ...at }, ...(identity ? { id: identity(entry.item) } : {}) };
    positions.push({ by: MERGED, sort: entry.position.sort, key: JSON.stringify(state) });
  }
  const taken = takenIndexes.map((i) => all[i]!);
  const more = (flag: "hasNextPage" | "hasPreviousPage") => pages.some((p) => p.page?.[flag] ?? false);
  return {
    items: taken.map((e) => e.item),
    positions,
    hasNextPage: forward ? leftOver || more("hasNextPage") : before !== null,
    hasPreviousPage: forward ? after !== null : leftOver || more("hasPreviousPage"),
    descending,
    count: async () => {
      if (failed.size > 0) return null;
      const counts = await Promise.all(pages.map((p) => (p.page ? p.page.count() : fetch(p.source, { ...request, after: null, before: null, size: 1 }).then((page) => page.count()))));
      return counts.some((c) => c === null) ? null : counts.reduce<number>((sum, c) => sum + c!, 0);
    },
  };
}

/**
 * Merges lists that are each in their own connector's order: repeatedly takes
 * the first of the heads by `order`. A connector's items are never reordered
 * among themselves, so its position only ever moves forward through its own
 * list, even where its order and `order` disagree (another collation, ties).
 */
function mergeInOrder<E>(lists: E[][], order: (a: E, b: E) => number): E[] {
  const next = lists.map(() => 0);
  const merged: E[] = [];
  for (;;) {
    let best = -1;
    lists.forEach((list, i) => {
      if (next[i]! < list.length && (best < 0 || order(list[next[i]!]!, lists[best]![next[best]!]!) < 0)) best = i;
    });
    if (best < 0) return merged;
    merged.push(lists[best]![next[best]!++]!);
  }
}

/**
 * The bound of `source` for items before an edge: strictly before the edge in
 * its own connector; up to and including its last item at or before the edge
 * in the others ("none" when it had none).
 */
function upperBound(state: MergedState, source: string): CursorPosition | "none" | null {
  const position = state.at[source];
  if (position === undefined) return null;
  if (position === null) return "none";
  return source === state.edge ? position : { ...position, inclusive: true };
}

function decodeState(position: CursorPosition, argument: string): MergedState {
  try {
    const state = JSON.parse(position.key) as MergedState;
    if (position.by === MERGED && typeof state.edge === "string" && state.at && typeof state.at === "object") return state;
  } catch {
    // refused below
  }
  throw badUserInput(`\`${argument}\` is not a cursor of this list; take cursors from the same query.`, argument);
}

/** Orders sort values: timestamps by instant, anything else as text. */
function compareSort(a: string, b: string): number {
  const ta = timestampOf(a);
  const tb = timestampOf(b);
  return ta !== null && tb !== null ? compareText(ta, tb) : compareText(a, b);
}

/** A timestamp as sortable UTC text with microseconds ("2024-05-01 10:00:00.5+02" → "2024-05-01T08:00:00.500000"), else null. */
function timestampOf(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value);
  if (!match) return null;
  const zone = !match[4] || match[4] === "Z" ? "Z" : match[4].length === 3 ? `${match[4]}:00` : match[4];
  const instant = new Date(`${match[1]}T${match[2]}${zone}`);
  if (Number.isNaN(instant.getTime())) return null;
  return `${instant.toISOString().slice(0, 19)}.${(match[3] ?? "").padEnd(6, "0")}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
