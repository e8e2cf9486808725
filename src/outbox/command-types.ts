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

/** Command types that create an order in the target system. */
export const ORDER_CREATING: readonly string[] = ["orderPlace", "quoteConvertToOrder"];

/** Where the store finds the reference it returns for each aggregate type: table and column. */
export const AGGREGATE_REFERENCES: Record<(typeof COMMAND_TYPES)[keyof typeof COMMAND_TYPES], { table: string; column: string }> = {
  Account: { table: "account", column: "code" },
  Order: { table: `"order"`, column: "number" },
  Invoice: { table: "invoice", column: "number" },
  Product: { table: "product", column: "sku" },
  Quote: { table: "quote", column: "number" },
  StockReservation: { table: "stock_reservation", column: "id" },
};

/** A command type name. */
export type CommandType = keyof typeof COMMAND_TYPES;

/** Every command type. */
export const ALL_COMMAND_TYPES = Object.keys(COMMAND_TYPES) as CommandType[];
