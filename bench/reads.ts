/** Read scenarios: Commerce Graph against the graphql-js baseline, by page, data size and concurrency. */
import type { DataSource } from "typeorm";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { expectData, load, memoryMiB, slowStore, startBaseline, startCommerceGraph, type LoadResult } from "./support.js";

/** The measured pages; the product page asks for one account's prices. */
export const SCENARIOS = [
  { name: "(1) small catalog query", query: `{ products(first: 10) { nodes { id sku name listPrice { amount currencyCode } } } }` },
  {
    name: "(2) storefront product page",
    query: `query($account: ID) { product(sku: "SKU-00042") { id sku name description listPrice { amount }
      price(quantity: 12, accountId: $account) { unitPrice { amount } source breaks { minQuantity unitPrice { amount } } }
      inventoryLevels { warehouse { code } onHand available }
      relatedProducts { kind product { id sku name listPrice { amount } } } } }`,
  },
  {
    name: "(3) mobile order history (50 orders)",
    query: `{ orders(first: 50) { nodes { number createdAt status total { amount } lines { sku quantity lineTotal { amount } product { name } } } pageInfo { endCursor } } }`,
  },
] as const;

/** A table row comparing one load on both servers. */
function row(name: string, base: LoadResult, ours: LoadResult): string {
  const flags = ours.errors || ours.non2xx ? ` (errors ${ours.errors}, non-2xx ${ours.non2xx})` : "";
  return `| ${name}${flags} | ${base.requestsPerSecond.toFixed(0)} | ${ours.requestsPerSecond.toFixed(0)} | ${(ours.requestsPerSecond / base.requestsPerSecond).toFixed(2)} | ${base.p50} / ${base.p99} | ${ours.p50} / ${ours.p99} | ${(ours.p50 / Math.max(base.p50, 1)).toFixed(2)} |`;
}

/** Requests per second of each scenario on Commerce Graph, by data size (for the scale table). */
export type Throughputs = number[];

/**
 * (1)–(3) on both servers, plus (1) with the response cache off (the
 * baseline has none, so that row shows the cost of our request pipeline).
 */
export async function compareReads(
  dataSource: DataSource,
  auth: { secret: string; keyId: string; accountId: string },
  print: (line: string) => void,
): Promise<string[]> {
  const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource);
  const ours = await startCommerceGraph(dataSource, router);
  const uncached = await startCommerceGraph(dataSource, router, { responseCache: false });
  const baseline = await startBaseline(dataSource, router, { kind: "API_KEY", keyId: auth.keyId, scopes: ["admin"] });
  const authorization = `Bearer ${auth.secret}`;
  const variables = { account: `gid://store/Account/${auth.accountId}` };
  const rows: string[] = [];
  try {
    for (const scenario of SCENARIOS) {
      const body = JSON.stringify({ query: scenario.query, variables });
      await expectData(ours.url, body, authorization);
      await expectData(baseline.url, body, authorization);
      const base = await load(baseline.url, body);
      const result = await load(ours.url, body, { authorization });
      rows.push(row(scenario.name, base, result));
      print(rows.at(-1)!);
      if (scenario === SCENARIOS[0]) {
        const raw = await load(uncached.url, body, { authorization });
        rows.push(row(`${scenario.name}, response cache off`, base, raw));
        print(rows.at(-1)!);
      }
    }
    return rows;
  } finally {
    await Promise.all([ours.close(), uncached.close(), baseline.close()]);
    await router.close();
  }
}

/**
 * (4) The history page one request at a time, with every connector call 5 ms
 * slower: batching should add about one call per query level (orders, lines,
 * products: 3 × 5 ms), not one per item.
 */
export async function slowConnector(dataSource: DataSource, secret: string): Promise<{ row: string; met: boolean }> {
  // The same router both ways, with and without the delay.
  const router = slowStore(dataSource, 0);
  const slowRouter = slowStore(dataSource, 5);
  const fast = await startCommerceGraph(dataSource, router);
  const slow = await startCommerceGraph(dataSource, slowRouter);
  try {
    const body = JSON.stringify({ query: SCENARIOS[2].query });
    const authorization = `Bearer ${secret}`;
    const without = await load(fast.url, body, { authorization, connections: 1 });
    const withDelay = await load(slow.url, body, { authorization, connections: 1 });
    const added = withDelay.p50 - without.p50;
    const met = added <= 25;
    return { row: `| (4) history page, connector +5 ms per call, 1 connection | p50 ${without.p50} ms without the delay | p50 ${withDelay.p50} ms with it | added ${added} ms | target ≤ 3 levels × 5 ms + 10 ms = 25 ms | ${met ? "met" : "not met"} | |`, met };
  } finally {
    await Promise.all([fast.close(), slow.close()]);
    await Promise.all([router.close(), slowRouter.close()]);
  }
}

/** Throughput and latency of Commerce Graph alone as connections grow, for one scenario. */
export async function concurrencyCurve(dataSource: DataSource, auth: { secret: string; accountId: string }, scenarioIndex: number, levels: number[]): Promise<string[]> {
  const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource);
  const ours = await startCommerceGraph(dataSource, router);
  try {
    const body = JSON.stringify({ query: SCENARIOS[scenarioIndex]!.query, variables: { account: `gid://store/Account/${auth.accountId}` } });
    const rows: string[] = [];
    for (const connections of levels) {
      const result = await load(ours.url, body, { authorization: `Bearer ${auth.secret}`, connections });
      const memory = memoryMiB();
      rows.push(`| ${connections} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} / ${result.p99} | ${memory.rss} | ${result.errors + result.non2xx} |`);
    }
    return rows;
  } finally {
    await ours.close();
    await router.close();
  }
}

/** Commerce Graph's throughput on (1)–(3) over one database, response cache off (it would hide the data), and the process's memory after. */
export async function throughputAtScale(dataSource: DataSource, auth: { secret: string; accountId: string }): Promise<{ throughputs: Throughputs; memory: { rss: number; heapUsed: number } }> {
  const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource);
  const ours = await startCommerceGraph(dataSource, router, { responseCache: false });
  try {
    const throughputs: Throughputs = [];
    for (const scenario of SCENARIOS) {
      const body = JSON.stringify({ query: scenario.query, variables: { account: `gid://store/Account/${auth.accountId}` } });
      await expectData(ours.url, body, `Bearer ${auth.secret}`);
      throughputs.push((await load(ours.url, body, { authorization: `Bearer ${auth.secret}` })).requestsPerSecond);
    }
    return { throughputs, memory: memoryMiB() };
  } finally {
    await ours.close();
    await router.close();
  }
}
