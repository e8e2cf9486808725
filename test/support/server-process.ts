import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isAlive } from "../../src/db/process-info.js";
import { DEMO_CUSTOMERS } from "../../src/db/seed/seed-demo-data.js";

/** The repository's root: where `src/main.ts` is. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** An admin key the tests register through `ADMIN_API_KEY`. */
export const ADMIN_KEY = "cgk_lifecycle-test-admin-key-0123456789";

/** `npm start` (or `npm run relay`) as a real child process, with its log lines. */
export interface ServerProcess {
  child: ChildProcess;
  /** Base URL (`http://127.0.0.1:<port>`); for `relay`, no one listens there. */
  url: string;
  /** Every line the process wrote to stdout and stderr so far. */
  lines: string[];
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Options for {@link spawnServer}. */
export interface SpawnOptions {
  command?: "start" | "relay";
  /** HTTP port (for `start`). */
  port: number;
  /** Environment on top of a clean one (no `DATABASE_URL` unless given). */
  env: Record<string, string>;
  /** Its own process group, so that a test can signal the group as a terminal does. */
  detached?: boolean;
  /** Run it as `npm start` / `npm run relay` (the npm process is the child) instead of node directly. */
  viaNpm?: boolean;
}

/** Spawns `node --import tsx src/main.ts <command>` (or its npm script); JSON logs (stdout is a pipe). */
export function spawnServer(options: SpawnOptions): ServerProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !["DATABASE_URL", "NODE_ENV", "LOG_LEVEL"].includes(key)) env[key] = value;
  const command = options.command ?? "start";
  const [file, args] = options.viaNpm ? ["npm", ["--silent", "run", command]] : [process.execPath, ["--import", "tsx", "src/main.ts", command]];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "development", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: String(options.port), ADMIN_API_KEY: ADMIN_KEY, ...options.env },
    detached: options.detached ?? false,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      lines.push(...parts.filter(Boolean));
    });
    stream.on("end", () => void (rest && lines.push(rest)));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, url: `http://127.0.0.1:${options.port}`, lines, exited };
}

/** True while the process has not exited. */
export function isRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** `GET /readyz`'s status code, or 0 when nothing answers. */
export async function readyStatus(server: ServerProcess): Promise<number> {
  try {
    return (await fetch(`${server.url}/readyz`)).status;
  } catch {
    return 0;
  }
}

/** Waits until `check` holds, polling; fails with `what` and the process's last log lines after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, server?: ServerProcess): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return;
    if (server && !isRunning(server)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${server ? `; process ${isRunning(server) ? "running" : `exited (${server.child.exitCode ?? server.child.signalCode})`}; last lines:\n${server.lines.slice(-15).join("\n")}` : ""}`);
}

/** Waits until `/readyz` answers 200. */
export function waitReady(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  return waitFor("ready", async () => (await readyStatus(server)) === 200, timeoutMs, server);
}

/** Sends a signal and waits for the exit. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (isRunning(server)) server.child.kill(signal);
  return server.exited;
}

/** A GraphQL request's HTTP status and body, or the network error it met. */
export interface Answer {
  status: number;
  body?: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  networkError?: string;
}

/** POSTs a GraphQL request; a network failure is an answer too (`networkError`), never a throw. */
export async function gql(server: ServerProcess, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  } catch (error) {
    return { status: 0, networkError: String((error as { cause?: unknown }).cause ?? error) };
  }
}

/** Signs the first demo customer in and returns its bearer token. */
export async function customerToken(server: ServerProcess): Promise<string> {
  const customer = DEMO_CUSTOMERS[0]!;
  const answer = await gql(server, `mutation($email: String!, $password: String!) { customerAccessTokenCreate(input: { email: $email, password: $password }) { customerAccessToken { accessToken } } }`, { email: customer.email, password: customer.password });
  const token = answer.body?.data?.customerAccessTokenCreate?.customerAccessToken?.accessToken as string | undefined;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(answer)}`);
  return token;
}

/** A pre-order of one line (no stock check), keyed by `key`. */
export const PLACE_ORDER = `mutation($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: "SKU-00007", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code message } } }`;

/** The pid in an embedded data directory's `postmaster.pid`, or null when there is none. */
export function postmasterPid(dataDir: string): number | null {
  const file = `${dataDir}/postmaster.pid`;
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

/** The outbox rows of these orders (two each: the store and the ERP) not yet DELIVERED, in the database at `databaseUrl`; Infinity while some are missing. */
export async function undeliveredOrders(databaseUrl: string, orderIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ total: number; open: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'DELIVERED')::int AS open FROM outbox WHERE aggregatetype = 'Order' AND aggregateid = ANY($1)`,
      [orderIds],
    );
    return rows[0]!.total === orderIds.length * 2 ? rows[0]!.open : Number.POSITIVE_INFINITY;
  } finally {
    await client.end();
  }
}

/** A new temporary directory for a server's `DATA_DIR` (readable by the `postgres` user PostgreSQL runs as under root). */
export function makeDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `commerce-graph-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * Ends whatever a failed assertion left running — the servers, the PostgreSQL of
 * `dataDir` and any other PostgreSQL pids the test saw — and removes `dataDir`.
 */
export async function cleanUpServers(servers: ServerProcess[], dataDir: string, postgresPids: Iterable<number> = []): Promise<void> {
  for (const server of servers) if (isRunning(server)) await stopServer(server, "SIGKILL");
  const pids = new Set(postgresPids);
  const last = postmasterPid(join(dataDir, "postgres"));
  if (last) pids.add(last);
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, "SIGINT");
  rmSync(dataDir, { recursive: true, force: true });
}
