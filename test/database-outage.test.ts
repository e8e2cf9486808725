import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../src/db/embedded-postgres.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { customerToken, gql, isRunning, PLACE_ORDER, readyStatus, spawnServer, stopServer, undeliveredOrders, waitFor, waitReady, type ServerProcess } from "./support/server-process.js";

// The API (with its in-process relay) and `npm run relay` on a PostgreSQL that this test stops
// and starts again: they must ride the outage out and deliver every order once it is back.

const ORDERS = 20;

let dir: string;
let pgPort: number;
let database: EmbeddedDatabase | null = null;
let erp: FakeCommandBackend;
let configFile: string;
const started: ServerProcess[] = [];

async function startDatabase(): Promise<EmbeddedDatabase> {
  database = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: pgPort });
  return database;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "commerce-graph-outage-"));
  // When running as root, PostgreSQL runs as a separate user that must reach the directory.
  chmodSync(dir, 0o755);
  pgPort = await findFreePort();
  await startDatabase();
  // Each delivery to the ERP takes a while, so that deliveries are under way when the database stops.
  erp = await new FakeCommandBackend().start();
  erp.delayMs = 150;
  configFile = join(dir, "connectors.yaml");
  writeFileSync(
    configFile,
    `connectors:\n  store: { kind: store }\n  erp: { kind: http-commands, url: "${erp.url}", applies: [orderPlace], timeoutMs: 5000 }\nwrites:\n  orderPlace: [store, erp]\n`,
  );
}, 120_000);

afterAll(async () => {
  for (const server of started) if (isRunning(server)) await stopServer(server, "SIGKILL");
  await database?.stop();
  await erp.stop();
  rmSync(dir, { recursive: true, force: true });
});

function spawn(command: "start" | "relay", port: number, env: Record<string, string> = {}): ServerProcess {
  const server = spawnServer({
    command,
    port,
    env: { DATABASE_URL: database!.url, COMMERCE_GRAPH_CONFIG: configFile, SEED: "always", RELAY_BACKOFF_BASE_MS: "100", RELAY_BACKOFF_MAX_MS: "1000", ...env },
  });
  started.push(server);
  return server;
}

/** Places `ORDERS` pre-orders one after the other and returns their ids (the outbox's aggregate ids). */
async function placeOrders(api: ServerProcess, prefix: string): Promise<string[]> {
  const token = await customerToken(api);
  const ids: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const answer = await gql(api, PLACE_ORDER, { key: `${prefix}-${i}` }, { authorization: `Bearer ${token}` });
    const id = answer.body?.data?.orderPlace?.order?.id as string | undefined;
    if (!id) throw new Error(`orderPlace failed: ${JSON.stringify(answer)}`);
    ids.push(id.split("/").pop()!);
  }
  return ids;
}

/** Stops PostgreSQL under the processes, checks they stay up (the API answering 503 on /readyz), and starts it again. */
async function outage(api: ServerProcess, others: ServerProcess[] = []): Promise<void> {
  await database!.stop();
  database = null;
  await waitFor("/readyz 503 while the database is down", async () => (await readyStatus(api)) === 503, 15_000, api);
  // A query meanwhile gets an answer (an error), and does not take the process down.
  const during = await gql(api, `query { products(first: 5) { nodes { sku } } }`);
  expect(during.networkError).toBeUndefined();
  expect(during.body?.errors?.length).toBeGreaterThan(0);
  // Long enough for every component to meet the outage (pool checks, relay polls each second, the sweep).
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const server of [api, ...others]) expect(isRunning(server), server.lines.slice(-10).join("\n")).toBe(true);
  expect(await readyStatus(api)).toBe(503);
  await startDatabase();
  await waitReady(api, 30_000);
}

function expectEachOrderAppliedOnce(orderIds: string[]): void {
  const applied = erp.applied.filter((command) => orderIds.includes(command.body.aggregateId)).map((command) => command.body.aggregateId);
  expect(applied.sort()).toEqual([...orderIds].sort());
}

describe("a database outage", () => {
  it("the API with its in-process relay stays up (readyz 503), serves again when the database is back, and delivers every order", async () => {
    const api = spawn("start", await findFreePort(), { RELAY: "on" });
    await waitReady(api);
    const orderIds = await placeOrders(api, "outage-api");
    await outage(api);
    await waitFor("every order delivered", async () => (await undeliveredOrders(database!.url, orderIds)) === 0, 60_000, api);
    expectEachOrderAppliedOnce(orderIds);
    // It serves again: a new order is accepted and delivered too.
    const [late] = await placeOrders(api, "outage-api-after").then((ids) => ids.slice(0, 1));
    await waitFor("the order placed after the outage delivered", async () => (await undeliveredOrders(database!.url, [late!])) === 0, 30_000, api);
    expect(await stopServer(api, "SIGTERM")).toEqual({ code: 0, signal: null });
  }, 180_000);

  it("`npm run relay` on its own stays up and delivers every order once the database is back", async () => {
    if (!database) await startDatabase(); // the test before failed while it was down
    const api = spawn("start", await findFreePort(), { RELAY: "off" });
    await waitReady(api);
    const relay = spawn("relay", await findFreePort());
    await waitFor("relay started", () => relay.lines.some((line) => line.includes("relay started")), 60_000, relay);
    const orderIds = await placeOrders(api, "outage-relay");
    await outage(api, [relay]);
    await waitFor("every order delivered", async () => (await undeliveredOrders(database!.url, orderIds)) === 0, 60_000, relay);
    expectEachOrderAppliedOnce(orderIds);
    expect(isRunning(api)).toBe(true);
    expect(await stopServer(relay, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(await stopServer(api, "SIGTERM")).toEqual({ code: 0, signal: null });
  }, 180_000);
});
