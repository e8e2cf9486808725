import { EntitySchema, type DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "../src/db/data-source.js";
import { CommandEntity, ENTITIES, IdempotencyRecordEntity, OutboxEntity } from "../src/db/entities/index.js";

/** The statements TypeORM's schema builder would run to make the database match `dataSource`'s entities. */
async function schemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

let dataSource: DataSource;
beforeAll(async () => {
  // The shared database the migrations built; the schema builder only reads it (log(), never synchronize).
  dataSource = createDataSource({ url: inject("databaseUrl") });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

describe("the outbox, command and idempotency entities", () => {
  it("are the data source's entities, on their tables", () => {
    expect(dataSource.entityMetadatas.map((m) => m.tableName).sort()).toEqual(["command", "idempotency_record", "outbox"]);
    expect(ENTITIES).toEqual([CommandEntity, OutboxEntity, IdempotencyRecordEntity]);
  });

  it("match the tables the migrations built: TypeORM's schema builder finds nothing to change", async () => {
    expect(await schemaChanges(dataSource)).toEqual([]);
  });

  it("a column that differs from the migration is found (the comparison is real)", async () => {
    const { options } = OutboxEntity;
    // `last_error` as NOT NULL, `attempts` without its default: both differ from the table.
    const wrong = new EntitySchema({
      ...options,
      columns: { ...options.columns, lastError: { ...options.columns.lastError!, nullable: false }, attempts: { type: "int" } },
      foreignKeys: [],
    });
    const other = createDataSource({ url: inject("databaseUrl") });
    other.setOptions({ entities: [CommandEntity, wrong, IdempotencyRecordEntity] });
    await other.initialize();
    try {
      const changes = await schemaChanges(other);
      expect(changes.some((q) => /ALTER TABLE "outbox" ALTER COLUMN "last_error" SET NOT NULL/.test(q))).toBe(true);
      expect(changes.some((q) => /ALTER TABLE "outbox" ALTER COLUMN "attempts" DROP DEFAULT/.test(q))).toBe(true);
      // The foreign key the wrong entity leaves out would be dropped.
      expect(changes.some((q) => /DROP CONSTRAINT "outbox_command_id_fkey"/.test(q))).toBe(true);
    } finally {
      await other.destroy();
    }
  });
});
