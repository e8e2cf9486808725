/** Entries of an order's history that a mutation records. */
import type { Queryable } from "../../db/query-rows.js";
import * as orderEvents from "../../connectors/store/tables/order-events.js";

/** Records that a mutation (by `principal`) moved an order from `from` to `to`, with an optional note (a reason). */
export async function recordStatusChange(tx: Queryable, orderId: string, from: string, to: string, principal: string, note: string | null): Promise<void> {
  await orderEvents.append(tx, {
    orderId,
    kind: "STATUS_CHANGED",
    fromStatus: from,
    toStatus: to,
    connector: null,
    principal,
    eventId: null,
    details: note ? { note } : {},
    occurredAt: new Date(),
  });
}
