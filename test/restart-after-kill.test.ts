import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/db/embedded-postgres.js";
import { isAlive } from "../src/db/process-info.js";
import { cleanUpServers, postmasterPid, spawnServer, stopServer, waitReady, type ServerProcess, makeDataDir } from "./support/server-process.js";

// `npm start` with its embedded PostgreSQL, killed with SIGKILL, then started again.

let dir: string;
let env: Record<string, string>;
let port: number;
const started: ServerProcess[] = [];
const postgresPids = new Set<number>();

beforeAll(async () => {
  dir = makeDataDir("restart");
  env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(await findFreePort()) };
  port = await findFreePort();
});

afterAll(async () => {
  await cleanUpServers(started, dir, postgresPids);
});

async function start(): Promise<ServerProcess> {
  const server = spawnServer({ port, env });
  started.push(server);
  await waitReady(server);
  const pid = postmasterPid(join(dir, "postgres"));
  if (pid) postgresPids.add(pid);
  return server;
}

describe("a start after a crash", () => {
  it("after kill -9 of the server, the next start stops the orphaned PostgreSQL and becomes ready; a graceful stop leaves none running", async () => {
    const first = await start();
    const orphan = postmasterPid(join(dir, "postgres"))!;
    first.child.kill("SIGKILL");
    await first.exited;
    // The scenario: the server is gone, its database still runs.
    expect(isAlive(orphan)).toBe(true);

    const second = await start();
    expect(second.lines.some((line) => line.includes(`stopped the PostgreSQL (pid ${orphan}) that an earlier run left running`))).toBe(true);
    expect(isAlive(orphan)).toBe(false);
    const running = postmasterPid(join(dir, "postgres"))!;
    expect(running).not.toBe(orphan);

    expect(await stopServer(second, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(isAlive(running)).toBe(false);
    expect(postmasterPid(join(dir, "postgres"))).toBeNull();
  }, 180_000);

  it("a postmaster.pid naming a live process that is not our PostgreSQL (its pid reused) does not block the start", async () => {
    // This test's own pid: alive, and no PostgreSQL. PostgreSQL itself refuses to start over such a file.
    writeFileSync(join(dir, "postgres", "postmaster.pid"), `${process.pid}\n${join(dir, "postgres")}\n1700000000\n${env.EMBEDDED_PG_PORT}\n/tmp\nlocalhost\n  1234567     12345\nready   \n`);
    const server = await start();
    expect(server.lines.some((line) => line.includes("removed a stale postmaster.pid"))).toBe(true);
    const running = postmasterPid(join(dir, "postgres"))!;
    expect(await stopServer(server, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(isAlive(running)).toBe(false);
  }, 120_000);
});
