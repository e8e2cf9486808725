/**
 * Writes: `orderPlace` under load with the relay delivering every order to a
 * fake ERP (the http-commands protocol), against PostgreSQL's own rate of
 * single-row inserts measured the same way — the ceiling for anything that
 * commits once per request.
 */
import { createApiKey } from "../src/auth/api-keys.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { createLogger } from "../src/logger.js";
import { startRelay } from "../src/outbox/relay.js";
import { scheduledTasks } from "../src/scheduled-tasks.js";
import pg from "pg";
import type { DataSource } from "typeorm";
import { FakeCommandBackend } from "../test/fakes/command-backend.js";
import { configWithErp } from "../test/support/erp-config.js";
import { CONNECTIONS, expectData, load, SECONDS, startCommerceGraph } from "./support.js";

const PLACE = `mutation($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } userErrors { code message } } }`;

/** One load of `orderPlace` and what became of its orders. */
export interface WriteRun {
  /** The rate asked of the load generator (null: as fast as it is answered). */
  rate: number | null;
  ordersPerSecond: number;
  p50: number;
  p99: number;
  failedRequests: number;
  ordersStored: number;
  deliveryP50: number;
  deliveryP99: number;
  /** Orders not yet delivered to the ERP when the load stopped. */
  backlogAtEnd: number;
  /** Seconds from the end of the load until the last delivery. */
  drainSeconds: number;
}

/** Rows per second that `CONNECTIONS` clients insert one by one, each its own transaction. */
async function singleRowInsertRate(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const deadline = Date.now() + SECONDS * 1000;
  let inserted = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        await pool.query(`INSERT INTO bench_insert (payload) VALUES ($1)`, [JSON.stringify({ n: inserted })]);
        inserted++;
      }
    }),
  );
  await pool.query(`DROP TABLE bench_insert`);
  await pool.end();
  return inserted / SECONDS;
}

/**
 * Bodies placing one order each, account and product in turn (the orders of
 * one product would all queue for its stock row); pairs whose trial order is
 * refused (a restricted product, say) are left out.
 */
async function orderBodies(url: string, authorization: string, dataSource: DataSource): Promise<string[]> {
  const accounts = (await dataSource.query(`SELECT id FROM account WHERE deleted_at IS NULL AND parent_id IS NULL ORDER BY code LIMIT 20`)) as Array<{ id: string }>;
  const products = (await dataSource.query(
    `SELECT id, sku FROM product p WHERE NOT restricted AND NOT special_order AND NOT EXISTS (SELECT 1 FROM kit_component k WHERE k.kit_id = p.id) ORDER BY sku LIMIT 20`,
  )) as Array<{ id: string; sku: string }>;
  // Plenty of stock, so that no order is refused for the lack of it.
  await dataSource.query(`UPDATE inventory_level SET on_hand = 100000000 WHERE product_id = ANY($1::uuid[])`, [products.map((p) => p.id)]);
  const bodies: string[] = [];
  for (const [i, account] of accounts.entries()) {
    const sku = products[i % products.length]!.sku;
    const body = JSON.stringify({ query: PLACE, variables: { input: { accountId: `gid://store/Account/${account.id}`, lines: [{ sku, quantity: 1 }] }, key: "bench-__UNIQUE__" } });
    const data = await expectData(url, body.replace("__UNIQUE__", `trial-${account.id}`), authorization);
    if ((data.orderPlace as { userErrors: unknown[] }).userErrors.length === 0) bodies.push(body);
  }
  if (bodies.length === 0) throw new Error("no account could place the bench order");
  return bodies;
}

/** Polls until every command made since `since` is delivered to the ERP; returns when that happened. */
async function waitForDeliveries(dataSource: DataSource, since: Date, timeoutMs = 300_000): Promise<Date> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await dataSource.query(`SELECT count(*) FILTER (WHERE status <> 'DELIVERED')::int AS travelling, max(delivered_at) AS last FROM outbox WHERE connector = 'erp' AND created_at >= $1`, [since])) as Array<{ travelling: number; last: Date | null }>;
    if (row!.travelling === 0) return row!.last ?? new Date();
    if (Date.now() > deadline) throw new Error(`${row!.travelling} orders still undelivered after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs the write benchmark on `dataSource` (whose URL is `databaseUrl`):
 * PostgreSQL's insert rate, then `orderPlace` as fast as it is answered, then
 * at half that rate — which the relay, sharing the machine, should keep up with.
 */
export async function measureWrites(dataSource: DataSource, databaseUrl: string): Promise<{ insertsPerSecond: number; runs: WriteRun[] }> {
  const insertsPerSecond = await singleRowInsertRate(databaseUrl);
  const erp = await new FakeCommandBackend().start();
  const router = buildRouter(configWithErp(erp.url, ["orderPlace"]), dataSource);
  const server = await startCommerceGraph(dataSource, router);
  const relay = await startRelay({ databaseUrl, tasks: scheduledTasks(dataSource, router), router, logger: createLogger("silent"), concurrency: 4 });
  try {
    const { secret } = await createApiKey(dataSource, { name: "bench writes", scopes: ["admin"] });
    const authorization = `Bearer ${secret}`;
    const bodies = await orderBodies(server.url, authorization, dataSource);
    const run = async (rate?: number): Promise<WriteRun> => {
      await waitForDeliveries(dataSource, new Date(0));
      const started = new Date();
      const result = await load(server.url, bodies, { authorization, rate });
      const ended = new Date();
      const [counts] = (await dataSource.query(
        `SELECT (SELECT count(*)::int FROM command WHERE type = 'orderPlace' AND created_at >= $1) AS stored,
                (SELECT count(*)::int FROM outbox WHERE connector = 'erp' AND created_at >= $1 AND status <> 'DELIVERED') AS backlog`,
        [started],
      )) as Array<{ stored: number; backlog: number }>;
      const last = await waitForDeliveries(dataSource, started);
      const [latency] = (await dataSource.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM o.delivered_at - c.created_at) * 1000 AS ms FROM outbox o JOIN command c ON c.id = o.command_id
               WHERE o.connector = 'erp' AND c.created_at >= $1) d`,
        [started],
      )) as Array<{ p50: number; p99: number }>;
      return {
        rate: rate ?? null,
        ordersPerSecond: result.requestsPerSecond,
        p50: result.p50,
        p99: result.p99,
        failedRequests: result.errors + result.non2xx,
        ordersStored: counts!.stored,
        deliveryP50: Math.round(latency!.p50),
        deliveryP99: Math.round(latency!.p99),
        backlogAtEnd: counts!.backlog,
        drainSeconds: Math.max(0, (last.getTime() - ended.getTime()) / 1000),
      };
    };
    const flatOut = await run();
    const half = await run(Math.max(1, Math.round(flatOut.ordersPerSecond / 2)));
    return { insertsPerSecond, runs: [flatOut, half] };
  } finally {
    await relay.stop();
    await server.close();
    await router.close();
    await erp.stop();
  }
}
