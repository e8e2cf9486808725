import type { InboundChange } from "../commands/inbound-changes.js";

/*
 * The pull half of the inbound path: a connector whose backend keeps changes
 * for us to fetch offers a `sync` per domain. A run walks pages from where the
 * last one stopped (the cursor is the connector's own high-water mark: a page
 * number, a timestamp, a token); the runner applies each page's changes through
 * the inbound path and stores the page's cursor, so an interrupted run resumes.
 */

/** The domains a connector may sync into the store. */
export const SYNC_DOMAINS = ["catalog", "inventory", "orders", "accounts", "invoices"] as const;

/** A domain a connector may sync. */
export type SyncDomain = (typeof SYNC_DOMAINS)[number];

/** One page of a sync run. */
export interface SyncPage {
  /** The changes of this page, each with the backend's id and when it happened. */
  changes: InboundChange[];
  /**
   * Where to continue after this page. After the last page: the high-water mark
   * the next run starts from, or null when every run walks everything.
   */
  cursor: string | null;
  /** How many items the whole run will bring, when the backend says (for the progress bar). */
  total?: number;
}

/** A domain's sync, as a connector offers it. */
export interface SyncSource {
  /**
   * The pages of one run, starting at `cursor` (null: from the beginning).
   * Stops early when `signal` aborts. Each call to the backend takes a turn of
   * the connector's request quota through `takeTurn`.
   */
  pages(cursor: string | null, options: { signal: AbortSignal; takeTurn: () => Promise<void> }): AsyncIterable<SyncPage>;
}

/** The syncs a connector offers, per domain. */
export type SyncSources = Partial<Record<SyncDomain, SyncSource>>;
