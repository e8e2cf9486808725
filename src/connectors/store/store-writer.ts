import type { ApplyResult, CommandWriter, OutboxCommand } from "../connector.js";
import { AGGREGATE_REFERENCES, ALL_COMMAND_TYPES, COMMAND_TYPES, ORDER_CREATING } from "../../commands/command-types.js";
import { PermanentDeliveryError } from "../errors.js";
import type { Queryable } from "../../db/query-rows.js";
import * as orders from "./tables/orders.js";
import { referenceOf } from "./tables/references.js";

/**
 * Applies commands to the store itself. The mutation already wrote the local
 * projection in its transaction, so applying confirms it — a placed order moves
 * from `PENDING` to `OPEN` — and answers with the entity's own reference
 * (order number, account code…). Applying twice changes nothing more.
 */
export function storeWriter(db: Queryable): CommandWriter {
  return {
    applies: ALL_COMMAND_TYPES,
    apply: async (command: OutboxCommand): Promise<ApplyResult> => {
      const aggregate = COMMAND_TYPES[command.type];
      if (!aggregate) throw new PermanentDeliveryError(`the store cannot apply ${command.type}`);
      if (ORDER_CREATING.includes(command.type)) {
        await orders.confirmPending(db, command.aggregateId);
      }
      const reference = await referenceOf(db, AGGREGATE_REFERENCES[aggregate], command.aggregateId);
      if (reference === undefined) throw new PermanentDeliveryError(`${aggregate} ${command.aggregateId} does not exist in the store`);
      return { reference };
    },
  };
}
