import type { DataSource } from "typeorm";
import type { ApplyResult, CommandWriter, OutboxCommand } from "../connector.js";
import { AGGREGATE_REFERENCES, ALL_COMMAND_TYPES, COMMAND_TYPES, ORDER_CREATING } from "../../commands/command-types.js";
import { PermanentDeliveryError } from "../errors.js";
import * as orderEvents from "./tables/order-events.js";
import * as orders from "./tables/orders.js";
import { referenceOf } from "./tables/references.js";

/**
 * Applies commands to the store itself. The mutation already wrote the local
 * projection in its transaction, so applying confirms it — a placed order moves
 * from `PENDING` to `OPEN`, recorded in its history as reported by this
 * connector — and answers with the entity's own reference (order number,
 * account code…). Applying twice changes nothing more.
 */
export function storeWriter(dataSource: DataSource, name = "store"): CommandWriter {
  return {
    applies: ALL_COMMAND_TYPES,
    apply: (command: OutboxCommand): Promise<ApplyResult> =>
      dataSource.transaction(async (tx) => {
        const aggregate = COMMAND_TYPES[command.type];
        if (!aggregate) throw new PermanentDeliveryError(`the store cannot apply ${command.type}`);
        if (ORDER_CREATING.includes(command.type) && (await orders.confirmPending(tx, command.aggregateId))) {
          await orderEvents.append(tx, {
            orderId: command.aggregateId,
            kind: "STATUS_CHANGED",
            fromStatus: "PENDING",
            toStatus: "OPEN",
            connector: name,
            principal: null,
            eventId: null,
            details: {},
            occurredAt: new Date(),
          });
        }
        const reference = await referenceOf(tx, AGGREGATE_REFERENCES[aggregate], command.aggregateId);
        if (reference === undefined) throw new PermanentDeliveryError(`${aggregate} ${command.aggregateId} does not exist in the store`);
        return { reference };
      }),
  };
}
