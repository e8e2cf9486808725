import type { AddressModel } from "../models/common.js";
import type { CommandType } from "./command-types.js";

/*
 * What each command carries to its target connectors: the fields the mutation
 * that enqueues it puts in the payload, and nothing else. The payload travels
 * as JSON through the outbox, so fields are JSON values (money as decimal
 * strings) and an optional field may be absent. Renaming a field here, or at
 * the mutation that builds it, or in a connector that reads it, fails to compile.
 */

/** `accountCreate`: a new account, as the store holds it. */
export interface AccountCreatePayload {
  code: string;
  name: string;
  email: string;
  phone: string | null;
  customerGroupCode: string | null;
  paymentTerms: string;
}

/** `accountUpdate`: the account's code and only the fields the mutation changed. */
export interface AccountUpdatePayload {
  code: string;
  name?: string;
  email?: string;
  phone?: string;
  paymentTerms?: string;
  customerGroupCode?: string;
}

/** `accountDelete`: the account that stops. */
export interface AccountDeletePayload {
  code: string;
}

/** `shipToAdd`: the new ship-to, as the client sent it, with its id. */
export interface ShipToAddPayload {
  shipToId: string;
  /** Never sent: the account is the command's aggregate. */
  accountId?: undefined;
  name: string;
  address: AddressModel;
  erpShipToId?: string | null;
  isDefault?: boolean | null;
}

/** `shipToUpdate`: the ship-to and the fields the client sent. */
export interface ShipToUpdatePayload {
  shipToId: string;
  name?: string | null;
  address?: AddressModel | null;
  isDefault?: boolean | null;
}

/** `shipToRemove`: the ship-to removed. */
export interface ShipToRemovePayload {
  shipToId: string;
}

/** `paymentMethodAdd`: a payment provider's token (never a card number). */
export interface PaymentMethodAddPayload {
  paymentMethodId: string;
  provider: string;
  token: string;
  brand: string | null;
  last4: string | null;
}

/** `paymentMethodRemove`: the payment method removed. */
export interface PaymentMethodRemovePayload {
  paymentMethodId: string;
}

/** One line of a new order. */
export interface OrderPayloadLine {
  lineNumber: number;
  sku: string;
  quantity: number;
  unit: string;
  /** Decimal string, per `unit`. */
  unitPrice: string;
  lineTotal: string;
}

/** `orderPlace`: the new order as the store stored it. */
export interface OrderPlacePayload {
  number: string;
  accountCode: string;
  /** The account's ids in other systems (the ERP's customer id). */
  externalReferences: Array<{ connector: string; externalId: string }>;
  shipTo: { erpShipToId: string | null; name: string; address: AddressModel } | null;
  kind: "ORDER" | "PREORDER";
  poNumber: string | null;
  notes: string | null;
  paymentMethodId: string | null;
  currencyCode: string;
  total: string;
  lines: OrderPayloadLine[];
}

/** `quoteConvertToOrder`: the order made from a quote, and the quote's number. */
export interface QuoteConvertToOrderPayload extends OrderPlacePayload {
  quoteNumber: string;
}

/** A line number and a quantity of it. */
export interface LineQuantity {
  lineNumber: number;
  quantity: number;
}

/** `orderCancel`: what was cancelled (all of the order, or some lines) and its amount. */
export interface OrderCancelPayload {
  number: string;
  reason: string;
  whole: boolean;
  lines: readonly LineQuantity[];
  /** The cancelled amount, a decimal string. */
  amount: string;
}

/** `orderReturn`: the returned quantities per line. */
export interface OrderReturnPayload {
  number: string;
  reason: string;
  lines: ReadonlyArray<LineQuantity & { sku: string }>;
}

/** `orderStatusChange`: an order moved along its lifecycle (by an operator, or reported by a backend). */
export interface OrderStatusChangePayload {
  number: string;
  from: string;
  to: string;
  note: string | null;
}

