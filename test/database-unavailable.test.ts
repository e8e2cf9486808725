import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import type { Router } from "../src/connectors/router.js";
import { connectAndMigrate } from "../src/db/data-source.js";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../src/db/embedded-postgres.js";
import { seedDemoData } from "../src/db/seed/seed-demo-data.js";
import { serializeError, type Logger } from "../src/logger.js";
import { OutageWarnings } from "../src/observability/database-outage-plugin.js";
import pg from "pg";
import { until } from "./support/table-lock.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// The servers' own PostgreSQL, which this test stops under them and starts again.

const PLACE = `mutation($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
  order { id status } command { id } userErrors { field code message } } }`;
const CATALOG = `{ products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }`;
/** What a client must never read: driver text, addresses, TypeORM's messages. */
const DRIVER_TEXT = /ECONNREFUSED|ECONNRESET|127\.0\.0\.1|terminat|shutting down|query runner|Context creation failed|administrator/i;

/** A logger that keeps its JSON lines. */
function capturingLogger(): { logger: Logger; lines: Array<{ level: number; msg: string; err?: { stack?: string } }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "info", serializers: { err: serializeError } }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** Sends a GraphQL request through the server's HTTP layer. */
async function send(server: TestServer, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  const retryAfter = response.headers["retry-after"];
  return { status: response.statusCode, retryAfter: typeof retryAfter === "string" ? retryAfter : undefined, text: response.body, body: response.json() as Answer["body"] };
}

/** Every answer during the outage: 503, Retry-After, only DATABASE_UNAVAILABLE, no driver text. */
function expectUnavailable(answer: Answer): void {
  expect({ status: answer.status, retryAfter: answer.retryAfter }, answer.text).toEqual({ status: 503, retryAfter: "5" });
  expect(answer.body.errors?.length, answer.text).toBeGreaterThan(0);
  for (const error of answer.body.errors!) {
    expect(error.extensions?.code, answer.text).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toMatch(/^The database is not answering\..*same idempotency key/);
  }
  expect(answer.text).not.toMatch(DRIVER_TEXT);
}

