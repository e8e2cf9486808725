/** Status of a command or of one of its deliveries. */
export type CommandStatusModel = "PENDING" | "DELIVERING" | "DELIVERED" | "RETRYING" | "FAILED";

/** The delivery of a command to one connector: one outbox row. */
export interface DeliveryModel {
  connector: string;
  status: CommandStatusModel;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  reference: string | null;
}

/** A command with its deliveries. */
export interface CommandModel {
  key: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  principal: string;
  createdAt: Date;
  deliveries: DeliveryModel[];
}

const PROGRESS: CommandStatusModel[] = ["PENDING", "RETRYING", "DELIVERING", "DELIVERED"];

/**
 * The status of a command from its deliveries: `FAILED` if any failed,
 * `DELIVERED` when all are delivered, else the least advanced one.
 */
export function commandStatusOf(command: CommandModel): CommandStatusModel {
  if (command.deliveries.some((d) => d.status === "FAILED")) return "FAILED";
  return command.deliveries.reduce<CommandStatusModel>((least, d) => (PROGRESS.indexOf(d.status) < PROGRESS.indexOf(least) ? d.status : least), "DELIVERED");
}

/** Whether the backends hold an entity's latest change, from its last command. */
export function syncStatusOf(command: CommandModel | null): "SYNCED" | "PENDING" | "FAILED" {
  if (!command) return "SYNCED";
  const status = commandStatusOf(command);
  return status === "DELIVERED" ? "SYNCED" : status === "FAILED" ? "FAILED" : "PENDING";
}
