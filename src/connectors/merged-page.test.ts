import { describe, expect, it } from "vitest";
import type { CursorPosition, Page, PageRequest } from "../common/pagination.js";
import { mergedPage } from "./merged-page.js";

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

  it("merges two ascending lists on their sort values, ties in the order of the sources, and counts both", async () => {
    const a = source("a", [{ source: "a", key: "a1", sort: "b" }, { source: "a", key: "a2", sort: "d" }], codeUnits, false);
    const b = source("b", [{ source: "b", key: "b1", sort: "a" }, { source: "b", key: "b2", sort: "b" }, { source: "b", key: "b3", sort: "c" }], codeUnits, false);
    const fetchers = { a, b };
    const merged = (request: PageRequest) => mergedPage(["a", "b"], request, (name, sub) => fetchers[name as "a"](sub), () => {});
    const first = await merged({ direction: "forward", size: 3, after: null, before: null, reverse: false });
    expect(first.items.map((i) => i.key)).toEqual(["b1", "a1", "b2"]);
    expect([first.hasNextPage, first.hasPreviousPage]).toEqual([true, false]);
    expect(await first.count()).toBe(5);
    const second = await merged({ direction: "forward", size: 3, after: first.positions.at(-1)!, before: null, reverse: false });
    expect(second.items.map((i) => i.key)).toEqual(["b3", "a2"]);
    expect([second.hasNextPage, second.hasPreviousPage]).toEqual([false, true]);
    const back = await merged({ direction: "backward", size: 3, after: null, before: second.positions[0]!, reverse: false });
    expect(back.items.map((i) => i.key)).toEqual(["b1", "a1", "b2"]);
  });

  it("orders timestamps by instant whatever their zone", async () => {
    const a = source("a", [{ source: "a", key: "a1", sort: "2024-05-01 10:00:00+02" }], codeUnits, false);
    const b = source("b", [{ source: "b", key: "b1", sort: "2024-05-01T09:00:00Z" }], codeUnits, false);
    const fetchers = { a, b };
    const page = await mergedPage(["a", "b"], { direction: "forward", size: 10, after: null, before: null, reverse: false }, (name, sub) => fetchers[name as "a"](sub), () => {});
    // 10:00+02 is 08:00Z, before 09:00Z, though its text sorts after.
    expect(page.items.map((i) => i.key)).toEqual(["a1", "b1"]);
  });

  it("with an identity, an item both sources hold is listed once, from the first source; the count counts it per source", async () => {
    const a = source("a", [{ source: "a", key: "a-X", sort: "X" }], codeUnits, false);
    const b = source("b", [{ source: "b", key: "b-W", sort: "W" }, { source: "b", key: "b-X", sort: "X" }, { source: "b", key: "b-Y", sort: "Y" }], codeUnits, false);
    const fetchers = { a, b };
    const page = await mergedPage(["a", "b"], { direction: "forward", size: 10, after: null, before: null, reverse: false }, (name, sub) => fetchers[name as "a"](sub), () => {}, (item) => item.sort);
    expect(page.items.map((i) => i.key)).toEqual(["b-W", "a-X", "b-Y"]);
    expect(page.positions).toHaveLength(3);
    expect(await page.count()).toBe(4);
  });

  it("a failed source is reported, left out, and makes the count unknown", async () => {
    const a = source("a", [{ source: "a", key: "a1", sort: "1" }], codeUnits, false);
    const missing: string[] = [];
    const page = await mergedPage(
      ["a", "b"],
      { direction: "forward", size: 10, after: null, before: null, reverse: false },
      async (name, sub) => {
        if (name === "b") throw new Error("down");
        return a(sub);
      },
      ({ source }) => missing.push(source),
    );
    expect(page.items.map((i) => i.key)).toEqual(["a1"]);
    expect(missing).toEqual(["b"]);
    expect(await page.count()).toBeNull();
  });

  it("a position of another list (not a merged one) is BAD_USER_INPUT naming the argument", async () => {
    const a = source("a", [], codeUnits, false);
    const run = mergedPage(["a"], { direction: "forward", size: 1, after: { by: "sku", sort: "x", key: "k" }, before: null, reverse: false }, (_, sub) => a(sub), () => {});
    await expect(run).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
  });
});
