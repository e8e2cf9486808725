import { STORE } from "../connectors/store/store-connector.js";
import * as accountExternalRefs from "../connectors/store/tables/account-external-refs.js";
import * as orders from "../connectors/store/tables/orders.js";
import { queryRows, type Queryable } from "../db/query-rows.js";
import { ORDER_CREATING } from "../commands/command-types.js";

/**
 * The relay task that tries parked inbound changes again (every connector's),
 * each minute and whenever something they may wait for appears (an order's
 * external number, a record an inbound change created).
 */
export const INBOUND_RETRY_TASK = "retry_parked_inbound_changes";

/**
 * Asks the relay to try parked inbound changes again soon, in `db`'s
 * transaction (one waiting job at most: `preserve_run_at`).
 */
export async function scheduleInboundRetry(db: Queryable): Promise<void> {
  await queryRows(db, `SELECT graphile_worker.add_job($1, '{}'::json, job_key := $1, job_key_mode := 'preserve_run_at')`, [INBOUND_RETRY_TASK]);
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
    await orders.setExternalNumber(client, delivery.aggregateId, delivery.reference);
    // A change a backend reported by this number may have been parked until the order had it.
    await scheduleInboundRetry(client);
  } else if (delivery.type === "accountCreate" || delivery.type === "accountUpdate") {
    await accountExternalRefs.upsert(client, delivery.aggregateId, delivery.connector, delivery.reference);
  }
}
