import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "../src/db/data-source.js";
import { insertCommand, insertOutboxRow, jobKeyOf, resetFailedDeliveries, scheduleDelivery } from "../src/outbox/outbox-store.js";

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
});
