import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "../src/db/data-source.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { enqueueCommand } from "../src/outbox/enqueue.js";
import {
  insertCommand,
  insertOutboxRow,
  jobKeyOf,
  markDelivered,
  markFailed,
  nextDeliverable,
  resetFailedDeliveries,
  scheduleDelivery,
  type NewCommandRow,
} from "../src/outbox/outbox-store.js";
import { configWithErp } from "./support/erp-config.js";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource({ url: inject("databaseUrl") });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

/** Runs `work` in a transaction that is always rolled back: the shared database stays as it was. */
async function rolledBack(work: (manager: EntityManager) => Promise<void>): Promise<void> {
  await dataSource
    .transaction(async (manager) => {
      await work(manager);
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
}
class RollBack extends Error {}

describe("the outbox store", () => {
  it("resetting a command's FAILED deliveries returns each one's whole stream, and scheduling it queues that stream's job", async () => {
    await rolledBack(async (manager) => {
      const orderId = randomUUID();
      const command = { type: "orderCancel", aggregateType: "Order", aggregateId: orderId, payload: {}, idempotencyKey: `k-${orderId}`, principal: "test" } as const;
      const commandId = await insertCommand(manager, command);
      await insertOutboxRow(manager, commandId, command, "erp");
      await insertOutboxRow(manager, commandId, command, "store");
      await manager.query(`UPDATE outbox SET status = 'FAILED', attempts = 9 WHERE command_id = $1 AND connector = 'erp'`, [commandId]);

      const streams = await resetFailedDeliveries(manager, commandId);
      expect(streams).toEqual([{ connector: "erp", aggregateType: "Order", aggregateId: orderId }]);
      const [row] = (await manager.query(`SELECT status, attempts FROM outbox WHERE command_id = $1 AND connector = 'erp'`, [commandId])) as Array<{ status: string; attempts: number }>;
      expect(row).toEqual({ status: "PENDING", attempts: 0 });

      await scheduleDelivery(manager, streams[0]!);
      const jobs = (await manager.query(`SELECT key FROM graphile_worker.jobs WHERE key = $1`, [jobKeyOf(streams[0]!)])) as Array<{ key: string }>;
      expect(jobs).toEqual([{ key: `deliver:erp:Order:${orderId}` }]);
      expect(await resetFailedDeliveries(manager, commandId)).toEqual([]);
    });
  });

  /** Records a command with one outbox row for each of `connectors`; returns each row's id by connector. */
  async function record(manager: EntityManager, command: NewCommandRow, connectors: string[]): Promise<Record<string, string>> {
    const commandId = await insertCommand(manager, command);
    for (const connector of connectors) await insertOutboxRow(manager, commandId, command, connector);
    const rows = (await manager.query(`SELECT id, connector FROM outbox WHERE command_id = $1`, [commandId])) as Array<{ id: string; connector: string }>;
    return Object.fromEntries(rows.map((row) => [row.connector, row.id]));
  }
  const accountCommand = (accountId: string, type: "accountCreate" | "accountUpdate"): NewCommandRow => ({
    type,
    aggregateType: "Account",
    aggregateId: accountId,
    payload: {},
    idempotencyKey: `k-${type}-${accountId}`,
    principal: "test",
  });
  const orderCommand = (orderId: string, accountId: string): NewCommandRow => ({
    type: "orderPlace",
    aggregateType: "Order",
    aggregateId: orderId,
    payload: {},
    idempotencyKey: `k-${orderId}`,
    principal: "test",
    dependsOn: [`Account:${accountId}`],
  });
  const jobsOf = async (manager: EntityManager, key: string) =>
    (await manager.query(`SELECT key, run_at <= now() AS due FROM graphile_worker.jobs WHERE key = $1`, [key])) as Array<{ key: string; due: boolean }>;

  it("the next row of a stream says which earlier row of an aggregate it depends on, for the same connector, it waits for", async () => {
    await rolledBack(async (manager) => {
      const accountId = randomUUID();
      const orderId = randomUUID();
      const create = await record(manager, accountCommand(accountId, "accountCreate"), ["erp", "store"]);
      await record(manager, orderCommand(orderId, accountId), ["erp", "store"]);
      const later = await record(manager, accountCommand(accountId, "accountUpdate"), ["erp"]);
      await markDelivered(manager, create.store!, null, {});

      const erpRow = await nextDeliverable(manager, { connector: "erp", aggregateType: "Order", aggregateId: orderId });
      expect(erpRow?.blocker).toEqual({ aggregate_type: "Account", aggregate_id: accountId, command_id: expect.any(String), status: "PENDING" });
      const storeRow = await nextDeliverable(manager, { connector: "store", aggregateType: "Order", aggregateId: orderId });
      expect(storeRow?.blocker).toBeNull();

      // Delivered there, the create no longer holds the order back; the account's update enqueued after the order never did.
      await markDelivered(manager, create.erp!, "C-1", {});
      expect(await manager.query(`SELECT status FROM outbox WHERE id = $1`, [later.erp])).toEqual([{ status: "PENDING" }]);
      expect((await nextDeliverable(manager, { connector: "erp", aggregateType: "Order", aggregateId: orderId }))?.blocker).toBeNull();
    });
  });

  it("delivering a row wakes, now, the streams of that connector waiting for its aggregate, and only those", async () => {
    await rolledBack(async (manager) => {
      const accountId = randomUUID();
      const orderId = randomUUID();
      const otherOrderId = randomUUID();
      const create = await record(manager, accountCommand(accountId, "accountCreate"), ["erp"]);
      await record(manager, orderCommand(orderId, accountId), ["erp"]);
      await record(manager, orderCommand(otherOrderId, randomUUID()), ["erp"]);
      // The waiting stream's job was due much later (as after a backoff): the wake makes it due now.
      await scheduleDelivery(manager, { connector: "erp", aggregateType: "Order", aggregateId: orderId }, new Date(Date.now() + 3_600_000));
      const waiting = jobKeyOf({ connector: "erp", aggregateType: "Order", aggregateId: orderId });
      expect(await jobsOf(manager, waiting)).toEqual([{ key: waiting, due: false }]);

      expect(await markDelivered(manager, create.erp!, "C-1", {})).toBe(1);
      expect(await jobsOf(manager, waiting)).toEqual([{ key: waiting, due: true }]);
      expect(await jobsOf(manager, jobKeyOf({ connector: "erp", aggregateType: "Order", aggregateId: otherOrderId }))).toEqual([]);
    });
  });

  it("a row that FAILED wakes the streams waiting for its aggregate too (so that they say so)", async () => {
    await rolledBack(async (manager) => {
      const accountId = randomUUID();
      const orderId = randomUUID();
      const create = await record(manager, accountCommand(accountId, "accountCreate"), ["erp"]);
      await record(manager, orderCommand(orderId, accountId), ["erp"]);
      expect(await markFailed(manager, create.erp!, "422 refused")).toBe(1);
      const waiting = jobKeyOf({ connector: "erp", aggregateType: "Order", aggregateId: orderId });
      expect(await jobsOf(manager, waiting)).toEqual([{ key: waiting, due: true }]);
      expect((await nextDeliverable(manager, { connector: "erp", aggregateType: "Order", aggregateId: orderId }))?.blocker?.status).toBe("FAILED");
    });
  });

  it("enqueueCommand stores the aggregates a command depends on, and skips the connector a change came from", async () => {
    await rolledBack(async (manager) => {
      const router = buildRouter(configWithErp("http://127.0.0.1:9"), dataSource);
      const accountId = randomUUID();
      const orderId = randomUUID();
      const placed = await enqueueCommand(manager, router, {
        type: "orderCancel",
        aggregateId: orderId,
        idempotencyKey: `k-${orderId}`,
        principal: "test",
        payload: { number: "SO-1", reason: "test", whole: true, lines: [], amount: "0" },
        dependsOn: [{ aggregateType: "Account", aggregateId: accountId }, { aggregateType: "Account", aggregateId: accountId }],
      });
      const fromErp = await enqueueCommand(manager, router, {
        type: "orderCancel",
        aggregateId: orderId,
        idempotencyKey: `k2-${orderId}`,
        principal: "test",
        payload: { number: "SO-1", reason: "test", whole: true, lines: [], amount: "0" },
        origin: "erp",
      });
      const rows = (await manager.query(`SELECT command_id, connector, depends_on FROM outbox WHERE command_id = ANY($1) ORDER BY sequence`, [[placed, fromErp]])) as Array<{
        command_id: string;
        connector: string;
        depends_on: string[];
      }>;
      expect(rows).toEqual([
        { command_id: placed, connector: "store", depends_on: [`Account:${accountId}`] },
        { command_id: placed, connector: "erp", depends_on: [`Account:${accountId}`] },
        { command_id: fromErp, connector: "store", depends_on: [] },
      ]);
      const [origin] = (await manager.query(`SELECT origin FROM command WHERE id = $1`, [fromErp])) as Array<{ origin: string }>;
      expect(origin).toEqual({ origin: "erp" });
    });
  });
});
