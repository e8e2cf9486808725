import type { EntityManager } from "typeorm";
import type { CommandPayloads } from "../commands/command-payloads.js";
import { COMMAND_TYPES, type AggregateType, type CommandType } from "../commands/command-types.js";
import type { Router } from "../connectors/router.js";
import { aggregateKey, insertCommand, insertOutboxRow, scheduleDelivery } from "./outbox-store.js";


/** A command a mutation records: its type, the payload of that type (see `CommandPayloads`), and who asked. */
export interface NewCommand<T extends CommandType> {
  type: T;
  aggregateId: string;
  payload: CommandPayloads[T];
  idempotencyKey: string;
  principal: string;
  /** The connector a change came from (the inbound path): it already has it, so it is not sent back there. */
  origin?: string;
  /**
   * Other aggregates the command refers to (an order's account): at each target
   * connector, it is not delivered before the commands of those aggregates
   * enqueued earlier for that connector (their create, first of all) have been.
   */
  dependsOn?: ReadonlyArray<{ aggregateType: AggregateType; aggregateId: string }>;
}

/**
 * Records a command in the caller's transaction: the command, one outbox row
 * per target connector (from the write routes), and a delivery job for each
 * target. Nothing is sent now: once the transaction commits, the relay delivers.
 * A command with an `origin` is not sent to that connector (it reported the change).
 * Its `dependsOn` is stored on each outbox row: the relay holds the row back
 * until earlier rows of those aggregates for the same connector are delivered.
 * The payload is typed by the command type: a field the type does not have, or
 * one missing, fails to compile.
 */
export async function enqueueCommand<T extends CommandType>(manager: EntityManager, router: Router, command: NewCommand<T>): Promise<string> {
  const aggregateType = COMMAND_TYPES[command.type];
  const dependsOn = [...new Set((command.dependsOn ?? []).map((d) => aggregateKey(d.aggregateType, d.aggregateId)))].filter((key) => key !== aggregateKey(aggregateType, command.aggregateId));
  const row = { ...command, aggregateType, dependsOn };
  const commandId = await insertCommand(manager, row);
  for (const connector of router.targetsOf(command.type)) {
    if (connector === command.origin) continue;
    await insertOutboxRow(manager, commandId, row, connector);
    await scheduleDelivery(manager, { connector, aggregateType: row.aggregateType, aggregateId: command.aggregateId });
  }
  return commandId;
}
