import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import type { QueryRunner } from "typeorm";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/**
 * `/readyz` needs no credentials, so a flood of it must not take the pool from
 * everyone else: its database work is shared and cheap, and a full pool is
 * reported as `busy`, not as the database being down. Here on a database of its
 * own with a long delivered history (300,000 outbox rows).
 */
const DELIVERED = 300_000;
let databaseUrl: string;
let server: TestServer;
beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("readyz");
  server = await startTestServer({ databaseUrl, readyzRefreshMs: 60_000 });
  await server.dataSource.query(
    `WITH c AS (
       INSERT INTO command (type, aggregate_type, aggregate_id, payload, idempotency_key, principal)
       SELECT 'orderPlace', 'Order', 'history-' || g, '{}', 'history-' || g, 'history' FROM generate_series(1, $1) g
       RETURNING id, type, aggregate_type, aggregate_id, payload)
     INSERT INTO outbox (aggregatetype, aggregateid, type, payload, command_id, connector, status, delivered_at)
     SELECT aggregate_type, aggregate_id, type, payload, id, 'store', 'DELIVERED', clock_timestamp() FROM c`,
    [DELIVERED],
  );
  await server.dataSource.query(`ANALYZE outbox`);
}, 120_000);
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

const readyz = () => server.app.inject({ method: "GET", url: "/readyz" });

describe("/readyz under a flood", () => {
  it("many probes at once cost one statement, and later ones within the refresh interval none", async () => {
    server.statements.reset();
    const answers = await Promise.all(Array.from({ length: 32 }, readyz));
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 32 }, () => 200));
    expect(answers[0]!.json()).toEqual({ status: "ready", database: "up", connectors: { store: "UP" } });
    expect(server.statements.count).toBe(1);
    await readyz();
    expect(server.statements.count).toBe(1);
  });

  it("a catalog read during a flood of probes that each refresh succeeds, and no probe says the database is down", async () => {
    // The worst case: no refresh interval, so each probe that finds no refresh running starts one.
    const eager = await startTestServer({ databaseUrl, readyzRefreshMs: 0, acquireTimeoutMs: 500 });
    try {
      const probes = Array.from({ length: 64 }, () => eager.app.inject({ method: "GET", url: "/readyz" }));
      const read = eager.gql(graphql(`query ReadinessProducts { products(first: 5) { nodes { sku inventory { onHand } } } }`));
      const [answer, ...answers] = await Promise.all([read, ...probes]);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.products.nodes).toHaveLength(5);
      for (const probe of answers) expect(probe.json()).toMatchObject({ status: "ready", database: "up" });
      // Shared refreshes: far fewer statements than probes.
      expect(eager.statements.statements.filter((s) => s.includes("FROM outbox")).length).toBeLessThan(64);
    } finally {
      await eager.close();
    }
  });

  it("reads a connector's latest delivery and error with index probes, not a scan of the delivered history", async () => {
    const plan = (await server.dataSource.query(`EXPLAIN SELECT delivered_at FROM outbox WHERE connector = 'store' AND delivered_at IS NOT NULL ORDER BY delivered_at DESC LIMIT 1`)) as Array<{ "QUERY PLAN": string }>;
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("outbox_delivered_idx");
  });
});

describe("/readyz with a full pool", () => {
  it("says the database is busy (degraded, 200), not down", async () => {
    const busy = await startTestServer({ databaseUrl, readyzRefreshMs: 0, acquireTimeoutMs: 200 });
    const held: QueryRunner[] = [];
    try {
      // Take every connection of the pool of 4.
      for (let i = 0; i < 4; i++) {
        const runner = busy.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const answer = await busy.app.inject({ method: "GET", url: "/readyz" });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({ status: "degraded", database: "busy", connectors: { store: "UP" } });
    } finally {
      for (const runner of held) await runner.release();
      await busy.close();
    }
  });
});
