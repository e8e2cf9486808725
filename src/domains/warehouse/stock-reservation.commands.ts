import { randomUUID } from "node:crypto";
import { isAdmin } from "../../auth/principal.js";
import { forbidden, unauthenticated } from "../../common/errors.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS, type ReservationCap, type ReservationCaps } from "../../common/input-limits.js";
import type { Principal } from "../../auth/principal.js";
import { expectGlobalId, isUuid } from "../../common/ids.js";
import { clampToInt32 } from "../../common/int32.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { keyLoader } from "../../common/loaders.js";
import { STORE } from "../../connectors/store/store-connector.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as reservations from "../../connectors/store/tables/reservations.js";
import type { RequestContext } from "../../context.js";
import type { Queryable } from "../../db/query-rows.js";
import type { StockReservationStatus, StockReserveInput } from "../../generated/graphql.js";
import type { StockReservationModel } from "../../models/warehouse.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { principalKeyOf, runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import type { Router } from "../../connectors/router.js";
import type { DataSource } from "typeorm";

/** Per-request loader of stock reservations (Commerce Graph's own table). */
export function createStockReservationLoaders(dataSource: Queryable) {
  return {
    stockReservation: keyLoader<StockReservationModel | null>(async (ids) => {
      const wanted = ids.filter(isUuid);
      const rows = wanted.length ? await reservations.byIds(dataSource, wanted) : [];
      const byId = new Map(
        rows.map((row): [string, StockReservationModel] => [
          String(row.id),
          {
            key: String(row.id),
            principal: row.principal,
            reference: row.reference ?? null,
            expiresAt: row.expires_at,
            releasedAt: row.released_at ?? null,
            releaseReason: row.release_reason ?? null,
            createdAt: row.created_at,
            lines: (row.lines ?? []).map((l) => ({ source: STORE, ...l })),
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
export function reservationStatusOf(reservation: StockReservationModel): StockReservationStatus {
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
async function usageOf(queryable: Queryable, principal: string): Promise<ReservationUsage> {
  const row = await reservations.usageOf(queryable, principal);
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
async function assertWithinCaps(tx: Queryable, principal: string, cap: ReservationCap, units: number): Promise<void> {
  if (!Number.isFinite(cap.maxActive) && !Number.isFinite(cap.maxUnits)) return;
  await reservations.lockPrincipal(tx, principal);
  const usage = await usageOf(tx, principal);
  const errors: UserErrorModel[] = [];
  if (usage.activeReservations + 1 > cap.maxActive) {
    errors.push(userError("LIMIT_REACHED", ["input"], `You hold ${usage.activeReservations} active reservations, the most you may hold at once. Release one first.`));
  }
  if (usage.unitsHeld + units > cap.maxUnits) {
    errors.push(userError("LIMIT_REACHED", ["input", "lines"], `You hold ${usage.unitsHeld} units in reservations; ${units} more would pass the ${cap.maxUnits} you may hold at once.`));
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
      errors.push(userError("INVALID", ["input", "expiresInMinutes"], `Between 1 and ${cap.maxMinutes} minutes (the longest you may hold stock).`));
    }
    const lines: Array<{ productKey: string; sku: string; warehouseKey: string; quantity: number }> = [];
    for (const [index, line] of input.lines.entries()) {
      const field = ["input", "lines", String(index)];
      const product = await productNamed(ctx, line);
      const warehouse = await warehouseNamed(ctx, line.warehouseId);
      if (!product) errors.push(userError("NOT_FOUND", [...field, line.productId != null ? "productId" : "sku"], "No such product."));
      if (!warehouse) errors.push(userError("NOT_FOUND", [...field, "warehouseId"], "No such warehouse."));
      if (!Number.isInteger(line.quantity) || line.quantity < 1) errors.push(userError("INVALID", [...field, "quantity"], "At least 1 unit."));
      if (product && warehouse) lines.push({ productKey: product.key, sku: product.sku, warehouseKey: warehouse.key, quantity: line.quantity });
    }
    if (errors.length > 0) throw new UserErrors(errors);
    await assertWithinCaps(manager, principal, cap, lines.reduce((sum, line) => sum + line.quantity, 0));
    await inventory.lockLevels(manager, lines);
    for (const [index, line] of lines.entries()) {
      const held = await inventory.reserveIfAvailable(manager, line.productKey, line.warehouseKey, line.quantity);
      if (!held) errors.push(userError("NOT_ENOUGH_STOCK", ["input", "lines", String(index), "quantity"], `Not enough ${line.sku} available in that warehouse.`));
    }
    if (errors.length > 0) throw new UserErrors(errors);
    const id = randomUUID();
    await reservations.insert(manager, { id, principal, reference: input.reference ?? null, minutes });
    for (const [index, line] of lines.entries()) {
      await reservations.insertLine(manager, id, { lineNumber: index + 1, productKey: line.productKey, warehouseKey: line.warehouseKey, quantity: line.quantity });
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "stockReserve",
      aggregateId: id,
      idempotencyKey,
      principal,
      payload: { reference: input.reference ?? null, expiresInMinutes: minutes, lines: lines.map(({ sku, warehouseKey, quantity }) => ({ sku, warehouseKey, quantity })) },
    });
    await reservations.setLastCommand(manager, id, commandId);
    return { entityKey: id, commandId, userErrors: [] };
  });
}

/**
 * Releases a reservation in the caller's transaction: its stock becomes
 * available again. False when it was already released.
 */
async function release(tx: Queryable, id: string, reason: "released" | "expired"): Promise<boolean> {
  if (!(await reservations.markReleased(tx, id, reason))) return false;
  await inventory.releaseForReservation(tx, id);
  return true;
}

/** `stockReservationRelease`: lets go of the stock now. */
export async function releaseReservation(ctx: RequestContext, id: string, idempotencyKey: string): Promise<MutationOutcome> {
  const reservation = await reservationById(ctx, id);
  return runIdempotent(ctx, "stockReservationRelease", idempotencyKey, { id }, async (manager, principal, ctx) => {
    if (!reservation) failWith("NOT_FOUND", ["id"], "No such reservation.");
    if (!(await release(manager, reservation.key, "released"))) failWith("INVALID_STATE", ["id"], "This reservation was already released or has expired.");
    const commandId = await enqueueCommand(manager, ctx.router, { type: "stockReservationRelease", aggregateId: reservation.key, idempotencyKey, principal, payload: { reason: "released" } });
    await reservations.setLastCommand(manager, reservation.key, commandId);
    return { entityKey: reservation.key, commandId, userErrors: [] };
  });
}

/**
 * Releases every reservation past its expiry (run each minute by the relay),
 * each in its own transaction with its release command. Returns how many.
 */
export async function releaseExpiredReservations(dataSource: DataSource, router: Router): Promise<number> {
  const expired = await reservations.expiredIds(dataSource);
  let count = 0;
  for (const id of expired) {
    await dataSource.transaction(async (manager) => {
      if (!(await release(manager, id, "expired"))) return;
      const commandId = await enqueueCommand(manager, router, { type: "stockReservationRelease", aggregateId: id, idempotencyKey: `expiry:${id}`, principal: "system:expiry", payload: { reason: "expired" } });
      await reservations.setLastCommand(manager, id, commandId);
      count++;
    });
  }
  return count;
}
