import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/**
 * The store's `ship_to` table (an account's delivery addresses): every
 * statement the writers run on it. Each function takes the caller's transaction first.
 */

/** A new `ship_to` row; it is not the default until {@link makeDefault} says so. */
export interface NewShipToRow {
  id: string;
  accountId: string;
  erpShipToId: string | null;
  name: string;
  /** The address, as JSON. */
  address: string;
}

/** A live ship-to of an account, as {@link lockLiveOfAccount} returns it. */
export interface LiveShipToRow {
  id: string;
  is_default: boolean;
}

/** Inserts a ship-to that is not the default. */
export async function insert(tx: Queryable, shipTo: NewShipToRow): Promise<void> {
  await queryCount(tx, `INSERT INTO ship_to (id, account_id, erp_ship_to_id, name, address, is_default) VALUES ($1, $2, $3, $4, $5, false)`, [
    shipTo.id,
    shipTo.accountId,
    shipTo.erpShipToId,
    shipTo.name,
    shipTo.address,
  ]);
}

/** How many live ship-tos of the account are marked default. */
export async function countLiveDefaults(tx: Queryable, accountId: string): Promise<number> {
  return (await queryRow<{ n: number }>(tx, `SELECT count(*)::int AS n FROM ship_to WHERE account_id = $1 AND removed_at IS NULL AND is_default`, [accountId]))!.n;
}

/** Makes one ship-to the account's only default. */
export async function makeDefault(tx: Queryable, accountId: string, shipToId: string): Promise<void> {
  await queryCount(tx, `UPDATE ship_to SET is_default = (id = $2) WHERE account_id = $1`, [accountId, shipToId]);
}

/** Renames or moves a live ship-to (null leaves a column as it is); false when it was removed. */
export async function update(tx: Queryable, shipToId: string, changes: { name: string | null; address: string | null }): Promise<boolean> {
  const changed = await queryRows<{ id: string }>(tx, `UPDATE ship_to SET name = coalesce($2, name), address = coalesce($3::jsonb, address) WHERE id = $1 AND removed_at IS NULL RETURNING id`, [
    shipToId,
    changes.name,
    changes.address,
  ]);
  return changed.length > 0;
}

/** Locks and returns an account's live ship-tos, the default first, then by name. */
export async function lockLiveOfAccount(tx: Queryable, accountId: string): Promise<LiveShipToRow[]> {
  return queryRows<LiveShipToRow>(tx, `SELECT id, is_default FROM ship_to WHERE account_id = $1 AND removed_at IS NULL ORDER BY is_default DESC, name FOR UPDATE`, [accountId]);
}

/** Marks a ship-to removed (and no longer the default). */
export async function markRemoved(tx: Queryable, shipToId: string): Promise<void> {
  await queryCount(tx, `UPDATE ship_to SET removed_at = now(), is_default = false WHERE id = $1`, [shipToId]);
}
