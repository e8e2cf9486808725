import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/db/embedded-postgres.js";
import { isAlive } from "../src/db/process-info.js";
import { cleanUpServers, customerToken, gql, isRunning, PLACE_ORDER, postmasterPid, spawnServer, waitFor, waitReady, type Answer, type ServerProcess, makeDataDir } from "./support/server-process.js";

// `npm start` with its embedded PostgreSQL, stopped under load by Ctrl-C (SIGINT to the whole
// process group, as a terminal sends it) and by SIGTERM to the server alone (Docker, systemd, Kubernetes).

/** Orders placed at once: fewer than the pool's size (concurrent mutations each hold a connection). */
const ORDERS = 5;
const READS = 15;
const CATALOG = `query { products(first: 20, sortKey: NAME) { nodes { sku name listPrice { amount } inventory { available } } } }`;

let dir: string;
let env: Record<string, string>;
let port: number;
const started: ServerProcess[] = [];

beforeAll(async () => {
  dir = makeDataDir("signals");
  // Twenty requests from one client at once: the bound on requests in flight (tested on its own) must not refuse them here.
  env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(await findFreePort()), GRAPHQL_MAX_CONCURRENT: "100" };
  port = await findFreePort();
});

afterAll(async () => {
  await cleanUpServers(started, dir);
});

/**
 * Starts the server, fires orders and catalog reads at once (each with its own request id), waits
 * until the server has received every one of them, sends `signal`, and returns the answers, the exit
 * and the log lines other than those of the requests.
 */
async function stopUnderLoad(send: (server: ServerProcess) => void, viaNpm = false) {
  const server = spawnServer({ port, env, detached: true, viaNpm });
  started.push(server);
  await waitReady(server);
  const token = await customerToken(server);
  const postgres = postmasterPid(join(dir, "postgres"))!;
  const run = `${Date.now()}`;
  const ids = [...Array(ORDERS + READS).keys()].map((i) => `load-${run}-${i}`);
  const answers: Promise<Answer>[] = ids.map((id, i) =>
    i < ORDERS ? gql(server, PLACE_ORDER, { key: id }, { authorization: `Bearer ${token}`, "x-request-id": id }) : gql(server, CATALOG, {}, { "x-request-id": id }),
  );
  const received = (id: string) => server.lines.some((line) => line.includes(`"reqId":"${id}"`) && line.includes("incoming request"));
  await waitFor("every request received", () => ids.every(received), 30_000, server);
  const linesBefore = server.lines.length;
  send(server);
  const settled = await Promise.all(answers);
  // This client keeps its connections open (keep-alive): the server must close them, not wait for their idle timeout (72 s).
  await waitFor("exit while the client still holds keep-alive connections", () => !isRunning(server), 30_000);
  const exit = await server.exited;
  const ownLines = (line: string) => ids.some((id) => line.includes(`"reqId":"${id}"`));
  return { settled, exit, postgres, lines: server.lines, after: server.lines.slice(linesBefore).filter((line) => !ownLines(line)) };
}

function expectCleanStop(result: Awaited<ReturnType<typeof stopUnderLoad>>): void {
  // Every request the server had received got its full answer: no INTERNAL_SERVER_ERROR, no reset connection.
  for (const [i, answer] of result.settled.entries()) {
    expect(answer.networkError, `request ${i}`).toBeUndefined();
    expect(answer.status, `request ${i}: ${JSON.stringify(answer.body)}`).toBe(200);
    expect(answer.body?.errors, `request ${i}`).toBeUndefined();
    if (i < ORDERS) expect(answer.body?.data?.orderPlace?.order?.id).toMatch(/^gid:\/\/store\/Order\//);
    else expect(answer.body?.data?.products?.nodes).toHaveLength(20);
  }
  expect(result.exit).toEqual({ code: 0, signal: null });
  // The database stopped after the server, and cleanly (it removes its pid file).
  expect(isAlive(result.postgres)).toBe(false);
  expect(postmasterPid(join(dir, "postgres"))).toBeNull();
  // A few short lines; no error, and no serialised objects.
  expect(result.after.length, result.after.join("\n")).toBeLessThan(30);
  for (const line of result.lines) expect(line.length, line.slice(0, 300)).toBeLessThan(1000);
  expect(result.lines.filter((line) => /"level":(50|60)/.test(line) || !line.startsWith("{")), "error or non-JSON lines").toEqual([]);
}

describe("stopping under load", () => {
  it("Ctrl-C (SIGINT to the whole process group): requests under way finish, then the relay, the pools and the database stop; exit code 0", async () => {
    const result = await stopUnderLoad((server) => process.kill(-server.child.pid!, "SIGINT"));
    expectCleanStop(result);
    expect(result.after.some((line) => line.includes("shutting down"))).toBe(true);
  }, 180_000);

  it("SIGTERM to the server alone: the same orderly stop", async () => {
    const result = await stopUnderLoad((server) => server.child.kill("SIGTERM"));
    expectCleanStop(result);
  }, 120_000);

  it("SIGTERM to `npm start` (what a container runtime sends when npm is its command) reaches the server: the same orderly stop", async () => {
    const result = await stopUnderLoad((server) => server.child.kill("SIGTERM"), true);
    expectCleanStop(result);
    expect(result.after.some((line) => line.includes("shutting down"))).toBe(true);
  }, 120_000);
});