/** `orderShipmentCreate`: a shipment of an order, its lines named with their SKUs. */
export interface OrderShipmentCreatePayload {
  number: string;
  /** The backend's id of the shipment; null for one an operator recorded. */
  externalId: string | null;
  carrier: string;
  tracking: string;
  url: string | null;
  warehouseCode: string | null;
  /** ISO 8601. */
  shippedAt: string;
  lines: ReadonlyArray<LineQuantity & { sku: string }>;
}

/** `quoteRequest`: the priced cart of a new quote. */
export interface QuoteRequestPayload {
  number: string;
  accountCode: string;
  notes: string | null;
  total: string;
  lines: Array<{ lineNumber: number; sku: string; quantity: number; unit: string; unitPrice: string }>;
}

/** `stockReserve`: stock held for a while, per warehouse. */
export interface StockReservePayload {
  reference: string | null;
  expiresInMinutes: number;
  lines: Array<{ sku: string; warehouseKey: string; quantity: number }>;
}

/** `stockReservationRelease`: the held stock is free again, and why. */
export interface StockReservationReleasePayload {
  reason: "released" | "expired";
}

/** `invoicePaymentRecord`: a payment and what is now paid of the invoice. */
export interface InvoicePaymentRecordPayload {
  invoiceNumber: string;
  amount: string;
  /** All paid so far, this payment included. */
  amountPaid: string;
  method: string;
  reference: string | null;
  status: "PAID" | "PARTIALLY_PAID";
}

/** One line of a registered invoice. */
export interface InvoicePayloadLine {
  /** Null for a line that names no product (a free-text charge). */
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: string;
  /** The warehouse the goods leave from, when the line names one. */
  warehouseCode?: string | null;
}

/** `invoiceRegister`: a new invoice, for an order or for free lines. */
export interface InvoiceRegisterPayload {
  number: string;
  accountCode: string;
  orderId: string | null;
  status: "OPEN" | "PAID";
  total: string;
  lines: InvoicePayloadLine[];
}

/** `productUpdate`: the product's SKU and only the fields the mutation changed. */
export interface ProductUpdatePayload {
  sku: string;
  name?: string;
  description?: string;
  listPrice?: string;
  priceBreaks?: ReadonlyArray<{ minQuantity: number; unitPrice: string }>;
  specialOrder?: boolean;
  presell?: boolean;
  restricted?: boolean;
}

/** `inventorySet`: the new quantity on hand of a product in a warehouse. */
export interface InventorySetPayload {
  sku: string;
  warehouseCode: string;
  onHand: number;
  restockDate: string | null;
}

/** The payload type of each command type: `enqueueCommand` and `OutboxCommand` are typed by it. */
export interface CommandPayloads {
  accountCreate: AccountCreatePayload;
  accountUpdate: AccountUpdatePayload;
  accountDelete: AccountDeletePayload;
  shipToAdd: ShipToAddPayload;
  shipToUpdate: ShipToUpdatePayload;
  shipToRemove: ShipToRemovePayload;
  paymentMethodAdd: PaymentMethodAddPayload;
  paymentMethodRemove: PaymentMethodRemovePayload;
  orderPlace: OrderPlacePayload;
  orderCancel: OrderCancelPayload;
  orderReturn: OrderReturnPayload;
  orderStatusChange: OrderStatusChangePayload;
  orderShipmentCreate: OrderShipmentCreatePayload;
  quoteRequest: QuoteRequestPayload;
  stockReserve: StockReservePayload;
  stockReservationRelease: StockReservationReleasePayload;
  invoicePaymentRecord: InvoicePaymentRecordPayload;
  invoiceRegister: InvoiceRegisterPayload;
  productUpdate: ProductUpdatePayload;
  inventorySet: InventorySetPayload;
  quoteConvertToOrder: QuoteConvertToOrderPayload;
}

/** A command type with its payload, one member per type: `switch (command.type)` narrows `command.payload`. */
export type TypedCommand<T extends CommandType = CommandType> = { [K in T]: { type: K; payload: CommandPayloads[K] } }[T];
