import { EntitySchema } from "typeorm";

/** A row of `command`: what a client asked for, once, whatever its targets (migration 1700000000001). */
export interface CommandRow {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** The command's payload (jsonb), as `CommandPayloads` types it per command type. */
  payload: object;
  idempotencyKey: string;
  principal: string;
  /** The connector a change came from (migration 1700000000014): the outbox does not send it back there. */
  origin: string | null;
  createdAt: Date;
}

/** The `command` table as TypeORM sees it: the same columns, types, defaults and indexes as its migration (a test compares them). */
export const CommandEntity = new EntitySchema<CommandRow>({
  name: "command",
  tableName: "command",
  columns: {
    id: { type: "uuid", primary: true, primaryKeyConstraintName: "command_pkey", generated: "uuid" },
    type: { type: "text" },
    aggregateType: { name: "aggregate_type", type: "text" },
    aggregateId: { name: "aggregate_id", type: "text" },
    payload: { type: "jsonb" },
    idempotencyKey: { name: "idempotency_key", type: "text" },
    principal: { type: "text" },
    origin: { type: "text", nullable: true },
    createdAt: { name: "created_at", type: "timestamptz", default: () => "clock_timestamp()" },
  },
  indices: [
    { name: "command_aggregate_idx", columns: ["aggregateType", "aggregateId", "createdAt"] },
    { name: "command_created_idx", columns: ["createdAt", "id"] },
  ],
});
