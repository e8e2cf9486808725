import { describe, expectTypeOf, it } from "vitest";
import type { CommandPayloads, OrderPayloadLine, OrderPlacePayload } from "../src/commands/command-payloads.js";
import { ALL_COMMAND_TYPES, type CommandType } from "../src/commands/command-types.js";
import type { OutboxCommand } from "../src/connectors/connector.js";
import type { enqueueCommand, NewCommand } from "../src/outbox/enqueue.js";

/*
 * Type-level tests: `tsc --noEmit` (part of `npm test`) checks this file. Each
 * `@ts-expect-error` is a payload that must not compile; if it ever compiled,
 * the directive would be unused and tsc would fail.
 */

/** What enqueueCommand accepts for a command type. */
type Enqueued<T extends CommandType> = Parameters<typeof enqueueCommand<T>>[2];
const enqueued = <T extends CommandType>(command: Enqueued<T>) => command;

const line: OrderPayloadLine = { lineNumber: 1, sku: "SKU-1", quantity: 2, unit: "EA", unitPrice: "9.99", lineTotal: "19.98" };
const order: OrderPlacePayload = {
  number: "SO-1",
  accountCode: "C00001",
  externalReferences: [],
  shipTo: null,
  kind: "ORDER",
  poNumber: null,
  notes: null,
  paymentMethodId: null,
  currencyCode: "USD",
  total: "19.98",
  lines: [line],
};
const envelope = { aggregateId: "order-1", idempotencyKey: "key-1", principal: "api-key:1" };

describe("command payload types", () => {
  it("name one payload type per command type, and no other", () => {
    expectTypeOf<keyof CommandPayloads>().toEqualTypeOf<CommandType>();
    expectTypeOf(ALL_COMMAND_TYPES).toEqualTypeOf<CommandType[]>();
  });

  it("type enqueueCommand's payload by the command type", () => {
    expectTypeOf<Enqueued<"orderPlace">>().toEqualTypeOf<NewCommand<"orderPlace">>();
    expectTypeOf<Enqueued<"orderPlace">["payload"]>().toEqualTypeOf<OrderPlacePayload>();
    enqueued({ ...envelope, type: "orderPlace", payload: order });
    enqueued({ ...envelope, type: "quoteConvertToOrder", payload: { ...order, quoteNumber: "QT-1" } });
  });

  it("refuse a renamed field, a missing field, and another command's payload", () => {
    const renamed = { lineNumber: 1, sku: "SKU-1", quantity: 2, unit: "EA", price: "9.99", lineTotal: "19.98" };
    // @ts-expect-error: `unitPrice` renamed to `price` where the order is built.
    enqueued({ ...envelope, type: "orderPlace", payload: { ...order, lines: [renamed] } });
    const { accountCode: _accountCode, ...withoutAccount } = order;
    // @ts-expect-error: `accountCode` missing.
    enqueued({ ...envelope, type: "orderPlace", payload: withoutAccount });
    // @ts-expect-error: an order's payload is not a cancellation's.
    enqueued({ ...envelope, type: "orderCancel", payload: order });
    // @ts-expect-error: a field no payload of this type has.
    enqueued({ ...envelope, type: "accountDelete", payload: { code: "C1", name: "Ann" } });
    // @ts-expect-error: not a command type.
    enqueued({ ...envelope, type: "orderShip", payload: {} });
  });

  it("narrow an outbox command's payload on its type, as a connector's apply does", () => {
    const apply = (command: OutboxCommand) => {
      if (command.type === "orderPlace") {
        expectTypeOf(command.payload).toEqualTypeOf<OrderPlacePayload>();
        expectTypeOf(command.payload.lines[0]!.unitPrice).toEqualTypeOf<string>();
        // @ts-expect-error: a connector reading a renamed field fails to compile.
        return command.payload.lines[0]!.price;
      }
      if (command.type === "inventorySet") expectTypeOf(command.payload).toEqualTypeOf<CommandPayloads["inventorySet"]>();
      return null;
    };
    expectTypeOf(apply).parameter(0).toEqualTypeOf<OutboxCommand>();
  });
});
