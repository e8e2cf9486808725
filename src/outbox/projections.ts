import { STORE } from "../connectors/store/store-connector.js";
import * as accountExternalRefs from "../connectors/store/tables/account-external-refs.js";
import * as orders from "../connectors/store/tables/orders.js";
import { queryRows, type Queryable } from "../db/query-rows.js";
import { ORDER_CREATING } from "../commands/command-types.js";

/**
 * The relay task that tries parked inbound changes again: each minute those
 * due (with backoff), and at once, ignoring the backoff, those that refer to a
 * record that just appeared (payload `{ keys }`: an order's external number, a
 * record an inbound change created).
 */
export const INBOUND_RETRY_TASK = "retry_parked_inbound_changes";

/**
 * Asks the relay to try at once, in `db`'s transaction, the parked inbound
 * changes that refer to these records (aggregate keys such as `Order:<number>`
 * and `Order:external:<number>`); `connector`/`delaySeconds`: only that
 * connector's, that much later (its changes were being applied).
 */
export async function scheduleInboundRetry(db: Queryable, keys: readonly string[], options: { connector?: string; delaySeconds?: number } = {}): Promise<void> {
  await queryRows(db, `SELECT graphile_worker.add_job($1, json_strip_nulls(json_build_object('keys', $2::text[], 'connector', $3::text)), run_at := now() + $4 * interval '1 second')`, [
    INBOUND_RETRY_TASK,
    keys,
    options.connector ?? null,
    options.delaySeconds ?? 0,
  ]);
}

/** A command applied by one connector, and what that connector returned. */
export interface Delivery {
  connector: string;
  type: string;
  aggregateId: string;
  /** The backend's reference (the ERP's order number), if it returned one. */
  reference: string | null;
}

/** True when a delivery has something to store on our entities (see {@link applyDeliveryToProjection}). */
export function changesProjection(delivery: Delivery): boolean {
  if (!delivery.reference || delivery.connector === STORE) return false;
  return ORDER_CREATING.includes(delivery.type) || delivery.type === "accountCreate" || delivery.type === "accountUpdate";
}

/**
 * Stores what a backend returned on our entities once a command is delivered
 * to a connector other than the store: the ERP's order number on the order.
 * Runs on `client`, inside the transaction that marks the delivery DELIVERED.
 */
export async function applyDeliveryToProjection(client: Queryable, delivery: Delivery): Promise<void> {
  if (!changesProjection(delivery) || !delivery.reference) return;
  if (ORDER_CREATING.includes(delivery.type)) {
    const number = await orders.setExternalNumber(client, delivery.aggregateId, delivery.reference);
    // A change a backend reported by this number may have been parked until the order had it.
    if (number !== null) await scheduleInboundRetry(client, [`Order:${number}`, `Order:external:${delivery.reference}`]);
  } else if (delivery.type === "accountCreate" || delivery.type === "accountUpdate") {
    await accountExternalRefs.upsert(client, delivery.aggregateId, delivery.connector, delivery.reference);
  }
}
