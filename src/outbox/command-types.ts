/** Command types the outbox carries, with the aggregate each is about. */
export const COMMAND_TYPES = {
  accountCreate: "Account",
  orderPlace: "Order",
  orderCancel: "Order",
} as const;

/** A command type name. */
export type CommandType = keyof typeof COMMAND_TYPES;

/** Every command type. */
export const ALL_COMMAND_TYPES = Object.keys(COMMAND_TYPES) as CommandType[];
