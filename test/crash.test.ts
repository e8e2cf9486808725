import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { configWithErp } from "./support/erp-config.js";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** Kept short for CI; `npm run test:crash` sets bigger numbers. */
const ORDERS = Number(process.env.CRASH_ORDERS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 4);

let server: TestServer;
let erp: FakeCommandBackend;
let databaseUrl: string;

beforeAll(async () => {
  erp = await new FakeCommandBackend().start();
  erp.delayMs = 20; // each delivery takes a little time, so kills land mid-delivery
  const template = inject("writeTemplateUrl");
  databaseUrl = await copyDatabase(template, `crash_${process.pid}_${randomBytes(4).toString("hex")}`, new URL(template).pathname.slice(1));
  // The API only accepts commands here: the relay runs in child processes that the test kills.
  server = await startTestServer({ databaseUrl, router: (dataSource) => buildRouter(configWithErp(erp.url, ["orderPlace", "orderCancel"]), dataSource) });
}, 120_000);

/** Relay processes still alive, killed after the test whatever happens. */
const running = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) await kill(child);
  await server.close();
  await erp.stop();
  await dropDatabase(databaseUrl);
});

function startRelayProcess(): Promise<ChildProcess> {
  const child = fork(new URL("./support/relay-process.ts", import.meta.url).pathname, [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ERP_URL: erp.url },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`relay exited early (${code})`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("relay crash safety", () => {
  it(`SIGKILLed up to ${KILLS} times while delivering ${ORDERS} orders (and cancels): nothing lost, nothing applied twice, in order, all SYNCED`, async () => {
    const token = await server.customerToken(0);
    const orderIds: string[] = [];
    const cancelled = new Set<string>();
    for (let i = 0; i < ORDERS; i++) {
      const placed = dataAt<any>(
        await server.gql(
          `mutation($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: "SKU-00007", quantity: 1 }] }, idempotencyKey: $key) { order { id } } }`,
          { key: `crash-${i}` },
          token,
        ),
        "orderPlace",
      );
      orderIds.push(placed.order.id);
      if (i % 4 === 0) {
        dataAt(await server.gql(`mutation($id: ID!, $key: String!) { orderCancel(input: { orderId: $id, reason: "test" }, idempotencyKey: $key) { order { id } } }`, { id: placed.order.id, key: `crash-cancel-${i}` }, token), "orderCancel");
        cancelled.add(placed.order.id.split("/").pop());
      }
    }

    const undelivered = async () => ((await server.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE status <> 'DELIVERED'`)) as Array<{ n: number }>)[0]!.n;
    let relay = await startRelayProcess();
    running.add(relay);
    const outstandingAtKill: number[] = [];
    // Kill at random points while this process is delivering: after a few more requests reach the ERP.
    const window = Math.max(15, Math.round(ORDERS / 40));
    for (let k = 0; k < KILLS; k++) {
      const target = erp.received.length + 1 + Math.floor(Math.random() * window);
      const until = Date.now() + 10_000;
      while (erp.received.length < target && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
      const outstanding = await undelivered();
      if (outstanding === 0) break; // everything arrived before the planned kills ran out
      outstandingAtKill.push(outstanding);
      await kill(relay);
      relay = await startRelayProcess();
      running.add(relay);
    }
    // The kills interrupted delivery: each one left work outstanding.
    expect(outstandingAtKill.length).toBeGreaterThanOrEqual(Math.min(KILLS, 3));

    // After the last restart, everything must arrive (bounded wait).
    const deadline = Date.now() + 90_000;
    let pending = -1;
    while (Date.now() < deadline) {
      pending = await undelivered();
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await kill(relay);
    expect(pending).toBe(0);

    const erpRows = (await server.dataSource.query(`SELECT id, type, aggregateid FROM outbox WHERE connector = 'erp' ORDER BY sequence`)) as Array<{ id: string; type: string; aggregateid: string }>;
    expect(erpRows).toHaveLength(ORDERS + cancelled.size);
    // Applied exactly once each (redeliveries after a kill reuse the key and are answered from the ERP's memory).
    const appliedKeys = erp.applied.map((r) => r.idempotencyKey);
    expect(new Set(appliedKeys).size).toBe(appliedKeys.length);
    expect(new Set(appliedKeys)).toEqual(new Set(erpRows.map((r) => r.id)));
    // In order per order: a cancel never before its place.
    for (const id of cancelled) {
      expect(erp.applied.filter((r) => r.body.aggregateId === id).map((r) => r.type)).toEqual(["orderPlace", "orderCancel"]);
    }
    const sync = (await server.dataSource.query(
      `SELECT count(*)::int AS n FROM "order" o WHERE o.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM outbox x WHERE x.command_id = o.last_command_id AND x.status <> 'DELIVERED')`,
      [orderIds.map((id) => id.split("/").pop())],
    )) as Array<{ n: number }>;
    expect(sync[0]!.n).toBe(0);
    const statuses = dataAt<any>(await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { syncStatus } } }`, { ids: orderIds.slice(0, 100) }, token), "nodes");
    expect(new Set(statuses.map((o: any) => o.syncStatus))).toEqual(new Set(["SYNCED"]));
    console.log(
      `crash test: ${ORDERS} orders, ${cancelled.size} cancels, ${outstandingAtKill.length} kills (outstanding at each: ${outstandingAtKill.join(", ")}), ` +
        `${erp.received.length} ERP requests for ${appliedKeys.length} commands (${erp.received.length - appliedKeys.length} redeliveries answered from the ERP's memory)`,
    );
  }, 300_000);
});
