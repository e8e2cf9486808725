import { expect } from "vitest";
import type { GqlResponse } from "./test-server.js";

/** Reads `data.<path>` (all of `data` for "") of a response, failing the test on GraphQL errors. */
export function dataAt<T>(response: GqlResponse<any>, path: string): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return (path ? path.split(".") : []).reduce<any>((value, key) => value?.[key], response.data) as T;
}

/** The `data` of a response, failing the test on GraphQL errors or missing data. */
export function dataOf<T>(response: GqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.data).toBeDefined();
  return response.data!;
}

interface PageShape {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

/**
 * Pages through a whole connection forward (first/after) or backward (last/before)
 * and returns the IDs in list order. `run` executes the query with `$first/$after/$last/$before`.
 */
export async function walk(
  run: (vars: Record<string, unknown>) => Promise<GqlResponse>,
  path: string,
  direction: "forward" | "backward",
  size: number,
): Promise<{ ids: string[]; totalCount: number | null; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let totalCount: number | null = null;
  for (let pages = 1; pages < 10_000; pages++) {
    const vars: Record<string, unknown> = direction === "forward" ? { first: size, after: cursor } : { last: size, before: cursor };
    const page: PageShape = dataAt<PageShape>(await run(vars), path);
    totalCount = page.totalCount;
    const pageIds = page.edges.map((e) => e.node.id);
    if (direction === "forward") ids.push(...pageIds);
    else ids.unshift(...pageIds);
    const more = direction === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return { ids, totalCount, pages };
    expect(page.edges.length).toBe(size);
    cursor = direction === "forward" ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error("paging did not end");
}
