import type { ClientBase } from "pg";
import { STORE } from "../connectors/store/store-connector.js";
import { ORDER_CREATING } from "../commands/command-types.js";

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
export async function applyDeliveryToProjection(client: Pick<ClientBase, "query">, delivery: Delivery): Promise<void> {
  if (!changesProjection(delivery)) return;
  if (ORDER_CREATING.includes(delivery.type)) {
    await client.query(`UPDATE "order" SET external_number = $2, updated_at = now() WHERE id = $1::uuid AND external_number IS DISTINCT FROM $2`, [delivery.aggregateId, delivery.reference]);
  } else if (delivery.type === "accountCreate" || delivery.type === "accountUpdate") {
    await client.query(
      `INSERT INTO account_external_ref (account_id, connector, external_id) VALUES ($1::uuid, $2, $3)
       ON CONFLICT (account_id, connector) DO UPDATE SET external_id = EXCLUDED.external_id`,
      [delivery.aggregateId, delivery.connector, delivery.reference],
    );
  }
}
