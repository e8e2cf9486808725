import { EntitySchema } from "typeorm";

/** A row of `idempotency_record`: what a mutation answered to one (principal, key), kept for replays (migration 1700000000001). */
export interface IdempotencyRecordRow {
  principal: string;
  key: string;
  operation: string;
  /** sha256 of the operation and its canonical input. */
  requestHash: string;
  /** The stored `MutationOutcome`. */
  response: object;
  createdAt: Date;
  expiresAt: Date;
}

/** The `idempotency_record` table as TypeORM sees it: the same columns, types, defaults and indexes as its migration (a test compares them). */
export const IdempotencyRecordEntity = new EntitySchema<IdempotencyRecordRow>({
  name: "idempotency_record",
  tableName: "idempotency_record",
  columns: {
    principal: { type: "text", primary: true, primaryKeyConstraintName: "idempotency_record_pkey" },
    key: { type: "text", primary: true, primaryKeyConstraintName: "idempotency_record_pkey" },
    operation: { type: "text" },
    requestHash: { name: "request_hash", type: "text" },
    response: { type: "jsonb" },
    createdAt: { name: "created_at", type: "timestamptz", default: () => "now()" },
    expiresAt: { name: "expires_at", type: "timestamptz" },
  },
  indices: [{ name: "idempotency_record_expires_idx", columns: ["expiresAt"] }],
});
