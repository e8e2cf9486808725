/**
 * The store's `stock_reservation` and `stock_reservation_line` tables: every
 * statement on them, each run in the caller's transaction (`tx`). The stock a
 * reservation holds is counted in `inventory_level` (see `inventory.ts`).
 */
import { queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** A reservation with its lines (as JSON, in line order). */
export interface ReservationRow {
  id: string;
  principal: string;
  reference: string | null;
  expires_at: Date;
  released_at: Date | null;
  release_reason: string | null;
  created_at: Date;
  lines: Array<{ productKey: string; warehouseKey: string; quantity: number }> | null;
}

/** The reservations with these ids (UUIDs), with their lines; missing ones are left out. */
export function byIds(tx: Queryable, ids: readonly string[]): Promise<ReservationRow[]> {
  return queryRows<ReservationRow>(
    tx,
    `SELECT r.*, (SELECT json_agg(json_build_object('productKey', l.product_id, 'warehouseKey', l.warehouse_id, 'quantity', l.quantity) ORDER BY l.line_number)
  FROM stock_reservation_line l WHERE l.reservation_id = r.id) AS lines FROM stock_reservation r WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** How many active reservations a principal holds, and how many units they hold together. */
export interface UsageRow {
  active: number;
  /** A bigint, as text. */
  units: string;
}

/** A principal's active (unreleased, unexpired) reservations and the units they hold. */
export function usageOf(tx: Queryable, principal: string): Promise<UsageRow | undefined> {
  return queryRow<UsageRow>(
    tx,
    `SELECT count(*)::int AS active, coalesce(sum((SELECT sum(l.quantity) FROM stock_reservation_line l WHERE l.reservation_id = r.id)), 0)::bigint AS units
     FROM stock_reservation r WHERE r.principal = $1 AND r.released_at IS NULL AND r.expires_at > now()`,
    [principal],
  );
}

/** Serialises reservations of one principal: a transaction lock, held until the caller's transaction ends. */
export async function lockPrincipal(tx: Queryable, principal: string): Promise<void> {
  await queryRows(tx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`stock-reservations\n${principal}`]);
}

/** A reservation as it is first stored, expiring `minutes` from now. */
export interface NewReservationRow {
  id: string;
  principal: string;
  reference: string | null;
  minutes: number;
}

/** Stores a new reservation (its lines follow with {@link insertLine}). */
export async function insert(tx: Queryable, reservation: NewReservationRow): Promise<void> {
  await queryRows(tx, `INSERT INTO stock_reservation (id, principal, reference, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`, [
    reservation.id,
    reservation.principal,
    reservation.reference,
    reservation.minutes,
  ]);
}

/** A reservation line as it is stored. */
export interface NewReservationLineRow {
  lineNumber: number;
  productKey: string;
  warehouseKey: string;
  quantity: number;
}

/** Stores one line of a reservation (one statement per line, in line order). */
export async function insertLine(tx: Queryable, reservationId: string, line: NewReservationLineRow): Promise<void> {
  await queryRows(tx, `INSERT INTO stock_reservation_line (reservation_id, line_number, product_id, warehouse_id, quantity) VALUES ($1, $2, $3, $4, $5)`, [
    reservationId,
    line.lineNumber,
    line.productKey,
    line.warehouseKey,
    line.quantity,
  ]);
}

/** Records the reservation's latest outbox command. */
export async function setLastCommand(tx: Queryable, reservationId: string, commandId: string): Promise<void> {
  await queryRows(tx, `UPDATE stock_reservation SET last_command_id = $2 WHERE id = $1`, [reservationId, commandId]);
}

/** Marks a reservation released (for `reason`); false when it already was. Its stock is given back separately. */
export async function markReleased(tx: Queryable, reservationId: string, reason: "released" | "expired"): Promise<boolean> {
  const released = await queryRows(tx, `UPDATE stock_reservation SET released_at = now(), release_reason = $2 WHERE id = $1 AND released_at IS NULL RETURNING id`, [reservationId, reason]);
  return released.length > 0;
}

/** The ids of unreleased reservations past their expiry, soonest expired first, at most 500 at a time. */
export async function expiredIds(tx: Queryable): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, `SELECT id FROM stock_reservation WHERE released_at IS NULL AND expires_at <= now() ORDER BY expires_at LIMIT 500`);
  return rows.map((row) => row.id);
}
