/**
 * The store's `account_external_ref` table (an account's id in each backend):
 * its writes, each run in the caller's transaction (`tx`).
 */
import { queryRows, type Queryable } from "../../../db/query-rows.js";

/** Stores the id a backend (`connector`) gave the account, replacing the one it had. */
export async function upsert(tx: Queryable, accountKey: string, connector: string, externalId: string): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO account_external_ref (account_id, connector, external_id) VALUES ($1::uuid, $2, $3)
       ON CONFLICT (account_id, connector) DO UPDATE SET external_id = EXCLUDED.external_id`,
    [accountKey, connector, externalId],
  );
}
