import { z } from "zod";

/*
 * What a backend can tell us happened on its side: the changes of the inbound
 * path, whether a backend pushes them (`POST /connectors/<name>/events`) or a
 * connector's sync pulls them. Every change carries the backend's event id
 * (applied once however often it arrives) and when it happened (changes of
 * one aggregate apply in that order). Every field has a maximum.
 */

/** Most changes in one pushed batch or one page of a sync. */
export const MAX_CHANGES_PER_BATCH = 500;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** A decimal amount as a string, as money travels everywhere else (`"12.50"`). */
const decimal = z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/, "a decimal amount with at most 2 decimals, as a string: \"12.50\"");
const quantity = z.number().int().min(0).max(1_000_000_000);
/** An ISO 8601 date-time with its offset. */
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
/** An ISO 8601 date (`2026-12-01`). */
const day = z.iso.date();

/** How far ahead of our clock a change's `occurredAt` may be (one hour): a later one would make every real report after it stale. */
export const MAX_OCCURRED_AHEAD_MS = 60 * 60 * 1000;

/** What every change has: the backend's id for it and when it happened there. */
const changeBase = {
  /** The backend's id of this change: a change with an id already seen from the same connector is not applied again. */
  id: text(200),
  /** When it happened in the backend; changes of one aggregate apply in this order. */
  occurredAt: instant.refine((at) => at.getTime() <= Date.now() + MAX_OCCURRED_AHEAD_MS, "more than one hour ahead of our clock: fix the backend's clock or the change's time"),
};

/** An order, by our number or by the backend's (at least one). */
export const OrderRefSchema = z
  .object({ number: text(64).optional(), externalNumber: text(64).optional() })
  .strict()
  .refine((ref) => ref.number !== undefined || ref.externalNumber !== undefined, "give the order's number or externalNumber");

/** Statuses a backend may report for an order. `PENDING` is ours alone (not yet confirmed by a backend). */
export const REPORTED_ORDER_STATUSES = ["OPEN", "PROCESSING", "SHIPPED", "COMPLETED", "CANCELLED", "RETURNED"] as const;

const OrderStatusChangeSchema = z
  .object({ ...changeBase, type: z.literal("order.status"), order: OrderRefSchema, status: z.enum(REPORTED_ORDER_STATUSES), note: optionalText(500) })
  .strict();

const OrderShipmentSchema = z
  .object({
    ...changeBase,
    type: z.literal("order.shipment"),
    order: OrderRefSchema,
    shipment: z
      .object({
        /** The backend's id of the shipment: the same id again is the same shipment. */
        id: text(100),
        carrierCode: text(32),
        trackingNumber: text(100),
        trackingUrl: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
        warehouseCode: optionalText(64),
        /** When it left (default: `occurredAt`). */
        shippedAt: instant.optional(),
        /** What it holds, by line number or SKU; absent or empty: everything not yet shipped. */
        lines: z
          .array(z.object({ lineNumber: z.number().int().min(1).max(10_000).optional(), sku: text(64).optional(), quantity: quantity.min(1) }).strict())
          .max(1000)
          .optional(),
      })
      .strict(),
  })
  .strict();

const InvoiceUpsertSchema = z
  .object({
    ...changeBase,
    type: z.literal("invoice.upsert"),
    invoice: z
      .object({
        number: text(64),
        accountCode: text(64),
        order: OrderRefSchema.optional(),
        status: z.enum(["OPEN", "PARTIALLY_PAID", "PAID", "VOID"]),
        currencyCode: z.string().regex(/^[A-Z]{3}$/).default("USD"),
        total: decimal,
        amountPaid: decimal.default("0"),
        issuedAt: instant.optional(),
        dueDate: day,
        lines: z
          .array(z.object({ sku: text(64).nullish(), description: text(500), quantity: quantity, unitPrice: decimal }).strict())
          .max(1000)
          .default([]),
      })
      .strict(),
  })
  .strict();

const InvoicePaidSchema = z
  .object({
    ...changeBase,
    type: z.literal("invoice.paid"),
    invoice: z.object({ number: text(64) }).strict(),
    /** Everything paid of the invoice so far, this payment included. */
    amountPaid: decimal,
    method: optionalText(64),
    reference: optionalText(200),
  })
  .strict();

const StockLevelSchema = z
  .object({
    ...changeBase,
    type: z.literal("stock.level"),
    sku: text(64),
    warehouseCode: text(64),
    /** Quantity on hand, in base units. */
    quantity,
    restockDate: day.nullish(),
  })
  .strict();

const ProductUpsertSchema = z
  .object({
    ...changeBase,
    type: z.literal("product.upsert"),
    product: z
      .object({
        sku: text(64),
        name: text(500),
        description: z.string().max(20_000).optional(),
        listPrice: decimal,
        currencyCode: z.string().regex(/^[A-Z]{3}$/).optional(),
        images: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(50).optional(),
        /** False: the backend no longer sells it (kept, shown as unavailable). */
        available: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

const AccountUpsertSchema = z
  .object({
    ...changeBase,
    type: z.literal("account.upsert"),
    account: z
      .object({
        code: text(64),
        name: text(200),
        email: z.email().max(254),
        phone: optionalText(64),
        /** The backend's own id for the account (stored as its external reference). */
        externalId: optionalText(100),
      })
      .strict(),
  })
  .strict();

/** One change a backend reported. */
export const InboundChangeSchema = z.discriminatedUnion("type", [
  OrderStatusChangeSchema,
  OrderShipmentSchema,
  InvoiceUpsertSchema,
  InvoicePaidSchema,
  StockLevelSchema,
  ProductUpsertSchema,
  AccountUpsertSchema,
]);

/** A batch of changes, as a backend pushes it. */
export const InboundBatchSchema = z.object({ changes: z.array(InboundChangeSchema).min(1).max(MAX_CHANGES_PER_BATCH) }).strict();

/** One change a backend reported, validated (dates parsed). */
export type InboundChange = z.output<typeof InboundChangeSchema>;
/** A change as a backend writes it (dates as ISO strings). */
export type InboundChangeInput = z.input<typeof InboundChangeSchema>;
/** The type of a change: `order.status`, `stock.level`… */
export type InboundChangeType = InboundChange["type"];
/** An order reference of a change. */
export type OrderRef = z.output<typeof OrderRefSchema>;

/**
 * The aggregate a change is about, as a key (`Order:SO-700001`, `Product:ABC-1`):
 * changes with the same key apply in the order they happened.
 */
export function aggregateKeyOf(change: InboundChange): string {
  switch (change.type) {
    case "order.status":
    case "order.shipment":
      return `Order:${orderKeyOf(change.order)}`;
    case "invoice.upsert":
      return `Invoice:${change.invoice.number}`;
    case "invoice.paid":
      return `Invoice:${change.invoice.number}`;
    case "stock.level":
      return `Stock:${change.sku}@${change.warehouseCode}`;
    case "product.upsert":
      return `Product:${change.product.sku}`;
    case "account.upsert":
      return `Account:${change.account.code}`;
  }
}

/** An order reference as one string: our number when given, else the backend's. */
export function orderKeyOf(ref: OrderRef): string {
  return ref.number !== undefined ? ref.number : `external:${ref.externalNumber}`;
}
