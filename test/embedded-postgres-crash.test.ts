import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/db/embedded-postgres.js";
import { isAlive } from "../src/db/process-info.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { cleanUpServers, customerToken, gql, isRunning, PLACE_ORDER, postmasterPid, spawnServer, stopServer, undeliveredOrders, waitFor, waitReady, type ServerProcess, makeDataDir } from "./support/server-process.js";

// `npm start` with its embedded PostgreSQL, whose postmaster is killed (kill -9) under the running
// server: the server must notice, start PostgreSQL again, and serve and deliver again on its own.

/** How long the test's own busy backend keeps running after the postmaster died. */
const LINGER_SECONDS = 6;

let dir: string;
let pgDir: string;
let pgPort: number;
let port: number;
let env: Record<string, string>;
let erp: FakeCommandBackend;
const started: ServerProcess[] = [];
const postgresPids = new Set<number>();

beforeAll(async () => {
  dir = makeDataDir("pg-crash");
  pgDir = join(dir, "postgres");
  pgPort = await findFreePort();
  port = await findFreePort();
  // Each delivery to the ERP takes a while, so that one is under way when PostgreSQL dies.
  erp = await new FakeCommandBackend().start();
  erp.delayMs = 1500;
  const configFile = join(dir, "connectors.yaml");
  writeFileSync(
    configFile,
    `connectors:\n  store: { kind: store }\n  erp: { kind: http-commands, url: "${erp.url}", applies: [orderPlace], timeoutMs: 10000 }\nwrites:\n  orderPlace: [store, erp]\n`,
  );
  env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), COMMERCE_GRAPH_CONFIG: configFile, RELAY_BACKOFF_BASE_MS: "100", RELAY_BACKOFF_MAX_MS: "1000" };
});

afterAll(async () => {
  await cleanUpServers(started, dir, postgresPids);
  await erp.stop();
});

/** A client of the embedded database, as the test's own session. */
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/commerce_graph` });
  // Its connection breaks when the postmaster dies: that is expected, not a test failure.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** The status of an order's outbox row for the ERP. */
async function erpStatus(orderId: string): Promise<string | undefined> {
  const client = await connect();
  try {
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM outbox WHERE connector = 'erp' AND aggregatetype = 'Order' AND aggregateid = $1`, [orderId]);
    return rows[0]?.status;
  } finally {
    await client.end();
  }
}

async function placeOrder(server: ServerProcess, token: string, key: string): Promise<string> {
  const answer = await gql(server, PLACE_ORDER, { key }, { authorization: `Bearer ${token}` });
  const id = answer.body?.data?.orderPlace?.order?.id as string | undefined;
  if (!id) throw new Error(`orderPlace failed: ${JSON.stringify(answer)}`);
  return id.split("/").pop()!;
}

describe("the embedded PostgreSQL killed under a running server", () => {
  it("is started again once its last process has ended; the server stays up, becomes ready again, takes and delivers orders; a stop leaves no PostgreSQL", async () => {
    const server = spawnServer({ port, env });
    started.push(server);
    await waitReady(server);
    const token = await customerToken(server);
    const before = await placeOrder(server, token, "pg-crash-before");
    // Its delivery to the ERP is under way when PostgreSQL dies.
    await waitFor("the ERP received the first order", () => erp.received.some((command) => command.body.aggregateId === before), 30_000, server);

    // A backend busy in a loop does not notice its postmaster's death until its statement ends.
    const busy = await connect();
    const [{ pid: backend }] = (await busy.query("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
    await busy.query(`SET statement_timeout = '${LINGER_SECONDS}s'`);
    const looping = busy.query("DO $$ BEGIN LOOP END LOOP; END $$").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const killed = postmasterPid(pgDir)!;
    postgresPids.add(killed);
    process.kill(killed, "SIGKILL");
    // The scenario: the postmaster is gone, one of its backends still runs.
    await waitFor("the postmaster gone", () => !isAlive(killed), 10_000);
    expect(isAlive(backend)).toBe(true);

    // A new PostgreSQL must not start on the data directory while the old backend still runs.
    let restarted: number | null = null;
    let oldBackendAliveAtRestart = false;
    await waitFor(
      "a new PostgreSQL started",
      () => {
        const pid = postmasterPid(pgDir);
        if (pid === null || pid === killed) return false;
        oldBackendAliveAtRestart = isAlive(backend);
        restarted = pid;
        return true;
      },
      60_000,
      server,
    );
    postgresPids.add(restarted!);
    expect(oldBackendAliveAtRestart).toBe(false);
    await looping;
    await busy.end().catch(() => undefined);

    expect(isRunning(server)).toBe(true);
    expect(server.lines.filter((line) => line.includes("embedded PostgreSQL exited unexpectedly") && line.includes("SIGKILL"))).toHaveLength(1);
    await waitReady(server, 90_000);
    expect(server.lines.some((line) => line.includes("embedded PostgreSQL running again"))).toBe(true);

    // It serves again, and every order, the one cut off by the crash too, reaches the ERP once.
    const after = await placeOrder(server, token, "pg-crash-after");
    await waitFor("both orders delivered", async () => (await undeliveredOrders(`postgres://postgres:postgres@127.0.0.1:${pgPort}/commerce_graph`, [before, after])) === 0, 60_000, server);
    expect(erp.applied.map((command) => command.body.aggregateId).filter((id) => [before, after].includes(id)).sort()).toEqual([before, after].sort());

    expect(await stopServer(server, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(isAlive(restarted!)).toBe(false);
    expect(postmasterPid(pgDir)).toBeNull();
  }, 240_000);

  it("a stop while PostgreSQL is down ends the attempts to start it again at once: the server exits and starts no PostgreSQL", async () => {
    const server = spawnServer({ port, env });
    started.push(server);
    await waitReady(server);
    // A delivery under way makes the stop take a while (the relay lets it finish): longer than the first pause.
    erp.delayMs = 5000;
    const order = await placeOrder(server, await customerToken(server), "pg-crash-stop");
    await waitFor("the order's delivery to the ERP under way", async () => (await erpStatus(order)) === "DELIVERING", 30_000, server);
    const killed = postmasterPid(pgDir)!;
    postgresPids.add(killed);
    process.kill(killed, "SIGKILL");
    await waitFor("the exit noticed", () => server.lines.some((line) => line.includes("embedded PostgreSQL exited unexpectedly")), 10_000, server);
    // Within the first pause before an attempt to start it again.
    expect(await stopServer(server, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(server.lines.some((line) => line.includes("embedded PostgreSQL running again"))).toBe(false);
    // No PostgreSQL was started once the stop began: the pid file is still the killed one's (a new server would
    // have written its own, and removed it when stopped), and nothing starts one after the exit either.
    expect(postmasterPid(pgDir)).toBe(killed);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(postmasterPid(pgDir)).toBe(killed);
    expect(isAlive(killed)).toBe(false);
  }, 120_000);
});
