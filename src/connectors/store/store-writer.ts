import type { ApplyResult, CommandWriter, OutboxCommand } from "../connector.js";
import { ALL_COMMAND_TYPES } from "../../outbox/command-types.js";
import { PermanentDeliveryError } from "../connector.js";
import type { Query } from "./sql.js";

/**
 * Applies commands to the store itself. The mutation already wrote the local
 * projection in its transaction, so applying confirms it: a placed order moves
 * from `PENDING` to `OPEN`. Applying twice changes nothing more.
 */
export function storeWriter(query: Query): CommandWriter {
  const reference = async (table: string, column: string, id: string): Promise<ApplyResult> => {
    const [row] = await query(`SELECT ${column} AS reference FROM ${table} WHERE id = $1::uuid`, [id]);
    if (!row) throw new PermanentDeliveryError(`${table} ${id} does not exist in the store`);
    return { reference: String(row.reference) };
  };
  return {
    applies: ALL_COMMAND_TYPES,
    apply: async (command: OutboxCommand) => {
      switch (command.type) {
        case "orderPlace":
          await query(`UPDATE "order" SET status = 'OPEN', updated_at = now() WHERE id = $1::uuid AND status = 'PENDING'`, [command.aggregateId]);
          return reference(`"order"`, "number", command.aggregateId);
        case "orderCancel":
          return reference(`"order"`, "number", command.aggregateId);
        case "accountCreate":
          return reference("account", "code", command.aggregateId);
        default:
          throw new PermanentDeliveryError(`the store cannot apply ${command.type}`);
      }
    },
  };
}
