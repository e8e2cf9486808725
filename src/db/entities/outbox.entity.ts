import { EntitySchema } from "typeorm";
import { CommandEntity } from "./command.entity.js";

/** A delivery's state: waiting, being delivered, waiting to be tried again, done, or given up (until an operator retries it). */
export type OutboxStatus = "PENDING" | "DELIVERING" | "RETRYING" | "DELIVERED" | "FAILED";

/**
 * A row of `outbox`: one command for one target connector (migrations 1700000000001
 * and 1700000000013). `id`, `aggregatetype`, `aggregateid`, `type` and `payload`
 * are Debezium's outbox columns, so the table can be streamed.
 */
export interface OutboxRow {
  id: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  payload: object;
  commandId: string;
  connector: string;
  /** bigserial: pg returns it as a decimal string. */
  sequence: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  reference: string | null;
  result: object | null;
  /** Aggregates (`Account:<id>`) whose earlier commands must reach the same connector first (migration 1700000000014). */
  dependsOn: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The `outbox` table as TypeORM sees it: the same columns, types, defaults, keys and indexes as its migrations (a test compares them). */
export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: "outbox",
  tableName: "outbox",
  columns: {
    id: { type: "uuid", primary: true, primaryKeyConstraintName: "outbox_pkey", generated: "uuid" },
    aggregateType: { name: "aggregatetype", type: "text" },
    aggregateId: { name: "aggregateid", type: "text" },
    type: { type: "text" },
    payload: { type: "jsonb" },
    commandId: { name: "command_id", type: "uuid" },
    connector: { type: "text" },
    sequence: { type: "bigint", generated: "increment" },
    status: { type: "text", default: "PENDING" },
    attempts: { type: "int", default: 0 },
    lastError: { name: "last_error", type: "text", nullable: true },
    nextAttemptAt: { name: "next_attempt_at", type: "timestamptz", default: () => "clock_timestamp()" },
    deliveredAt: { name: "delivered_at", type: "timestamptz", nullable: true },
    reference: { type: "text", nullable: true },
    result: { type: "jsonb", nullable: true },
    dependsOn: { name: "depends_on", type: "text", array: true, default: () => "'{}'" },
    createdAt: { name: "created_at", type: "timestamptz", default: () => "clock_timestamp()" },
    updatedAt: { name: "updated_at", type: "timestamptz", default: () => "clock_timestamp()" },
  },
  foreignKeys: [{ name: "outbox_command_id_fkey", target: CommandEntity, columnNames: ["commandId"], referencedColumnNames: ["id"] }],
  uniques: [{ name: "outbox_command_id_connector_key", columns: ["commandId", "connector"] }],
  indices: [
    { name: "outbox_aggregate_idx", columns: ["connector", "aggregateType", "aggregateId", "sequence"] },
    { name: "outbox_status_idx", columns: ["status", "nextAttemptAt"] },
    // Partial indexes with a descending column, which TypeORM cannot declare: the migration owns them, TypeORM leaves them alone.
    { name: "outbox_delivered_idx", columns: ["connector", "deliveredAt"], where: "delivered_at IS NOT NULL", synchronize: false },
    { name: "outbox_last_error_idx", columns: ["connector", "updatedAt"], where: "last_error IS NOT NULL", synchronize: false },
    // A partial GIN index, which TypeORM cannot declare either (migration 1700000000015).
    { name: "outbox_depends_on_idx", columns: ["dependsOn"], where: "status = 'PENDING'", synchronize: false },
  ],
});
