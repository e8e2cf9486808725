import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InboundChangeInput } from "../src/commands/inbound-changes.js";
import { connectorsConfig, type ConnectorsConfig } from "../src/connectors/connectors-config.js";
import { applyWaitingChanges } from "../src/domains/inbound/inbound-apply.js";
import { MAX_PUSH_BODY_BYTES } from "../src/domains/inbound/push-route.js";
import { signBatch } from "../src/domains/inbound/push-signature.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { createLogger } from "../src/logger.js";
import { PushingBackend } from "./fakes/pushing-backend.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// POST /connectors/<name>/events over real HTTP: what is refused (and stores nothing), what is accepted once.

const SECRET = "push-test-secret-0123456789abcdefghijklmnop";

/** The store, an ERP that pushes (signed with SECRET), and a connector that does not accept pushes. */
function config(): ConnectorsConfig {
  return connectorsConfig({
    connectors: {
      store: { kind: "store" },
      erp: { kind: "http-commands", url: "http://127.0.0.1:9", applies: ["inventorySet"], events: { secret: SECRET, toleranceSeconds: 300 } },
      quiet: { kind: "http-commands", url: "http://127.0.0.1:9", applies: ["inventorySet"] },
    },
  });
}

let databaseUrl: string;
let server: TestServer;
let baseUrl: string;
let erp: PushingBackend;
let sku: string;

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await server.dataSource.query(query, params)) as T[];
}

