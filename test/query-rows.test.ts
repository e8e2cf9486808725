import pg from "pg";
import type { DataSource, EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "../src/db/data-source.js";
import { queryCount, queryRow, queryRows, type Queryable } from "../src/db/query-rows.js";

let dataSource: DataSource;
let pool: pg.Pool;
beforeAll(async () => {
  dataSource = createDataSource({ url: inject("databaseUrl") });
  await dataSource.initialize();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
});
afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
});

/** A temporary table of three rows, gone with the transaction (the shared database is never written to). */
async function withTemporaryRows(db: Queryable): Promise<void> {
  await queryRows(db, `CREATE TEMPORARY TABLE probe (id int PRIMARY KEY, n int NOT NULL) ON COMMIT DROP`);
  await queryRows(db, `INSERT INTO probe VALUES (1, 10), (2, 20), (3, 30)`);
}

/** Runs `body` in a transaction of the data source that is always rolled back. */
async function inRolledBackTransaction(body: (manager: EntityManager) => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await body(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe("queryRows, queryRow and queryCount", () => {
  it("read a SELECT's rows as pg decodes them (bigint and numeric as strings)", async () => {
    const rows = await queryRows<{ n: number; big: string; price: string }>(dataSource, `SELECT g::int AS n, g::bigint AS big, (g * 1.5)::numeric(6,2) AS price FROM generate_series(1, 3) g ORDER BY g`);
    expect(rows).toEqual([
      { n: 1, big: "1", price: "1.50" },
      { n: 2, big: "2", price: "3.00" },
      { n: 3, big: "3", price: "4.50" },
    ]);
    expect(await queryRow<{ n: number }>(dataSource, `SELECT 7 AS n WHERE $1::boolean`, [true])).toEqual({ n: 7 });
    expect(await queryRow<{ n: number }>(dataSource, `SELECT 7 AS n WHERE $1::boolean`, [false])).toBeUndefined();
  });

  it("read UPDATE … RETURNING rows and count touched rows through an entity manager", async () => {
    await inRolledBackTransaction(async (manager) => {
      await withTemporaryRows(manager);
      // TypeORM answers [rows, count] for an UPDATE: the rows are what come back.
      expect(await queryRows<{ id: number; n: number }>(manager, `UPDATE probe SET n = n + 1 WHERE id >= $1 RETURNING id, n`, [2])).toEqual([
        { id: 2, n: 21 },
        { id: 3, n: 31 },
      ]);
      expect(await queryRows(manager, `UPDATE probe SET n = n + 1 WHERE id > 3 RETURNING id`)).toEqual([]);
      expect(await queryCount(manager, `UPDATE probe SET n = 0 WHERE id <= $1`, [2])).toBe(2);
      expect(await queryCount(manager, `DELETE FROM probe WHERE id = 3 RETURNING id`)).toBe(1);
      expect(await queryCount(manager, `DELETE FROM probe WHERE id = 3`)).toBe(0);
      expect(await queryRows<{ id: number; n: number }>(manager, `SELECT id, n FROM probe ORDER BY id`)).toEqual([
        { id: 1, n: 0 },
        { id: 2, n: 0 },
      ]);
    });
  });

  it("do the same through a pg client holding a transaction (the relay's)", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await withTemporaryRows(client);
      expect(await queryRows<{ id: number; n: number }>(client, `UPDATE probe SET n = n * 2 WHERE id = $1 RETURNING id, n`, [3])).toEqual([{ id: 3, n: 60 }]);
      expect(await queryRow<{ id: number }>(client, `UPDATE probe SET n = 0 WHERE id = 9 RETURNING id`)).toBeUndefined();
      expect(await queryCount(client, `UPDATE probe SET n = 1`)).toBe(3);
      expect(await queryCount(client, `DELETE FROM probe WHERE id < 3 RETURNING id`)).toBe(2);
      expect(await queryRows<{ id: number; n: number }>(client, `SELECT id, n FROM probe`)).toEqual([{ id: 3, n: 1 }]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
