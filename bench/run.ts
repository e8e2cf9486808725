/**
 * `npm run bench`: Commerce Graph measured against limits taken in the same
 * run — reads against a bare graphql-js server over the same schema,
 * resolvers and data; `orderPlace` against PostgreSQL's single-row insert
 * rate — then by data size and by concurrency. Starts a PostgreSQL of its
 * own; load comes from autocannon in a separate process. The tables go to
 * bench/RESULTS.md with the machine, date and commit.
 *
 *   BENCH_SECONDS (default 10 per run), BENCH_CONNECTIONS (default 10)
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createApiKey } from "../src/auth/api-keys.js";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres.js";
import { compareReads, concurrencyCurve, slowConnector, throughputAtScale } from "./reads.js";
import { CONNECTIONS, SECONDS, seededDatabase } from "./support.js";
import { measureWrites } from "./writes.js";

const started = Date.now();
const print = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const dir = mkdtempSync(join(tmpdir(), "commerce-graph-bench-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: 0, ephemeral: true });
try {
  const credentials = async (dataSource: Awaited<ReturnType<typeof seededDatabase>>) => {
    const [account] = (await dataSource.query(`SELECT id FROM account WHERE code = 'C00001'`)) as Array<{ id: string }>;
    const { secret, id: keyId } = await createApiKey(dataSource, { name: "bench", scopes: ["admin"] });
    return { secret, keyId, accountId: account!.id };
  };

  print("seeding scale 1");
  const scale1 = await seededDatabase(pg.url, "bench_scale_1", 1);
  const auth1 = await credentials(scale1);
  const reads = await compareReads(scale1, auth1, print);
  const slow = await slowConnector(scale1, auth1.secret);
  print(slow.row);
  const at1 = await throughputAtScale(scale1, auth1);
  const curve = await concurrencyCurve(scale1, auth1, 1, [1, 10, 50]);
  curve.forEach((line) => print(`concurrency ${line}`));

  print("writes");
  const writes = await measureWrites(scale1, new URL("/bench_scale_1", pg.url).toString());
  print(JSON.stringify(writes));
  await scale1.destroy();

  print("seeding scale 10");
  const seedStarted = Date.now();
  const scale10 = await seededDatabase(pg.url, "bench_scale_10", 10);
  print(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`);
  const at10 = await throughputAtScale(scale10, await credentials(scale10));
  print(`scale 10: ${at10.throughputs.map((t) => t.toFixed(0)).join(", ")} req/s; ${JSON.stringify(at10.memory)}`);
  await scale10.destroy();

  const commit = execFileSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const percent = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
  const table = [
    `# Benchmark results`,
    ``,
    `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${machine}. Load: autocannon in a separate process, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback; servers, PostgreSQL and load share the machine. \`npm run bench\` took ${((Date.now() - started) / 60000).toFixed(1)} minutes.`,
    ``,
    `## Reads against the graphql-js ceiling`,
    ``,
    `Baseline: a bare node:http server running graphql-js with a cached parse and validation, over the same schema, resolvers, connectors and data, with no authentication, limits, cost, cache or logging. Commerce Graph runs as served, with an admin API key. Ratios are Commerce Graph ÷ baseline (throughput: higher is better; p50: lower is better). Seed scale 1.`,
    ``,
    `| scenario | baseline req/s | Commerce Graph req/s | throughput ratio | baseline p50 / p99 ms | Commerce Graph p50 / p99 ms | p50 ratio |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    ...reads,
    slow.row,
    ``,
    `## Writes`,
    ``,
    `\`orderPlace\` (one line, accounts and products in turn, a new idempotency key each) with the relay (in the same process, 4 streams at once, as \`npm start\` runs it) delivering every order to the store and to a fake ERP over HTTP: first as fast as the API answers, then at half that rate. Ceiling: single-row INSERTs per second from ${CONNECTIONS} connections, each its own transaction, on the same PostgreSQL. Commit-to-delivery: from the command's insert to the ERP's acknowledgement.`,
    ``,
    `| load | orderPlace/s | p50 / p99 ms | single-row inserts/s | of the ceiling | orders stored / failed requests | commit-to-delivery p50 / p99 ms | undelivered when the load stopped | all delivered after |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
    ...writes.runs.map(
      (w) =>
        `| ${w.rate === null ? "flat out" : `${w.rate}/s (half)`} | ${w.ordersPerSecond.toFixed(0)} | ${w.p50} / ${w.p99} | ${writes.insertsPerSecond.toFixed(0)} | ${percent(w.ordersPerSecond, writes.insertsPerSecond)} | ${w.ordersStored} / ${w.failedRequests} | ${w.deliveryP50} / ${w.deliveryP99} | ${w.backlogAtEnd} | ${w.drainSeconds.toFixed(1)} s |`,
    ),
    ``,
    `## Data size`,
    ``,
    `Commerce Graph's throughput on the same pages, response cache off, with ten times the data (scale 10: 5,000 products, 1,000 accounts, 50,000 orders). Memory: the bench process, which holds the server, after the loads of that scale and a garbage collection (RSS / V8 heap).`,
    ``,
    `| seed scale | (1) req/s | (2) req/s | (3) req/s | memory MiB |`,
    `| --- | --- | --- | --- | --- |`,
    `| 1 | ${at1.throughputs.map((t) => t.toFixed(0)).join(" | ")} | ${at1.memory.rss} / ${at1.memory.heapUsed} |`,
    `| 10 | ${at10.throughputs.map((t) => t.toFixed(0)).join(" | ")} | ${at10.memory.rss} / ${at10.memory.heapUsed} |`,
    ``,
    `## Concurrency`,
    ``,
    `(2) the product page with the account's prices, Commerce Graph alone, scale 1.`,
    ``,
    `| connections | req/s | p50 / p99 ms | RSS MiB | errors |`,
    `| --- | --- | --- | --- | --- |`,
    ...curve,
    ``,
    `The 10-minute soak is separate (\`npm run bench:soak\`); its latest result is in bench/SOAK.md.`,
    ``,
  ].join("\n");
  writeFileSync(join(import.meta.dirname, "RESULTS.md"), table);
  print("written to bench/RESULTS.md");
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
