/**
 * `npm run bench`: Commerce Graph against the practical ceiling of graphql-js,
 * measured in the same run. Starts a PostgreSQL of its own (seeded demo data,
 * scale 1), then two servers over the same schema, resolvers, connectors and
 * data: Commerce Graph (Fastify + Apollo Server, with every protection on) and
 * a bare `node:http` server running graphql-js with a cached parse and
 * validation. autocannon, in a separate process, loads each in turn; the table
 * goes to bench/RESULTS.md with the machine, date and commit.
 *
 *   BENCH_SECONDS (default 10 per run), BENCH_CONNECTIONS (default 10)
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { execute, parse, validate, type DocumentNode } from "graphql";
import { createApp } from "../src/app.js";
import { setTimeout as sleep } from "node:timers/promises";
import type { DataSource } from "typeorm";
import { createApiKey } from "../src/auth/api-keys.js";
import { DOMAINS, type DomainReaders } from "../src/connectors/connector.js";
import { Router, type ReadRoutes } from "../src/connectors/router.js";
import { createStoreConnector } from "../src/connectors/store/store-connector.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { createLoaders, type RequestContext } from "../src/context.js";
import { connectAndMigrate } from "../src/db/data-source.js";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres.js";
import { seedDemoData } from "../src/db/seed/seed-demo-data.js";
import { createLogger } from "../src/logger.js";
import { buildSchema } from "../src/schema.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** The measured pages; the product page asks for one account's prices. */
const SCENARIOS = [
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
];

/** A store connector whose every read call takes `ms` longer, as a remote backend would. */
function slowStore(dataSource: DataSource, ms: number): Router {
  const store = createStoreConnector(dataSource);
  const readers = Object.fromEntries(
    Object.entries(store.readers).map(([domain, reader]) => [
      domain,
      Object.fromEntries(Object.entries(reader as object).map(([name, method]) => [name, async (...args: unknown[]) => (await sleep(ms), (method as (...a: unknown[]) => unknown).apply(reader, args))])),
    ]),
  ) as unknown as DomainReaders;
  return new Router([{ ...store, readers }], Object.fromEntries(DOMAINS.map((d) => [d, ["store"]])) as unknown as ReadRoutes, {});
}

/** One autocannon run from a separate process. */
function load(url: string, body: string, authorization?: string, connections = CONNECTIONS): Promise<{ requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "load.mjs"), JSON.stringify({ url, body, authorization, connections, duration: SECONDS })], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

const dir = mkdtempSync(join(tmpdir(), "commerce-graph-bench-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: 0, ephemeral: true });
const servers: Server[] = [];
try {
  const dataSource = await connectAndMigrate({ url: pg.url, poolSize: 20 });
  await seedDemoData(dataSource);
  const [account] = (await dataSource.query(`SELECT id FROM account WHERE code = 'C00001'`)) as Array<{ id: string }>;
  const variables = { account: `gid://store/Account/${account!.id}` };
  const { secret, id: keyId } = await createApiKey(dataSource, { name: "bench", scopes: ["admin"] });
  const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource);

  // Commerce Graph as it is served, with a cost bucket too large to throttle the load.
  const app = await createApp({ dataSource, logger: createLogger("silent"), router, security: { costBucket: { maximumAvailable: 1e12, restoreRate: 1e12 }, maxCost: 1e9 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;

  // The baseline: node:http + graphql-js, parse and validation cached, the same context.
  const schema = buildSchema();
  const documents = new Map<string, DocumentNode>();
  const baseline = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", async () => {
      const { query, variables: vars } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Record<string, unknown> };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        if (validate(schema, document).length === 0) documents.set(query, document);
      }
      const contextValue: RequestContext = { principal: { kind: "API_KEY", keyId, scopes: ["admin"] }, clientIp: "127.0.0.1", requestId: "bench", router, loaders: createLoaders(router, dataSource), dataSource };
      const result = await execute({ schema, document, variableValues: vars, contextValue });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(result));
    });
  });
  servers.push(baseline);
  await new Promise<void>((resolve) => baseline.listen(0, "127.0.0.1", resolve));
  const baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/graphql`;

  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    const body = JSON.stringify({ query: scenario.query, variables });
    // Both must answer with data before they are measured.
    for (const [url, auth] of [[appUrl, `Bearer ${secret}`], [baselineUrl, undefined]] as const) {
      const check = (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body })).json()) as { errors?: unknown };
      if (check.errors) throw new Error(`${scenario.name} failed on ${url}: ${JSON.stringify(check.errors)}`);
    }
    const base = await load(baselineUrl, body);
    const ours = await load(appUrl, body, `Bearer ${secret}`);
    const line = `| ${scenario.name} | ${base.requestsPerSecond.toFixed(0)} | ${ours.requestsPerSecond.toFixed(0)} | ${(ours.requestsPerSecond / base.requestsPerSecond).toFixed(2)} | ${base.p50} / ${base.p99} | ${ours.p50} / ${ours.p99} | ${(ours.p50 / Math.max(base.p50, 1)).toFixed(2)} |`;
    console.log(line, ours.errors || ours.non2xx ? `(errors ${ours.errors}, non-2xx ${ours.non2xx})` : "");
    rows.push(line);
  }

  // (4) The history page again, one request at a time, with every connector call 5 ms slower:
  // batching should add about one call per query level (orders, lines, products: 3 × 5 ms), not one per item.
  const slow = await createApp({ dataSource, logger: createLogger("silent"), router: slowStore(dataSource, 5), security: { costBucket: { maximumAvailable: 1e12, restoreRate: 1e12 }, maxCost: 1e9 } });
  await slow.listen({ port: 0, host: "127.0.0.1" });
  const slowUrl = `http://127.0.0.1:${(slow.server.address() as AddressInfo).port}/graphql`;
  const history = JSON.stringify({ query: SCENARIOS[2]!.query });
  const fast1 = await load(appUrl, history, `Bearer ${secret}`, 1);
  const slow1 = await load(slowUrl, history, `Bearer ${secret}`, 1);
  const added = slow1.p50 - fast1.p50;
  const line4 = `| (4) history page, connector +5 ms per call, 1 connection | p50 ${fast1.p50} ms without the delay | p50 ${slow1.p50} ms with it | added ${added} ms | target ≤ 3 levels × 5 ms + 10 ms = 25 ms | ${added <= 25 ? "met" : "not met"} | |`;
  console.log(line4);
  rows.push(line4);
  await slow.close();

  const commit = execFileSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const table = [
    `# Benchmark results`,
    ``,
    `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${machine}. Load: autocannon in a separate process, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback, servers and load on the same machine.`,
    ``,
    `Baseline: a bare node:http server running graphql-js with a cached parse and validation, over the same schema, resolvers, connectors and data — the practical ceiling for graphql-js. Ratios are Commerce Graph ÷ baseline (throughput: higher is better; p50: lower is better).`,
    ``,
    `| scenario | baseline req/s | Commerce Graph req/s | throughput ratio | baseline p50 / p99 ms | Commerce Graph p50 / p99 ms | p50 ratio |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    ...rows,
    ``,
    `Not measured yet: writes (orderPlace per second with the relay, commit-to-delivery latency), scale 10, concurrency curves, the 10-minute soak.`,
    ``,
  ].join("\n");
  writeFileSync(join(import.meta.dirname, "RESULTS.md"), table);
  console.log(`\nwritten to bench/RESULTS.md`);
  await app.close();
  await router.close();
  await dataSource.destroy();
} finally {
  for (const server of servers) server.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
