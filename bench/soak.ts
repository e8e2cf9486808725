/**
 * `npm run bench:soak`: ten minutes of steady mixed reads (catalog pages of
 * every size, product pages, order history) against Commerce Graph, sampling
 * the server process's memory after a garbage collection every 30 s. Memory
 * that keeps growing after the first minute is a leak. Writes bench/SOAK.md.
 *
 *   SOAK_SECONDS (default 600), BENCH_CONNECTIONS (default 10)
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createApiKey } from "../src/auth/api-keys.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres.js";
import { SCENARIOS } from "./reads.js";
import { load, memoryMiB, seededDatabase, startCommerceGraph } from "./support.js";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_EVERY_S = 30;
const WARM_UP_S = 60;

const dir = mkdtempSync(join(tmpdir(), "commerce-graph-soak-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: 0, ephemeral: true });
try {
  const dataSource = await seededDatabase(pg.url, "soak", 1);
  const [account] = (await dataSource.query(`SELECT id FROM account WHERE code = 'C00001'`)) as Array<{ id: string }>;
  const { secret } = await createApiKey(dataSource, { name: "soak", scopes: ["admin"] });
  const router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource);
  const server = await startCommerceGraph(dataSource, router);
  const variables = { account: `gid://store/Account/${account!.id}` };
  // Catalog pages of 1 to 100 products make 100 different cached responses; the other pages are never cached.
  const catalogPages = Array.from({ length: 100 }, (_, i) => JSON.stringify({ query: `query($n: Int) { products(first: $n) { nodes { id sku name listPrice { amount } } } }`, variables: { n: i + 1 } }));
  const bodies = catalogPages.flatMap((page) => [page, ...SCENARIOS.slice(1).map((s) => JSON.stringify({ query: s.query, variables }))]);

  const samples: Array<{ second: number; rss: number; heapUsed: number }> = [];
  const started = Date.now();
  const sample = () => samples.push({ second: Math.round((Date.now() - started) / 1000), ...memoryMiB() });
  sample();
  const timer = setInterval(() => {
    sample();
    console.log(`[${samples.at(-1)!.second} s] rss ${samples.at(-1)!.rss} MiB, heap ${samples.at(-1)!.heapUsed} MiB`);
  }, SAMPLE_EVERY_S * 1000);
  const result = await load(server.url, bodies, { authorization: `Bearer ${secret}`, seconds: SECONDS });
  clearInterval(timer);
  sample();
  await server.close();
  await router.close();
  await dataSource.destroy();

  // Growth: the mean of the last third of the samples against the first third after the warm-up.
  const steady = samples.filter((s) => s.second >= WARM_UP_S);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const mean = (xs: typeof steady, key: "rss" | "heapUsed") => xs.reduce((sum, s) => sum + s[key], 0) / xs.length;
  const growth = (key: "rss" | "heapUsed") => mean(steady.slice(-third), key) - mean(steady.slice(0, third), key);
  const heapGrowth = growth("heapUsed");
  const verdict = heapGrowth <= Math.max(5, 0.1 * mean(steady.slice(0, third), "heapUsed")) ? "no memory growth" : "memory grows";
  const commit = execFileSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
  const report = [
    `# Soak result`,
    ``,
    `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ${SECONDS} s of mixed reads (catalog pages of 1–100 products, product pages, 50-order history pages) from autocannon in a separate process, ${result.total} requests (${result.requestsPerSecond.toFixed(0)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors + result.non2xx} errors). Memory of the server process after a garbage collection, every ${SAMPLE_EVERY_S} s.`,
    ``,
    `**${verdict}**: after the ${WARM_UP_S} s warm-up, the V8 heap's last third averages ${heapGrowth >= 0 ? "+" : ""}${heapGrowth.toFixed(1)} MiB against its first third (RSS ${growth("rss") >= 0 ? "+" : ""}${growth("rss").toFixed(1)} MiB). The verdict allows 5 MiB or 10 %, whichever is larger.`,
    ``,
    `| second | RSS MiB | heap MiB |`,
    `| --- | --- | --- |`,
    ...samples.map((s) => `| ${s.second} | ${s.rss} | ${s.heapUsed} |`),
    ``,
  ].join("\n");
  writeFileSync(join(import.meta.dirname, "SOAK.md"), report);
  console.log(`${verdict}; written to bench/SOAK.md`);
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
