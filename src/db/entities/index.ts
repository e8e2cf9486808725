import { CommandEntity } from "./command.entity.js";
import { IdempotencyRecordEntity } from "./idempotency-record.entity.js";
import { OutboxEntity } from "./outbox.entity.js";

export { CommandEntity, type CommandRow } from "./command.entity.js";
export { IdempotencyRecordEntity, type IdempotencyRecordRow } from "./idempotency-record.entity.js";
export { OutboxEntity, type OutboxRow, type OutboxStatus } from "./outbox.entity.js";

/**
 * The tables TypeORM knows as entities: the write side's (outbox, command,
 * idempotency records). Their schema still comes only from the migrations
 * (`synchronize` is off); a test checks the two agree.
 */
export const ENTITIES = [CommandEntity, OutboxEntity, IdempotencyRecordEntity];
