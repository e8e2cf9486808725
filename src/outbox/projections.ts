import type { Pool } from "pg";
import { STORE } from "../connectors/store/store-connector.js";
import { ORDER_CREATING } from "./command-types.js";

/**
 * Stores what a backend returned on our entities once a command is delivered
 * to a connector other than the store: the ERP's order number on the order.
 */
export async function applyDeliveryToProjection(
  pool: Pool,
  delivery: { connector: string; type: string; aggregateId: string; reference: string | null },
): Promise<void> {
  if (!delivery.reference || delivery.connector === STORE) return;
  if (ORDER_CREATING.includes(delivery.type)) {
    await pool.query(`UPDATE "order" SET external_number = $2, updated_at = now() WHERE id = $1::uuid AND external_number IS DISTINCT FROM $2`, [delivery.aggregateId, delivery.reference]);
  } else if (delivery.type === "accountCreate" || delivery.type === "accountUpdate") {
    await pool.query(
      `INSERT INTO account_external_ref (account_id, connector, external_id) VALUES ($1::uuid, $2, $3)
       ON CONFLICT (account_id, connector) DO UPDATE SET external_id = EXCLUDED.external_id`,
      [delivery.aggregateId, delivery.connector, delivery.reference],
    );
  }
}
