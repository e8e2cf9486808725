import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/db/embedded-postgres.js";
import { isAlive } from "../src/db/process-info.js";
import { cleanUpServers, isRunning, postmasterPid, spawnServer, stopServer, waitFor, waitReady, type ServerProcess, makeDataDir } from "./support/server-process.js";

// `npm start` on a fresh data directory, stopped by Ctrl-C (SIGINT to its whole process group, as a
// terminal sends it) while it is still seeding: it must stop its embedded PostgreSQL before it exits.

let dir: string;
let pgDir: string;
let env: Record<string, string>;
let port: number;
const started: ServerProcess[] = [];
const postgresPids = new Set<number>();

beforeAll(async () => {
  dir = makeDataDir("interrupt");
  pgDir = join(dir, "postgres");
  env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(await findFreePort()) };
  port = await findFreePort();
});

afterAll(async () => {
  await cleanUpServers(started, dir, postgresPids);
});

describe("Ctrl-C during start-up", () => {
  it("while seeding: the embedded PostgreSQL is stopped, the process exits with 130, and the next start seeds from scratch", async () => {
    const server = spawnServer({ port, env, detached: true });
    started.push(server);
    await waitFor("the first seed line", () => server.lines.some((line) => line.includes('"msg":"seed: ')), 120_000, server);
    const postgres = postmasterPid(pgDir)!;
    postgresPids.add(postgres);
    expect(isAlive(postgres)).toBe(true);

    process.kill(-server.child.pid!, "SIGINT");
    await waitFor("exit", () => !isRunning(server), 60_000);
    expect(await server.exited).toEqual({ code: 130, signal: null });
    // No PostgreSQL of that data directory is left running, and it stopped cleanly (it removes its pid file).
    expect(isAlive(postgres)).toBe(false);
    expect(postmasterPid(pgDir)).toBeNull();
    expect(server.lines.some((line) => line.includes("start-up interrupted"))).toBe(true);
    expect(server.lines.filter((line) => /"level":(50|60)/.test(line) || !line.startsWith("{")), "error or non-JSON lines").toEqual([]);

    // The interrupted seed left nothing half done: the next start seeds the whole demo data and serves.
    const next = spawnServer({ port, env });
    started.push(next);
    await waitReady(next);
    postgresPids.add(postmasterPid(pgDir)!);
    expect(next.lines.some((line) => line.includes("demo data seeded"))).toBe(true);
    expect(next.lines.some((line) => line.includes("earlier run"))).toBe(false);
    expect(await stopServer(next, "SIGTERM")).toEqual({ code: 0, signal: null });
    expect(postmasterPid(pgDir)).toBeNull();
  }, 300_000);
});
