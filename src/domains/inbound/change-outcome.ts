import type { EntityManager } from "typeorm";
import type { OrderRef } from "../../commands/inbound-changes.js";
import type { Router } from "../../connectors/router.js";

/** What applying one inbound change came to. */
export type ChangeOutcome =
  /** Applied; `created`: it created a record other parked changes may wait for. */
  | { status: "applied"; created?: boolean }
  /** Older than what the store already has: applied as a no-op. */
  | { status: "stale" }
  /** Cannot be applied yet (what it refers to is missing): tried again later. */
  | { status: "parked"; reason: string }
  /** Can never be applied. */
  | { status: "rejected"; reason: string };

/** Where and for whom one change is applied: its transaction, the routes, and the change's origin. */
export interface ApplyContext {
  /** The change's own transaction. */
  tx: EntityManager;
  router: Router;
  /** The connector that reported the change (its commands are not sent back there). */
  connector: string;
  /** The backend's event id of the change. */
  eventId: string;
  /** The principal the change's commands are recorded for: `connector:<name>`. */
  principal: string;
  /** The idempotency key of the change's commands (one per event). */
  idempotencyKey: string;
}

/** The outcome "applied". */
export const applied = (created = false): ChangeOutcome => ({ status: "applied", created });
/** The outcome "parked", waiting for `reason`. */
export const parked = (reason: string): ChangeOutcome => ({ status: "parked", reason });
/** The outcome "rejected", for `reason`. */
export const rejected = (reason: string): ChangeOutcome => ({ status: "rejected", reason });
/** The outcome "stale". */
export const stale: ChangeOutcome = { status: "stale" };

/** An order reference as a message names it. */
export function describeOrder(ref: OrderRef): string {
  return ref.number !== undefined ? `order ${ref.number}` : `the order with external number ${ref.externalNumber}`;
}
