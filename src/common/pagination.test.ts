import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, decodeCursor, emptyConnection, encodeCursor, toConnection, toPageRequest, useCursorSecret } from "./pagination.js";

useCursorSecret("a cursor secret for the unit tests, long enough");

/** The extensions of the error `run` throws. */
function extensionsOf(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error("expected an error");
}

describe("cursors", () => {
  it("decode to the position they encode (the inclusive flag is not carried)", () => {
    const position = { by: "created_at", sort: "2024-05-01 10:00:00+00", key: "0b6c…", inclusive: true };
    expect(decodeCursor(encodeCursor(position), "after")).toEqual({ by: "created_at", sort: "2024-05-01 10:00:00+00", key: "0b6c…" });
  });

  it("carry the position as base64url JSON and a signature, no SQL", () => {
    const cursor = encodeCursor({ by: "sku", sort: "BOLT-10", key: "k1" });
    const [payload, signature] = cursor.split(".");
    expect(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"))).toEqual(["sku", "BOLT-10", "k1"]);
    expect(Buffer.from(signature!, "base64url")).toHaveLength(16);
  });

  it("altered, unsigned, malformed or too long cursors are BAD_USER_INPUT naming the argument", () => {
    const cursor = encodeCursor({ by: "sku", sort: "BOLT-10", key: "k1" });
    const [, signature] = cursor.split(".");
    const forged = `${Buffer.from(JSON.stringify(["sku", "BOLT-11", "k1"])).toString("base64url")}.${signature}`;
    for (const bad of [forged, cursor.split(".")[0]!, `${cursor}.x`, "not a cursor", "", `${"a".repeat(MAX_CURSOR_LENGTH)}.${signature}`]) {
      expect(extensionsOf(() => decodeCursor(bad, "before")), bad.slice(0, 40)).toEqual({ code: "BAD_USER_INPUT", argumentName: "before" });
    }
  });

  it("signed with an earlier secret of this process still decode", () => {
    const cursor = encodeCursor({ by: "sku", sort: "A", key: "k" });
    useCursorSecret("another secret for the unit tests, long enough too");
    expect(decodeCursor(cursor, "after")).toEqual({ by: "sku", sort: "A", key: "k" });
  });
});

describe("toPageRequest", () => {
  it("neither first nor last: the first 20, forward", () => {
    expect(toPageRequest({})).toEqual({ direction: "forward", size: DEFAULT_PAGE_SIZE, after: null, before: null, reverse: false });
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  it("first reads forward, last backward, with the cursors decoded and reverse kept", () => {
    const after = encodeCursor({ by: "sku", sort: "A", key: "1" });
    const before = encodeCursor({ by: "sku", sort: "C", key: "3" });
    expect(toPageRequest({ first: 5, after, reverse: true })).toEqual({ direction: "forward", size: 5, after: { by: "sku", sort: "A", key: "1" }, before: null, reverse: true });
    expect(toPageRequest({ last: 100, before })).toEqual({ direction: "backward", size: 100, after: null, before: { by: "sku", sort: "C", key: "3" }, reverse: false });
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ first: 2.5 }, "first"],
    [{ last: -1 }, "last"],
    [{ first: 1, last: 1 }, "last"],
    [{ after: "nope" }, "after"],
    [{ before: "nope" }, "before"],
  ])("%o is BAD_USER_INPUT naming %s", (args, argument) => {
    expect(extensionsOf(() => toPageRequest(args))).toEqual({ code: "BAD_USER_INPUT", argumentName: argument });
  });
});

describe("toConnection", () => {
  it("gives each edge its position's cursor; start and end cursors are the first and last", async () => {
    const positions = [
      { by: "sku", sort: "A", key: "1" },
      { by: "sku", sort: "B", key: "2" },
    ];
    const connection = toConnection({ items: ["a", "b"], positions, hasNextPage: true, hasPreviousPage: false, count: async () => 7 });
    expect(connection.nodes).toEqual(["a", "b"]);
    expect(connection.edges.map((e) => [e.node, decodeCursor(e.cursor, "after")])).toEqual([
      ["a", positions[0]],
      ["b", positions[1]],
    ]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: connection.edges[0]!.cursor, endCursor: connection.edges[1]!.cursor });
    expect(await connection.count()).toBe(7);
  });

  it("an empty connection has no cursors and counts 0", async () => {
    const connection = emptyConnection<string>();
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(await connection.count()).toBe(0);
  });
});
