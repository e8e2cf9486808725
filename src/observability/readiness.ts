import { DatabaseBusyError } from "../db/database-busy.js";
import type { DeliveryStats } from "../outbox/outbox-store.js";

/** What the database said at the last refresh: `busy` is our own pool full (DATABASE_BUSY), not the database down. */
export type DatabaseState = "up" | "busy" | "down";

/** The outcome of one refresh. */
export interface ReadinessSnapshot {
  database: DatabaseState;
  /** The deliveries' figures of the latest refresh that succeeded (null before any did). */
  deliveries: ReadonlyMap<string, DeliveryStats> | null;
}

/** Default of {@link ReadinessProbe}'s refresh interval (`READYZ_REFRESH_MS`). */
export const DEFAULT_READYZ_REFRESH_MS = 5000;

/**
 * The database part of `/readyz`, refreshed at most once per `refreshMs` per
 * process and one refresh at a time: a probe while a refresh runs shares it, a
 * probe within `refreshMs` of the last one gets its outcome. One statement (the
 * delivery figures) both checks the database and reads what the connectors'
 * delivery status needs, so a flood of anonymous probes costs at most one
 * statement per interval. `refreshMs` 0: every probe refreshes (still one at a time).
 */
export class ReadinessProbe {
  private last: { at: number; snapshot: ReadinessSnapshot } | null = null;
  private inFlight: Promise<ReadinessSnapshot> | null = null;

  constructor(
    private readonly read: () => Promise<ReadonlyMap<string, DeliveryStats>>,
    private readonly refreshMs: number = DEFAULT_READYZ_REFRESH_MS,
  ) {}

  /** The last outcome if it is recent enough, else the (shared) outcome of a new refresh. */
  snapshot(): Promise<ReadinessSnapshot> {
    if (this.inFlight) return this.inFlight;
    if (this.last && this.refreshMs > 0 && Date.now() - this.last.at < this.refreshMs) return Promise.resolve(this.last.snapshot);
    this.inFlight = this.refresh().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async refresh(): Promise<ReadinessSnapshot> {
    let snapshot: ReadinessSnapshot;
    try {
      snapshot = { database: "up", deliveries: await this.read() };
    } catch (error) {
      snapshot = { database: error instanceof DatabaseBusyError ? "busy" : "down", deliveries: this.last?.snapshot.deliveries ?? null };
    }
    this.last = { at: Date.now(), snapshot };
    return snapshot;
  }
}
