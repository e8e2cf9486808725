import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { InboundChangeSchema, type InboundChangeInput } from "../src/commands/inbound-changes.js";
import { ALL_COMMAND_TYPES } from "../src/commands/command-types.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { DOMAINS } from "../src/connectors/connector.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { defineKind } from "../src/connectors/kind.js";
import { Router, type ReadRoutes } from "../src/connectors/router.js";
import type { SyncSource } from "../src/connectors/sync.js";
import type { createDataSource } from "../src/db/data-source.js";
import { runSync, SyncInterruptedError, type SyncDeps } from "../src/domains/inbound/sync/sync-runner.js";
import { createLogger } from "../src/logger.js";
import { FakeSyncBackend } from "./fakes/sync-backend.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// Ctrl-C (an aborted run) is not a sync failure: the error count and the last error stay as they were.

/** A sync source over the fake backend's pages: the cursor is the next page to ask for. */
function pagedSource(url: string): SyncSource {
  return {
    async *pages(cursor, { signal, takeTurn }) {
      for (let page = cursor === null ? 1 : Number(cursor); ; page++) {
        await takeTurn();
        const response = await fetch(`${url}/changes?page=${page}`, { signal });
        if (!response.ok) throw new Error(`the backend answered ${response.status} for page ${page}`);
        const body = (await response.json()) as { changes: unknown[]; total: number; last: boolean };
        const changes = z.array(InboundChangeSchema).parse(body.changes);
        yield { changes, cursor: String(changes.length > 0 ? page + 1 : page), total: body.total };
        if (body.last) return;
      }
    },
  };
}

const pagedKind = defineKind({
  name: "test-abort-paged",
  summary: "a backend of this test that keeps catalog changes in pages",
  settings: z.object({ url: z.string() }),
  capabilities: { reads: {}, applies: [], delivery: "push", sync: ["catalog"] },
  create: ({ settings }) => ({ readers: {}, sync: { catalog: pagedSource(settings.url) } }),
});

/** `count` product upserts with SKUs `<prefix>-1`…, two to a page. */
function productPages(prefix: string, count: number): InboundChangeInput[][] {
  const pages: InboundChangeInput[][] = [];
  for (let n = 1; n <= count; n++) {
    if (n % 2 === 1) pages.push([]);
    pages[pages.length - 1]!.push({ id: `${prefix}-${n}`, occurredAt: "2026-11-01T10:00:00Z", type: "product.upsert", product: { sku: `${prefix}-${n}`, name: `Aborted ${n}`, listPrice: "3.00" } });
  }
  return pages;
}

const backends = { clean: new FakeSyncBackend(productPages("ABORT-CLEAN", 8)), failed: new FakeSyncBackend(productPages("ABORT-FAILED", 8)) };
type Name = keyof typeof backends;

function routerOf(dataSource: ReturnType<typeof createDataSource>): Router {
  const store = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource).all();
  const paged = (Object.keys(backends) as Name[]).map((name) =>
    pagedKind.create({ name, settings: { url: backends[name].url, timeoutMs: 10_000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 10_000 } }, dataSource }),
  );
  const reads = Object.fromEntries(DOMAINS.map((domain) => [domain, ["store"]])) as unknown as ReadRoutes;
  const writes = Object.fromEntries(ALL_COMMAND_TYPES.map((type) => [type, ["store"]]));
  return new Router([...store, ...paged], reads, writes, new Map(), new Set(), new Map((Object.keys(backends) as Name[]).map((name) => [name, { schedules: {} }])));
}

let databaseUrl: string;
let server: TestServer;
let deps: SyncDeps;
beforeAll(async () => {
  for (const backend of Object.values(backends)) await backend.start();
  databaseUrl = await copyWriteTemplate("sync-abort");
  let router: Router | undefined;
  server = await startTestServer({ databaseUrl, router: (dataSource) => (router = routerOf(dataSource)) });
  deps = { dataSource: server.dataSource, router: router!, logger: createLogger("silent") };
});
afterAll(async () => {
  await server?.close();
  for (const backend of Object.values(backends)) await backend.stop();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

async function stateOf(connector: Name) {
  const [row] = (await server.dataSource.query(`SELECT cursor, running_since, last_success_at, errors, last_error FROM sync_state WHERE connector = $1 AND domain = 'catalog'`, [connector])) as any[];
  return row;
}

/** Runs the sync and aborts it once `pages` pages are stored. */
async function abortAfter(connector: Name, pages: number): Promise<void> {
  const stop = new AbortController();
  await expect(runSync(deps, connector, "catalog", { signal: stop.signal, onProgress: (p) => p.pages === pages && stop.abort() })).rejects.toBeInstanceOf(SyncInterruptedError);
}

describe("a sync run stopped by Ctrl-C", () => {
  it("counts no error and sets no last error; the cursor stays where it got to", async () => {
    await abortAfter("clean", 2);
    expect(await stateOf("clean")).toMatchObject({ cursor: "3", running_since: null, last_success_at: null, errors: 0, last_error: null });
  });

  it("keeps the error count and the last error of an earlier failed run as they were", async () => {
    backends.failed.failPageOnce = 2;
    await expect(runSync(deps, "failed", "catalog")).rejects.toThrow("the backend answered 500 for page 2");
    expect(await stateOf("failed")).toMatchObject({ cursor: "2", errors: 1, last_error: "the backend answered 500 for page 2" });

    await abortAfter("failed", 1);
    expect(await stateOf("failed")).toMatchObject({ cursor: "3", running_since: null, errors: 1, last_error: "the backend answered 500 for page 2" });

    // A run to the end clears them.
    await runSync(deps, "failed", "catalog");
    expect(await stateOf("failed")).toMatchObject({ errors: 0, last_error: null });
  });
});