describe("our own database stopped under the server", () => {
  let dir: string;
  let port: number;
  let database: EmbeddedDatabase | null = null;
  const servers: Array<{ name: string; server: TestServer; router: Router; lines: ReturnType<typeof capturingLogger>["lines"] }> = [];

  const start = async () => (database = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "commerce-graph-unavailable-"));
    // When running as root, PostgreSQL runs as a separate user that must reach the directory.
    chmodSync(dir, 0o755);
    port = await findFreePort();
    await start();
    const seeding = await connectAndMigrate({ url: database!.url });
    await seedDemoData(seeding);
    await seeding.destroy();
    for (const production of [false, true]) {
      const { logger, lines } = capturingLogger();
      let router!: Router;
      const server = await startTestServer({ databaseUrl: database!.url, logger, security: { production }, router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
      servers.push({ name: production ? "production" : "development", server, router, lines });
    }
  }, 120_000);

  afterAll(async () => {
    for (const { server } of servers) await server.close().catch(() => undefined);
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every read and orderPlace 503 DATABASE_UNAVAILABLE with Retry-After and no driver text, keeps the store's circuit closed, logs a few warn lines and no error; serves again once it is back", async () => {
    const [dev, prod] = servers;
    const [line] = (await dev!.server.dataSource.query(
      `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id
       WHERE il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
         AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
       ORDER BY p.sku, il.warehouse_id LIMIT 1`,
    )) as Array<{ sku: string; warehouse_id: string }>;
    const input = { lines: [{ sku: line!.sku, warehouseId: `gid://store/Warehouse/${line!.warehouse_id}`, quantity: 1 }] };
    const key = () => `outage-${randomBytes(6).toString("hex")}`;
    // Tokens verified once by each server (believed for a while without the database), and one the production server never saw.
    const [devToken, prodToken, unverified] = [await dev!.server.customerToken(0), await prod!.server.customerToken(0), await dev!.server.customerToken(1)];
    for (const { server } of servers) expect((await send(server, CATALOG)).body.errors).toBeUndefined();
    expect((await send(dev!.server, PLACE, { input, key: key() }, devToken)).body.data?.orderPlace.order.id).toMatch(/^gid:\/\/store\/Order\//);

    // In flight when the database stops: statements waiting on a lock get "terminating connection due to administrator command".
    const locker = new pg.Client({ connectionString: database!.url });
    // This test's own connection dies with the database too.
    locker.on("error", () => undefined);
    await locker.connect();
    await locker.query("BEGIN; LOCK TABLE product IN ACCESS EXCLUSIVE MODE");
    const inFlight = [send(dev!.server, CATALOG), send(prod!.server, CATALOG), send(dev!.server, PLACE, { input, key: key() }, devToken), send(prod!.server, PLACE, { input, key: key() }, prodToken)];
    // Watched from outside the locking transaction, which would see one snapshot of the statistics.
    const observer = new pg.Client({ connectionString: database!.url });
    await observer.connect();
    await until(async () => {
      const { rows } = await observer.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return rows[0]!.waiting >= 4;
    }, "four requests waiting for the locked table");
    await observer.end();
    await database!.stop();
    database = null;
    await locker.end().catch(() => undefined);
    for (const answer of await Promise.all(inFlight)) expectUnavailable(answer);

    // While it is down: anonymous reads (more than the circuit's threshold of 5), signed-in orders, and credentials checked while the context is built.
    for (const { server } of servers) {
      for (let i = 0; i < 6; i++) expectUnavailable(await send(server, CATALOG));
      expectUnavailable(await send(server, CATALOG, {}, server.adminKey));
    }
    expectUnavailable(await send(dev!.server, PLACE, { input, key: key() }, devToken));
    expectUnavailable(await send(prod!.server, PLACE, { input, key: key() }, prodToken));
    expectUnavailable(await send(prod!.server, PLACE, { input, key: key() }, unverified));

    for (const { name, router, lines } of servers) {
      // Our database being down is no failure of the store connector.
      expect(router.healthOf("store"), name).toMatchObject({ circuit: "CLOSED", failures: 0, lastError: null });
      // Not one line per request: at most a few warn lines, none with a stack, and no error line.
      const warnings = lines.filter((entry) => entry.level === 40);
      expect(lines.filter((entry) => entry.level >= 50), name).toEqual([]);
      expect(warnings.length, name).toBeGreaterThanOrEqual(1);
      expect(warnings.length, name).toBeLessThanOrEqual(3);
      for (const warning of warnings) expect(JSON.stringify(warning)).not.toContain("\n    at ");
    }

    await start();
    for (const { server } of servers) {
      await until(async () => (await send(server, CATALOG)).status === 200, "reads served again");
      expect((await send(server, CATALOG)).body.errors).toBeUndefined();
    }
    const placed = await send(prod!.server, PLACE, { input, key: key() }, prodToken);
    expect(placed.body.errors, placed.text).toBeUndefined();
    expect(placed.body.data?.orderPlace.order.id).toMatch(/^gid:\/\/store\/Order\//);
  }, 120_000);
});

describe("OutageWarnings", () => {
  it("logs one warn line per interval however many requests meet the outage, and the next line says how many it left out", () => {
    vi.useFakeTimers();
    try {
      const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
      const warnings = new OutageWarnings({ warn: ((fields: Record<string, unknown>, message: string) => void lines.push({ fields, message })) as never }, 10_000);
      const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      for (let i = 0; i < 500; i++) warnings.report(cause);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.fields).toMatchObject({ cause: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432", suppressed: 0 });
      vi.advanceTimersByTime(9_999);
      warnings.report(cause);
      expect(lines).toHaveLength(1);
      vi.advanceTimersByTime(1);
      warnings.report(cause);
      expect(lines).toHaveLength(2);
      expect(lines[1]!.fields).toMatchObject({ suppressed: 500 });
    } finally {
      vi.useRealTimers();
    }
  });
});
