import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { isAdmin } from "../../auth/principal.js";
import { forbidden, unauthenticated } from "../../common/errors.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS, type ReservationCap, type ReservationCaps } from "../../common/input-limits.js";
import type { Principal } from "../../auth/principal.js";
import { expectGlobalId, isUuid } from "../../common/ids.js";
import { clampToInt32 } from "../../common/int32.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { keyLoader } from "../../common/loaders.js";
import { STORE } from "../../connectors/store/store-connector.js";
import { lockInventoryRows } from "./inventory-locks.js";
import type { RequestContext } from "../../context.js";
import { returnedRows } from "../../db/returning.js";
import type { StockReservationModel } from "../../models/warehouse.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { principalKeyOf, runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";
import type { Router } from "../../connectors/router.js";
import type { DataSource } from "typeorm";

/** The `input` of `stockReserve`. */
export interface StockReserveInput {
  reference?: string | null;
  expiresInMinutes?: number | null;
  lines: ReadonlyArray<{ productId?: string | null; sku?: string | null; warehouseId: string; quantity: number }>;
}

const RESERVATION_SELECT = `r.*, (SELECT json_agg(json_build_object('productKey', l.product_id, 'warehouseKey', l.warehouse_id, 'quantity', l.quantity) ORDER BY l.line_number)
  FROM stock_reservation_line l WHERE l.reservation_id = r.id) AS lines`;

