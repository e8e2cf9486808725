/** Command types the outbox carries, with the aggregate each is about. */
export const COMMAND_TYPES = {
  accountCreate: "Account",
  accountUpdate: "Account",
  accountDelete: "Account",
  shipToAdd: "Account",
  shipToUpdate: "Account",
  shipToRemove: "Account",
  paymentMethodAdd: "Account",
  paymentMethodRemove: "Account",
  orderPlace: "Order",
  orderCancel: "Order",
  orderReturn: "Order",
  // A status an operator set (orderProcess, orderComplete) or a backend reported.
  orderStatusChange: "Order",
  // A shipment an operator recorded or a backend reported.
  orderShipmentCreate: "Order",
  quoteRequest: "Quote",
  stockReserve: "StockReservation",
  stockReservationRelease: "StockReservation",
  invoicePaymentRecord: "Invoice",
  invoiceRegister: "Invoice",
  productUpdate: "Product",
  inventorySet: "Product",
  // The order made from a quote: in the order's stream, so its later commands wait for it.
  quoteConvertToOrder: "Order",
} as const;

/** A command type name. */
export type CommandType = keyof typeof COMMAND_TYPES;

/** The kind of entity a command is about (`Order`, `Account`…): its aggregate type. */
export type AggregateType = (typeof COMMAND_TYPES)[CommandType];

/**
 * Command types that create their aggregate in the target system. A command
 * that depends on another aggregate (an order on its account) waits for these
 * only: a later change of that aggregate the backend refused (an account
 * update) does not hold its orders back.
 */
export const CREATING_COMMANDS: readonly CommandType[] = ["accountCreate", "orderPlace", "quoteConvertToOrder", "quoteRequest", "invoiceRegister", "stockReserve"];

/** Command types that create an order in the target system. */
export const ORDER_CREATING: readonly string[] = ["orderPlace", "quoteConvertToOrder"] satisfies CommandType[];

/** Where the store finds the reference it returns for each aggregate type: table and column. */
export const AGGREGATE_REFERENCES: Record<AggregateType, { table: string; column: string }> = {
  Account: { table: "account", column: "code" },
  Order: { table: `"order"`, column: "number" },
  Invoice: { table: "invoice", column: "number" },
  Product: { table: "product", column: "sku" },
  Quote: { table: "quote", column: "number" },
  StockReservation: { table: "stock_reservation", column: "id" },
};

/** Every command type. */
export const ALL_COMMAND_TYPES = Object.keys(COMMAND_TYPES) as CommandType[];

/** True when `type` names a command type (an outbox row read back from the database). */
export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_TYPES, type);
}
