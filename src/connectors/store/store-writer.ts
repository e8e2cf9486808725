import type { ApplyResult, CommandWriter, OutboxCommand } from "../connector.js";
import { AGGREGATE_REFERENCES, ALL_COMMAND_TYPES, COMMAND_TYPES, ORDER_CREATING } from "../../commands/command-types.js";
import { PermanentDeliveryError } from "../connector.js";
import type { Query } from "./sql.js";

/**
 * Applies commands to the store itself. The mutation already wrote the local
 * projection in its transaction, so applying confirms it — a placed order moves
 * from `PENDING` to `OPEN` — and answers with the entity's own reference
 * (order number, account code…). Applying twice changes nothing more.
 */
export function storeWriter(query: Query): CommandWriter {
  return {
    applies: ALL_COMMAND_TYPES,
    apply: async (command: OutboxCommand): Promise<ApplyResult> => {
      const aggregate = COMMAND_TYPES[command.type];
      if (!aggregate) throw new PermanentDeliveryError(`the store cannot apply ${command.type}`);
      if (ORDER_CREATING.includes(command.type)) {
        await query(`UPDATE "order" SET status = 'OPEN', updated_at = now() WHERE id = $1::uuid AND status = 'PENDING'`, [command.aggregateId]);
      }
      const { table, column } = AGGREGATE_REFERENCES[aggregate];
      const [row] = await query(`SELECT ${column} AS reference FROM ${table} WHERE id = $1::uuid`, [command.aggregateId]);
      if (!row) throw new PermanentDeliveryError(`${aggregate} ${command.aggregateId} does not exist in the store`);
      return { reference: String(row.reference) };
    },
  };
}
