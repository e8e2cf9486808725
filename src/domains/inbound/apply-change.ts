import { aggregateKeyOf, orderKeyOf, type InboundChange } from "../../commands/inbound-changes.js";
import { applyAccountUpsert } from "./apply-account-change.js";
import { applyProductUpsert, applyStockLevel, stockSyncedAt } from "./apply-catalog-change.js";
import { applyInvoicePaid, applyInvoiceUpsert } from "./apply-invoice-change.js";
import { applyOrderShipment, applyOrderStatus } from "./apply-order-change.js";
import { stale, type ApplyContext, type ChangeOutcome } from "./change-outcome.js";
import * as inboundEvents from "./tables/inbound-events.js";

/**
 * Changes that report an aggregate's whole state (a level, a record): one
 * older than the last applied change of the aggregate from the same connector
 * would undo a newer one, so it is stale. Order changes are not among them: the order's machine decides
 * (a status report older than the last is stale there; shipments add up).
 */
const STATE_CHANGES: ReadonlySet<InboundChange["type"]> = new Set(["stock.level", "product.upsert", "account.upsert", "invoice.upsert", "invoice.paid"]);

/** Applies one change, in `ctx.tx`, through the store's own table modules. */
export async function applyChange(ctx: ApplyContext, change: InboundChange, aggregateKey: string): Promise<ChangeOutcome> {
  if (STATE_CHANGES.has(change.type)) {
    const last = await inboundEvents.lastAppliedAt(ctx.tx, ctx.connector, aggregateKey);
    if (last !== null && last > change.occurredAt) return stale;
  }
  switch (change.type) {
    case "stock.level":
      return applyStockLevel(ctx, change);
    case "product.upsert":
      return applyProductUpsert(ctx, change);
    case "account.upsert":
      return applyAccountUpsert(ctx, change);
    case "invoice.upsert":
      return applyInvoiceUpsert(ctx, change);
    case "invoice.paid":
      return applyInvoicePaid(ctx, change);
    case "order.status":
      return applyOrderStatus(ctx, change);
    case "order.shipment":
      return applyOrderShipment(ctx, change);
  }
}

/**
 * The records a change refers to, as aggregate keys, its own first: when one
 * of them appears, the change (if parked) is tried again at once.
 */
export function refsOf(change: InboundChange): string[] {
  const own = aggregateKeyOf(change);
  switch (change.type) {
    case "stock.level":
      return [own, `Product:${change.sku}`];
    case "invoice.upsert":
      return [own, `Account:${change.invoice.accountCode}`, ...(change.invoice.order ? [`Order:${orderKeyOf(change.invoice.order)}`] : [])];
    default:
      return [own];
  }
}

/**
 * Why a stale change changed nothing, as recorded on it (visible in
 * Query.inboundChanges): the time of the newer report it is older than.
 */
export async function staleNote(ctx: ApplyContext, change: InboundChange, aggregateKey: string): Promise<string> {
  const times = [await inboundEvents.lastAppliedAt(ctx.tx, ctx.connector, aggregateKey), change.type === "stock.level" ? await stockSyncedAt(ctx, change) : null];
  const newest = times.filter((t): t is Date => t !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return newest ? `stale: older than the last applied report (${newest.toISOString()})` : "stale: older than the last applied report";
}