/** Per-request loader of stock reservations (Commerce Graph's own table). */
export function createStockReservationLoaders(dataSource: DataSource | EntityManager) {
  return {
    stockReservation: keyLoader<StockReservationModel | null>(async (ids) => {
      const wanted = ids.filter(isUuid);
      const rows = wanted.length ? ((await dataSource.query(`SELECT ${RESERVATION_SELECT} FROM stock_reservation r WHERE r.id = ANY($1::uuid[])`, [wanted])) as Array<Record<string, unknown>>) : [];
      const byId = new Map(
        rows.map((row) => [
          String(row.id),
          {
            key: String(row.id),
            principal: String(row.principal),
            reference: (row.reference as string | null) ?? null,
            expiresAt: row.expires_at as Date,
            releasedAt: (row.released_at as Date | null) ?? null,
            releaseReason: (row.release_reason as string | null) ?? null,
            createdAt: row.created_at as Date,
            lines: ((row.lines as Array<{ productKey: string; warehouseKey: string; quantity: number }> | null) ?? []).map((l) => ({ source: STORE, ...l })),
          },
        ]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** A reservation by global ID: readable by the principal that made it, and by admins. */
export async function reservationById(ctx: RequestContext, id: string): Promise<StockReservationModel | null> {
  const gid = expectGlobalId(id, "StockReservation");
  const reservation = gid.connector === STORE ? await ctx.loaders.stockReservation.load(gid.key) : null;
  if (reservation && !isAdmin(ctx.principal) && reservation.principal !== principalKeyOf(ctx.principal)) throw forbidden("This reservation was made by someone else.");
  return reservation;
}

/** The status the API shows: released, expired, or active. */
export function reservationStatusOf(reservation: StockReservationModel): "ACTIVE" | "RELEASED" | "EXPIRED" {
  if (reservation.releasedAt) return reservation.releaseReason === "expired" ? "EXPIRED" : "RELEASED";
  return reservation.expiresAt.getTime() <= Date.now() ? "EXPIRED" : "ACTIVE";
}

/** The reservation caps of a principal: customers, storefront API keys, admin API keys. */
export function reservationCapOf(principal: Principal, caps: ReservationCaps): ReservationCap {
  if (principal.kind === "CUSTOMER") return caps.customer;
  return isAdmin(principal) ? caps.admin : caps.storefront;
}

/** What a principal holds in active stock reservations now. */
export interface ReservationUsage {
  activeReservations: number;
  unitsHeld: number;
}

/** A principal's active reservations and the units they hold (read in the caller's transaction when given one). */
async function usageOf(queryable: Pick<EntityManager, "query">, principal: string): Promise<ReservationUsage> {
  const [row] = (await queryable.query(
    `SELECT count(*)::int AS active, coalesce(sum((SELECT sum(l.quantity) FROM stock_reservation_line l WHERE l.reservation_id = r.id)), 0)::bigint AS units
     FROM stock_reservation r WHERE r.principal = $1 AND r.released_at IS NULL AND r.expires_at > now()`,
    [principal],
  )) as Array<{ active: number; units: string }>;
  return { activeReservations: row?.active ?? 0, unitsHeld: Number(row?.units ?? 0) };
}

/** `Query.stockReservationAllowance`: what the caller holds (units at most 2,147,483,647, the largest `Int`) and may hold (null: no cap). */
export async function reservationAllowance(ctx: RequestContext): Promise<ReservationUsage & { maxActiveReservations: number | null; maxUnitsHeld: number | null; maxMinutes: number }> {
  if (ctx.principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to see your stock reservations.");
  const cap = reservationCapOf(ctx.principal, ctx.limits.reservations);
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  const usage = await usageOf(ctx.dataSource, principalKeyOf(ctx.principal));
  return { activeReservations: usage.activeReservations, unitsHeld: clampToInt32(usage.unitsHeld), maxActiveReservations: finite(cap.maxActive), maxUnitsHeld: finite(cap.maxUnits), maxMinutes: cap.maxMinutes };
}

/** Checks `stockReserve`'s input against its maxima (the length, against the principal's cap, is checked with the lines). */
function checkStockReserveInput(input: StockReserveInput): void {
  const check = new InputCheck()
    .text(input.reference, ["input", "reference"], TEXT_LIMITS.reference)
    .list(input.lines, ["input", "lines"], 1, INPUT_LIMITS.lines);
  if (input.lines.length <= INPUT_LIMITS.lines) {
    input.lines.forEach((line, index) => {
      const field = ["input", "lines", String(index)];
      check.id(line.productId, [...field, "productId"]).text(line.sku, [...field, "sku"], TEXT_LIMITS.code).id(line.warehouseId, [...field, "warehouseId"]).quantity(line.quantity, [...field, "quantity"]);
    });
  }
  check.done();
}

/**
 * Refuses a reservation that would take the principal over its caps (active
 * reservations, units held): a `LIMIT_REACHED` user error. Reservations of one
 * principal are checked one at a time (a transaction lock), so concurrent
 * requests cannot pass the caps together.
 */
async function assertWithinCaps(manager: EntityManager, principal: string, cap: ReservationCap, units: number): Promise<void> {
  if (!Number.isFinite(cap.maxActive) && !Number.isFinite(cap.maxUnits)) return;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`stock-reservations\n${principal}`]);
  const usage = await usageOf(manager, principal);
  const errors: UserErrorModel[] = [];
  if (usage.activeReservations + 1 > cap.maxActive) {
    errors.push({ field: ["input"], message: `You hold ${usage.activeReservations} active reservations, the most you may hold at once. Release one first.`, code: "LIMIT_REACHED" });
  }
  if (usage.unitsHeld + units > cap.maxUnits) {
    errors.push({ field: ["input", "lines"], message: `You hold ${usage.unitsHeld} units in reservations; ${units} more would pass the ${cap.maxUnits} you may hold at once.`, code: "LIMIT_REACHED" });
  }
  if (errors.length > 0) throw new UserErrors(errors);
}

/** `stockReserve`: holds every line's stock, or none of it, within the principal's caps. */
export async function createReservation(ctx: RequestContext, input: StockReserveInput, idempotencyKey: string): Promise<MutationOutcome> {
  const cap = reservationCapOf(ctx.principal, ctx.limits.reservations);
  return runIdempotent(ctx, "stockReserve", idempotencyKey, input, async (manager, principal, ctx) => {
    checkStockReserveInput(input);
    const minutes = input.expiresInMinutes ?? Math.min(30, cap.maxMinutes);
    const errors: UserErrorModel[] = [];
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > cap.maxMinutes) {
      errors.push({ field: ["input", "expiresInMinutes"], message: `Between 1 and ${cap.maxMinutes} minutes (the longest you may hold stock).`, code: "INVALID" });
    }
    const lines: Array<{ productKey: string; sku: string; warehouseKey: string; quantity: number }> = [];
    for (const [index, line] of input.lines.entries()) {
      const field = ["input", "lines", String(index)];
      const product = await productNamed(ctx, line);
      const warehouse = await warehouseNamed(ctx, line.warehouseId);
      if (!product) errors.push({ field: [...field, line.productId != null ? "productId" : "sku"], message: "No such product.", code: "NOT_FOUND" });
      if (!warehouse) errors.push({ field: [...field, "warehouseId"], message: "No such warehouse.", code: "NOT_FOUND" });
      if (!Number.isInteger(line.quantity) || line.quantity < 1) errors.push({ field: [...field, "quantity"], message: "At least 1 unit.", code: "INVALID" });
      if (product && warehouse) lines.push({ productKey: product.key, sku: product.sku, warehouseKey: warehouse.key, quantity: line.quantity });
    }
    if (errors.length > 0) throw new UserErrors(errors);
    await assertWithinCaps(manager, principal, cap, lines.reduce((sum, line) => sum + line.quantity, 0));
    await lockInventoryRows(manager, lines);
    for (const [index, line] of lines.entries()) {
      const held = returnedRows(
        await manager.query(
          `UPDATE inventory_level SET reserved = reserved + $3, updated_at = now() WHERE product_id = $1 AND warehouse_id = $2 AND on_hand - reserved >= $3 RETURNING 1`,
          [line.productKey, line.warehouseKey, line.quantity],
        ),
      );
      if (held.length === 0) errors.push({ field: ["input", "lines", String(index), "quantity"], message: `Not enough ${line.sku} available in that warehouse.`, code: "NOT_ENOUGH_STOCK" });
    }
    if (errors.length > 0) throw new UserErrors(errors);
    const id = randomUUID();
    await manager.query(`INSERT INTO stock_reservation (id, principal, reference, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`, [id, principal, input.reference ?? null, minutes]);
    for (const [index, line] of lines.entries()) {
      await manager.query(`INSERT INTO stock_reservation_line (reservation_id, line_number, product_id, warehouse_id, quantity) VALUES ($1, $2, $3, $4, $5)`, [id, index + 1, line.productKey, line.warehouseKey, line.quantity]);
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "stockReserve",
      aggregateId: id,
      idempotencyKey,
      principal,
      payload: { reference: input.reference ?? null, expiresInMinutes: minutes, lines: lines.map(({ sku, warehouseKey, quantity }) => ({ sku, warehouseKey, quantity })) },
    });
    await manager.query(`UPDATE stock_reservation SET last_command_id = $2 WHERE id = $1`, [id, commandId]);
    return { entityKey: id, commandId, userErrors: [] };
  });
}

/**
 * Releases a reservation in the caller's transaction: its stock becomes
 * available again. False when it was already released.
 */
async function release(manager: EntityManager, id: string, reason: "released" | "expired"): Promise<boolean> {
  const released = returnedRows(await manager.query(`UPDATE stock_reservation SET released_at = now(), release_reason = $2 WHERE id = $1 AND released_at IS NULL RETURNING id`, [id, reason]));
  if (released.length === 0) return false;
  await manager.query(
    `UPDATE inventory_level il SET reserved = greatest(il.reserved - l.quantity, 0), updated_at = now()
     FROM stock_reservation_line l WHERE l.reservation_id = $1 AND il.product_id = l.product_id AND il.warehouse_id = l.warehouse_id`,
    [id],
  );
  return true;
}

/** `stockReservationRelease`: lets go of the stock now. */
export async function releaseReservation(ctx: RequestContext, id: string, idempotencyKey: string): Promise<MutationOutcome> {
  const reservation = await reservationById(ctx, id);
  return runIdempotent(ctx, "stockReservationRelease", idempotencyKey, { id }, async (manager, principal, ctx) => {
    if (!reservation) throw new UserErrors([{ field: ["id"], message: "No such reservation.", code: "NOT_FOUND" }]);
    if (!(await release(manager, reservation.key, "released"))) throw new UserErrors([{ field: ["id"], message: "This reservation was already released or has expired.", code: "INVALID_STATE" }]);
    const commandId = await enqueueCommand(manager, ctx.router, { type: "stockReservationRelease", aggregateId: reservation.key, idempotencyKey, principal, payload: { reason: "released" } });
    await manager.query(`UPDATE stock_reservation SET last_command_id = $2 WHERE id = $1`, [reservation.key, commandId]);
    return { entityKey: reservation.key, commandId, userErrors: [] };
  });
}

/**
 * Releases every reservation past its expiry (run each minute by the relay),
 * each in its own transaction with its release command. Returns how many.
 */
export async function releaseExpiredReservations(dataSource: DataSource, router: Router): Promise<number> {
  const expired = (await dataSource.query(`SELECT id FROM stock_reservation WHERE released_at IS NULL AND expires_at <= now() ORDER BY expires_at LIMIT 500`)) as Array<{ id: string }>;
  let count = 0;
  for (const { id } of expired) {
    await dataSource.transaction(async (manager) => {
      if (!(await release(manager, id, "expired"))) return;
      const commandId = await enqueueCommand(manager, router, { type: "stockReservationRelease", aggregateId: id, idempotencyKey: `expiry:${id}`, principal: "system:expiry", payload: { reason: "expired" } });
      await manager.query(`UPDATE stock_reservation SET last_command_id = $2 WHERE id = $1`, [id, commandId]);
      count++;
    });
  }
  return count;
}
