import { describe, expect, it } from "vitest";
import type { CursorPosition, Page, PageRequest } from "../src/common/pagination.js";
import { mergedPage } from "../src/connectors/merged-page.js";

/**
 * The merge on its own, over in-memory lists that page like a connector does
 * (keyset on their own order): random sort values with many ties, one source
 * ordering text differently (case-insensitively, as a database collation may),
 * random page sizes, both directions, items added mid-walk. No walk may skip
 * or repeat an item.
 */
interface Item {
  source: string;
  key: string;
  sort: string;
}

/** A source whose order is `compare` (then key), descending when asked, paged by position like keyset pagination. */
function source(name: string, items: Item[], compare: (a: string, b: string) => number, descending: boolean) {
  const ordered = () => [...items].sort((a, b) => (descending ? -1 : 1) * (compare(a.sort, b.sort) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  const index = (list: Item[], p: CursorPosition) => list.findIndex((i) => i.key === p.key);
  return async (request: PageRequest): Promise<Page<Item>> => {
    const list = ordered();
    // Positions are keys that stay in the list, so their index is where the cursor stands.
    let from = request.after ? index(list, request.after) + 1 : 0;
    let to = request.before ? index(list, request.before) + (request.before.inclusive ? 1 : 0) : list.length;
    if (request.direction === "forward") to = Math.min(to, from + request.size);
    else from = Math.max(from, to - request.size);
    const items = list.slice(from, to);
    return {
      items,
      positions: items.map((i) => ({ by: name, sort: i.sort, key: i.key })),
      hasNextPage: to < list.length,
      hasPreviousPage: from > 0,
      descending,
      count: async () => list.length,
    };
  };
}

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const words = ["apple", "Banana", "cherry", "Date", "elder", "Fig", "grape"];
const caseless = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("mergedPage", () => {
  it.each([false, true])("never skips or repeats across random walks with ties and another collation (descending: %s)", async (descending) => {
    const rnd = random(descending ? 7 : 3);
    for (let round = 0; round < 40; round++) {
      const data: Record<string, Item[]> = { a: [], b: [], c: [] };
      let n = 0;
      const add = (name: string) => data[name]!.push({ source: name, key: `${name}${String(n++).padStart(4, "0")}`, sort: words[Math.floor(rnd() * words.length)]! });
      for (const name of Object.keys(data)) for (let i = Math.floor(rnd() * 12); i > 0; i--) add(name);
      const fetchers = { a: source("a", data.a!, caseless, descending), b: source("b", data.b!, codeUnits, descending), c: source("c", data.c!, codeUnits, descending) };
      const merged = (request: PageRequest) => mergedPage(["a", "b", "c"], request, (name, sub) => fetchers[name as "a"](sub), () => {});
      const total = () => Object.values(data).flat().length;
      const forward = rnd() < 0.5;
      const size = 1 + Math.floor(rnd() * 4);
      const seen: string[] = [];
      let cursor: CursorPosition | null = null;
      let added = 0;
      for (let pages = 0; pages < 100; pages++) {
        const page: Page<Item> = await merged({ direction: forward ? "forward" : "backward", size, after: forward ? cursor : null, before: forward ? null : cursor, reverse: false });
        seen.push(...page.items.map((i) => i.key));
        if (pages === 1) {
          add("b"); // added mid-walk: seen or not, depending on where it sorts; never twice
          added++;
        }
        if (!(forward ? page.hasNextPage : page.hasPreviousPage)) break;
        cursor = forward ? page.positions.at(-1)! : page.positions[0]!;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(total() - added);
    }
  });

  it("a source that fails while paging backward is asked again on the next page", async () => {
    const items = (name: string) => Array.from({ length: 5 }, (_, i): Item => ({ source: name, key: `${name}${i}`, sort: String(i * 2 + (name === "b" ? 1 : 0)) }));
    const fetchers = { a: source("a", items("a"), codeUnits, false), b: source("b", items("b"), codeUnits, false) };
    let bDown = true;
    const missing: string[] = [];
    const seen: string[] = [];
    let before: CursorPosition | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: Page<Item> = await mergedPage(
        ["a", "b"],
        { direction: "backward", size: 2, after: null, before, reverse: false },
        async (name, sub) => {
          if (name === "b" && bDown) throw new Error("down");
          return fetchers[name as "a"](sub);
        },
        ({ source }) => missing.push(source),
      );
      bDown = false;
      seen.unshift(...page.items.map((i) => i.key));
      if (!page.hasPreviousPage) break;
      before = page.positions[0]!;
    }
    expect(missing).toEqual(["b"]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((k) => k.startsWith("b")).length).toBeGreaterThan(0);
  });
});
