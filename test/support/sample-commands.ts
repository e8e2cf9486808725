import type { OutboxCommand } from "../../src/connectors/connector.js";

/** A typed `orderCancel` outbox command for tests that call a connector's writer directly. */
export function sampleCancelCommand(idempotencyKey: string): OutboxCommand {
  return {
    id: "1",
    type: "orderCancel",
    aggregateType: "Order",
    aggregateId: "o-1",
    payload: { number: "SO-1", reason: "test", whole: true, lines: [], amount: "0.00" },
    idempotencyKey,
  };
}