/** Rows of inbound_event, all connectors. */
async function storedEvents(): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_event`);
  return row!.n;
}

/** A stock level change for a SKU of the seed in WH-EAST. */
function stockLevel(id: string, quantity: number, occurredAt = "2026-11-01T10:00:00Z"): InboundChangeInput {
  return { type: "stock.level", id, occurredAt, sku, warehouseCode: "WH-EAST", quantity };
}

beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("push");
  server = await startTestServer({ databaseUrl, connectors: config() });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  erp = new PushingBackend(baseUrl, "erp", SECRET);
  const [row] = await sql<{ sku: string }>(`SELECT p.sku FROM product p JOIN inventory_level il ON il.product_id = p.id JOIN warehouse w ON w.id = il.warehouse_id WHERE w.code = 'WH-EAST' ORDER BY p.sku LIMIT 1`);
  sku = row!.sku;
});
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

describe("refused batches store nothing", () => {
  let before: number;
  beforeEach(async () => {
    before = await storedEvents();
  });
  const expectNothingStored = async () => expect(await storedEvents()).toBe(before);

  it("answers 404, the same way, for an unknown connector and for one without events settings", async () => {
    const unknown = await new PushingBackend(baseUrl, "nobody", SECRET).push([stockLevel("e-404-a", 1)]);
    const quiet = await new PushingBackend(baseUrl, "quiet", SECRET).push([stockLevel("e-404-b", 1)]);
    const badName = await new PushingBackend(baseUrl, "constructor", SECRET).push([stockLevel("e-404-c", 1)]);
    expect(unknown).toEqual({ status: 404, body: { code: "NOT_FOUND", message: "No connector accepts events at this address." } });
    expect(quiet).toEqual(unknown);
    expect(badName).toEqual(unknown);
    await expectNothingStored();
  });

  it("answers 401 without a signature, and with a signature made with another secret", async () => {
    const unsigned = await erp.push([stockLevel("e-401-a", 1)], { signature: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.code).toBe("SIGNATURE_MISSING");
    const wrongSecret = await erp.push([stockLevel("e-401-b", 1)], { secret: "another-secret-0123456789abcdefghijklmnop" });
    expect(wrongSecret).toMatchObject({ status: 401, body: { code: "SIGNATURE_INVALID" } });
    const garbage = await erp.push([stockLevel("e-401-c", 1)], { signature: "sha256=not-hex" });
    expect(garbage).toMatchObject({ status: 401, body: { code: "SIGNATURE_INVALID" } });
    await expectNothingStored();
  });

  it("answers 401 for a body changed after it was signed", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify({ changes: [stockLevel("e-401-d", 1)] });
    const tampered = await erp.pushRaw(signed.replace('"quantity":1', '"quantity":9'), { timestamp, signature: signBatch(SECRET, timestamp, signed) });
    expect(tampered).toMatchObject({ status: 401, body: { code: "SIGNATURE_INVALID" } });
    await expectNothingStored();
  });

  it("answers 401 for a stale timestamp and for one from the future, even when correctly signed", async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await erp.push([stockLevel("e-401-e", 1)], { timestamp: now - 310 });
    const future = await erp.push([stockLevel("e-401-f", 1)], { timestamp: now + 310 });
    const notSeconds = await erp.push([stockLevel("e-401-g", 1)], { timestamp: Number.NaN });
    expect(stale).toMatchObject({ status: 401, body: { code: "TIMESTAMP_OUT_OF_TOLERANCE" } });
    expect(future).toMatchObject({ status: 401, body: { code: "TIMESTAMP_OUT_OF_TOLERANCE" } });
    expect(notSeconds).toMatchObject({ status: 401, body: { code: "TIMESTAMP_INVALID" } });
    // Just inside the tolerance is accepted (the boundary is the setting, not something tighter).
    expect((await erp.push([stockLevel("e-202-edge", 1)], { timestamp: now - 250 })).status).toBe(202);
    expect(await storedEvents()).toBe(before + 1);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const answer = await erp.pushRaw('{"changes": [');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_JSON");
    expect((await erp.pushRaw("")).status).toBe(400);
    await expectNothingStored();
  });

  it("answers 400 with zod's problems, each with its path, when one change of the batch is wrong", async () => {
    const answer = await erp.push([stockLevel("e-400-a", 1), { ...stockLevel("e-400-b", 1), occurredAt: "yesterday" } as InboundChangeInput]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "INVALID_BATCH", issueCount: 1, issues: [{ path: "changes.1.occurredAt", message: expect.any(String) }] });
    await expectNothingStored();
  });

  it("answers 400 for a change dated more than an hour ahead of our clock, naming its path", async () => {
    const ahead = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();
    const answer = await erp.push([stockLevel("e-400-future-a", 1), { ...stockLevel("e-400-future-b", 1), occurredAt: ahead }]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "INVALID_BATCH", issueCount: 1, issues: [{ path: "changes.1.occurredAt", message: expect.stringContaining("more than one hour ahead of our clock") }] });
    await expectNothingStored();
  });

  it("lists at most 20 problems, and says how many there were", async () => {
    const wrong = Array.from({ length: 30 }, (_, i) => ({ ...stockLevel(`e-400-many-${i}`, 1), quantity: -1 }));
    const answer = await erp.push(wrong);
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toHaveLength(20);
    expect(answer.body.issueCount).toBe(30);
    expect(answer.body.message).toContain("the first 20 of 30");
    await expectNothingStored();
  });

  it("answers 400 for an empty batch, more than 500 changes, and text holding U+0000", async () => {
    expect((await erp.push([])).status).toBe(400);
    const tooMany = await erp.push(Array.from({ length: 501 }, (_, i) => stockLevel(`e-400-big-${i}`, 1)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues[0].path).toBe("changes");
    const nul = await erp.push([{ ...stockLevel("e-400-nul", 1), id: "e-400-\u0000" }]);
    expect(nul).toMatchObject({ status: 400, body: { code: "INVALID_BATCH", issues: [{ path: "changes.0.id" }] } });
    const surrogate = await erp.push([{ ...stockLevel("e-400-sur", 1), id: "e-400-\ud800" }]);
    expect(surrogate).toMatchObject({ status: 400, body: { code: "INVALID_BATCH", issues: [{ path: "changes.0.id" }] } });
    await expectNothingStored();
  });

  it("answers 413 for a body over the limit, and 415 for a body that is not sent as JSON", async () => {
    const padding = "x".repeat(MAX_PUSH_BODY_BYTES);
    const tooLarge = await erp.pushRaw(JSON.stringify({ changes: [stockLevel("e-413", 1)], padding }));
    expect(tooLarge).toMatchObject({ status: 413, body: { code: "PAYLOAD_TOO_LARGE" } });
    const text = await erp.push([stockLevel("e-415", 1)], { contentType: "text/plain" });
    expect(text).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    await expectNothingStored();
  });
});

describe("what the route is not under", () => {
  it("refuses an unsigned flood before reading it: an oversized body without a signature is 401, not 413", async () => {
    const huge = JSON.stringify({ changes: [stockLevel("e-flood", 1)], padding: "x".repeat(MAX_PUSH_BODY_BYTES) });
    expect(await erp.pushRaw(huge, { signature: null })).toMatchObject({ status: 401, body: { code: "SIGNATURE_MISSING" } });
    expect(await erp.pushRaw(huge, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).toMatchObject({ status: 401, body: { code: "TIMESTAMP_OUT_OF_TOLERANCE" } });
  });

  it("answers no CORS headers, even to an origin the GraphQL API allows", async () => {
    const origin = "https://studio.apollographql.com";
    const graphqlAnswer = await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(graphqlAnswer.headers.get("access-control-allow-origin")).toBe(origin);
    const body = JSON.stringify({ changes: [stockLevel("e-cors", 1)] });
    const timestamp = Math.floor(Date.now() / 1000);
    const pushAnswer = await fetch(`${baseUrl}/connectors/erp/events`, {
      method: "POST",
      headers: { origin, "content-type": "application/json", "x-commerce-graph-timestamp": String(timestamp), "x-commerce-graph-signature": signBatch(SECRET, timestamp, body) },
      body,
    });
    expect(pushAnswer.status).toBe(202);
    expect(pushAnswer.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("accepted batches", () => {
  it("answers 202, stores the changes and schedules their application; the same batch again is all duplicates and applies nothing twice", async () => {
    const batch = [stockLevel("e-202-a", 41, "2026-11-02T10:00:00Z"), stockLevel("e-202-b", 42, "2026-11-02T11:00:00Z")];
    const first = await erp.push(batch);
    expect(first).toEqual({ status: 202, body: { accepted: 2, duplicates: 0 } });
    const rows = await sql<{ event_id: string; status: string }>(`SELECT event_id, status FROM inbound_event WHERE connector = 'erp' AND event_id IN ('e-202-a', 'e-202-b') ORDER BY event_id`);
    expect(rows).toEqual([
      { event_id: "e-202-a", status: "RECEIVED" },
      { event_id: "e-202-b", status: "RECEIVED" },
    ]);
    const jobs = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'apply_inbound_changes' AND key = 'apply_inbound:erp'`);
    expect(jobs[0]!.n).toBe(1);

    const deps = { dataSource: server.dataSource, router: buildRouter(config(), server.dataSource), logger: createLogger("silent") };
    const applied = await applyWaitingChanges(deps, "erp");
    expect(applied.applied).toBeGreaterThanOrEqual(2);
    const commandsAfterFirst = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM command WHERE origin = 'erp'`);

    const again = await erp.push(batch);
    expect(again).toEqual({ status: 202, body: { accepted: 0, duplicates: 2 } });
    expect(await applyWaitingChanges(deps, "erp")).toMatchObject({ applied: 0 });
    expect(await sql(`SELECT count(*)::int AS n FROM command WHERE origin = 'erp'`)).toEqual(commandsAfterFirst);
    const [level] = await sql<{ on_hand: number }>(
      `SELECT il.on_hand FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id WHERE p.sku = $1 AND w.code = 'WH-EAST'`,
      [sku],
    );
    expect(Number(level!.on_hand)).toBe(42);
    await deps.router.close();
  });
});

describe("our database not answering", () => {
  it("answers 503 with Retry-After, so that the backend retries the batch", async () => {
    // The second server reaches PostgreSQL through a TCP relay that is then cut.
    const target = new URL(databaseUrl);
    const sockets = new Set<Socket>();
    const relay: Server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const relayed = new URL(databaseUrl);
    relayed.host = `127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const cut = await startTestServer({ databaseUrl: relayed.toString(), connectors: config() });
    try {
      await cut.app.listen({ port: 0, host: "127.0.0.1" });
      const pusher = new PushingBackend(`http://127.0.0.1:${(cut.app.server.address() as AddressInfo).port}`, "erp", SECRET);
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      const before = await storedEvents();
      const answer = await pusher.push([stockLevel("e-503", 1)]);
      expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { code: "DATABASE_UNAVAILABLE" } });
      expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/);
      expect(await storedEvents()).toBe(before);
    } finally {
      await cut.app.close();
      await cut.dataSource.destroy().catch(() => undefined);
    }
  });
});
