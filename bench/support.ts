/** What every bench part shares: the load generator, the two servers, a seeded database. */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { execute, parse, validate, type DocumentNode } from "graphql";
import type { DataSource } from "typeorm";
import { createApp } from "../src/app.js";
import { DOMAINS, type DomainReaders } from "../src/connectors/connector.js";
import { Router, type ReadRoutes } from "../src/connectors/router.js";
import { createStoreConnector } from "../src/connectors/store/store-connector.js";
import type { RequestContext } from "../src/context.js";
import { requestScope } from "../src/loaders.js";
import { connectAndMigrate } from "../src/db/data-source.js";
import { seedDemoData } from "../src/db/seed/seed-demo-data.js";
import { DEFAULT_LIMITS } from "../src/common/input-limits.js";
import { createLogger } from "../src/logger.js";
import { buildSchema } from "../src/schema.js";
import { copyDatabase } from "../test/support/databases.js";

/** Seconds per load run, and concurrent connections (BENCH_SECONDS, BENCH_CONNECTIONS). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** A server under test. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** One autocannon run from a separate process; `bodies` are sent in turn (see load.mjs for `__UNIQUE__`). */
export function load(url: string, bodies: string | string[], options: { authorization?: string; connections?: number; seconds?: number; rate?: number } = {}): Promise<LoadResult> {
  const settings = { url, bodies: [bodies].flat(), authorization: options.authorization, connections: options.connections ?? CONNECTIONS, duration: options.seconds ?? SECONDS, rate: options.rate };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "load.mjs"), JSON.stringify(settings)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as LoadResult) : reject(new Error(`load generator exited with ${code}`))));
  });
}

/** A database named `name` on the server of `url`, migrated and seeded at `scale`. */
export async function seededDatabase(url: string, name: string, scale: number): Promise<DataSource> {
  const dataSource = await connectAndMigrate({ url: await copyDatabase(url, name), poolSize: 20 });
  await seedDemoData(dataSource, { scale });
  return dataSource;
}

/** Commerce Graph as it is served (every protection on), with a cost bucket too large to throttle the load. */
export async function startCommerceGraph(dataSource: DataSource, router: Router, options: { responseCache?: boolean } = {}): Promise<Served> {
  const app = await createApp({ dataSource, logger: createLogger("silent"), router, responseCache: options.responseCache, security: { costBucket: { maximumAvailable: 1e12, restoreRate: 1e12 }, maxCost: 1e9, maxConcurrent: { perClient: 1e6, perApiKey: 1e6 } } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`, close: () => app.close() };
}

/**
 * The baseline: a bare node:http server running graphql-js over the same
 * schema, resolvers, connectors and data, with parse and validation cached —
 * the practical ceiling for graphql-js. It trusts every caller as `principal`.
 */
export async function startBaseline(dataSource: DataSource, router: Router, principal: RequestContext["principal"]): Promise<Served> {
  const schema = buildSchema();
  const documents = new Map<string, DocumentNode>();
  const log = createLogger("silent");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", async () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Record<string, unknown> };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        if (validate(schema, document).length === 0) documents.set(query, document);
      }
      const contextValue: RequestContext = { principal, clientIp: "127.0.0.1", requestId: "bench", log, router, ...requestScope(router, dataSource), dataSource, limits: DEFAULT_LIMITS };
      const result = await execute({ schema, document, variableValues: variables, contextValue });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A store connector whose every read call takes `ms` longer, as a remote backend would (0: no delay, the same code path). */
export function slowStore(dataSource: DataSource, ms: number): Router {
  const store = createStoreConnector(dataSource);
  const readers = Object.fromEntries(
    Object.entries(store.readers).map(([domain, reader]) => [
      domain,
      Object.fromEntries(Object.entries(reader as object).map(([name, method]) => [name, async (...args: unknown[]) => (ms > 0 && (await sleep(ms)), (method as (...a: unknown[]) => unknown).apply(reader, args))])),
    ]),
  ) as unknown as DomainReaders;
  return new Router([{ ...store, readers }], Object.fromEntries(DOMAINS.map((d) => [d, ["store"]])) as unknown as ReadRoutes, {});
}

/** Posts one GraphQL request and fails unless it answers with data and no errors. */
export async function expectData(url: string, body: string, authorization?: string): Promise<Record<string, unknown>> {
  const answer = (await (await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body })).json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (answer.errors || !answer.data) throw new Error(`${url} answered ${JSON.stringify(answer).slice(0, 500)}`);
  return answer.data;
}

/** The process's memory after a garbage collection when one can be asked for (MiB). */
export function memoryMiB(): { rss: number; heapUsed: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: Math.round(rss / 2 ** 20), heapUsed: Math.round(heapUsed / 2 ** 20) };
}
