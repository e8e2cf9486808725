import type { DataSource } from "typeorm";
import { aggregateKeyOf, MAX_CHANGES_PER_BATCH, type InboundChange } from "../../../commands/inbound-changes.js";
import type { Router } from "../../../connectors/router.js";
import type { SyncDomain, SyncSource } from "../../../connectors/sync.js";
import type { Logger } from "../../../logger.js";
import { applyWaitingChanges, ingestChanges } from "../inbound-apply.js";
import { quotaTurns } from "./sync-quota.js";
import * as syncState from "../tables/sync-state.js";

/** What a sync run needs: the database, the router (connectors, their sync settings) and a logger. */
export interface SyncDeps {
  dataSource: DataSource;
  router: Router;
  logger: Logger;
}

/** Where a run is, told after each page. */
export interface SyncProgress {
  connector: string;
  domain: SyncDomain;
  /** Pages applied by this run. */
  pages: number;
  /** Changes applied by this walk (a resumed walk goes on counting from where it stopped). */
  itemsApplied: number;
  /** Changes this run read from the backend. */
  itemsRead: number;
  /** How many items the whole run brings, when the backend says. */
  total?: number;
}

/** How a run ended. */
export interface SyncResult extends SyncProgress {
  /** Changes already received before (the same event id): not applied again. */
  duplicates: number;
  /** Changes waiting for something the store does not hold yet (see `Query.inboundChanges`). */
  parked: number;
  /** Changes that can never apply. */
  rejected: number;
  /** The cursor the next run starts from. */
  cursor: string | null;
}

/** The sync is running already (in this or another process). */
export class SyncAlreadyRunningError extends Error {
  override name = "SyncAlreadyRunningError";
  constructor(connector: string, domain: string) {
    super(`the ${domain} sync of connector "${connector}" is running already; it was not started again`);
  }
}

/** The run stopped at a page boundary because it was asked to (Ctrl-C, shutdown); the next run resumes there. */
export class SyncInterruptedError extends Error {
  override name = "SyncInterruptedError";
  constructor(connector: string, domain: string, pages: number) {
    super(`the ${domain} sync of connector "${connector}" stopped after ${pages} page(s); the next run resumes there`);
  }
}

/**
 * Runs one sync of `domain` from `connector`: takes the sync's advisory lock
 * (a run already under way anywhere makes this one fail with
 * {@link SyncAlreadyRunningError}), starts from the stored cursor, and for each
 * page stores its changes durably, applies them, then stores the page's cursor
 * and counts, so that a run that stops (abort, crash, backend error) resumes
 * from its last stored page. Backend calls take turns of the connector's quota
 * (see `sync-quota.ts`). A failed run records its error (counted) and throws
 * it; an interrupted run throws {@link SyncInterruptedError} without counting
 * an error; either way the cursor stays where the run got to.
 */
export async function runSync(
  deps: SyncDeps,
  connectorName: string,
  domain: SyncDomain,
  options: { signal?: AbortSignal; onProgress?: (progress: SyncProgress) => void } = {},
): Promise<SyncResult> {
  const connector = deps.router.connectorNamed(connectorName);
  const source = connector?.sync?.[domain];
  if (!source) throw new Error(`connector "${connectorName}" offers no ${domain} sync`);
  const signal = options.signal ?? new AbortController().signal;
  const session = deps.dataSource.createQueryRunner();
  await session.connect();
  try {
    if (!(await syncState.tryLock(session.manager, connectorName, domain))) throw new SyncAlreadyRunningError(connectorName, domain);
    try {
      return await walk(deps, connectorName, domain, source, signal, options.onProgress);
    } finally {
      await syncState.unlock(session.manager, connectorName, domain);
    }
  } finally {
    await session.release();
  }
}

/** The run itself, under the sync's lock. */
async function walk(
  deps: SyncDeps,
  connector: string,
  domain: SyncDomain,
  source: SyncSource,
  signal: AbortSignal,
  onProgress: ((progress: SyncProgress) => void) | undefined,
): Promise<SyncResult> {
  const { dataSource } = deps;
  const start = await syncState.beginRun(dataSource, connector, domain);
  const result: SyncResult = { connector, domain, pages: 0, itemsApplied: start.itemsApplied, itemsRead: 0, duplicates: 0, parked: 0, rejected: 0, cursor: start.cursor };
  const takeTurn = quotaTurns(dataSource, connector, deps.router.syncSettingsOf(connector).quota, signal);
  const log = deps.logger.child({ connector, domain });
  log.info({ cursor: start.cursor }, start.cursor === null ? "sync started from the beginning" : "sync started from its stored cursor");
  try {
    for await (const page of source.pages(start.cursor, { signal, takeTurn })) {
      const applied = await applyPage(deps, connector, page.changes, result);
      await syncState.recordPage(dataSource, connector, domain, page.cursor, applied);
      result.pages++;
      result.itemsApplied += applied;
      result.itemsRead += page.changes.length;
      result.cursor = page.cursor;
      if (page.total !== undefined) result.total = page.total;
      onProgress?.({ connector, domain, pages: result.pages, itemsApplied: result.itemsApplied, itemsRead: result.itemsRead, ...(result.total === undefined ? {} : { total: result.total }) });
      // Stop between pages when asked to: everything up to here is stored.
      if (signal.aborted) break;
    }
    if (signal.aborted) throw new SyncInterruptedError(connector, domain, result.pages);
  } catch (error) {
    // An abort inside the backend call or a quota wait is the same interruption.
    const failure = signal.aborted && !(error instanceof SyncInterruptedError) ? new SyncInterruptedError(connector, domain, result.pages) : error;
    if (failure instanceof SyncInterruptedError) {
      // Asked to stop: not a failure (the error count and last error stay).
      await syncState.stopRun(dataSource, connector, domain);
      log.info({ pages: result.pages, itemsApplied: result.itemsApplied }, "sync stopped as asked; the next run resumes from its last stored page");
      throw failure;
    }
    const message = failure instanceof Error ? failure.message : String(failure);
    await syncState.finishRun(dataSource, connector, domain, message);
    log.warn({ pages: result.pages, itemsApplied: result.itemsApplied, err: failure }, "sync failed; the next run resumes from its last stored page");
    throw failure;
  }
  await syncState.finishRun(dataSource, connector, domain, null);
  log.info({ pages: result.pages, itemsRead: result.itemsRead, itemsApplied: result.itemsApplied, duplicates: result.duplicates, parked: result.parked, rejected: result.rejected }, "sync finished");
  return result;
}

/**
 * Stores one page's changes (in batches of at most {@link MAX_CHANGES_PER_BATCH})
 * and applies the waiting changes of the aggregates they touch; adds duplicates,
 * parked and rejected changes to `result` and answers how many were applied.
 */
async function applyPage(deps: SyncDeps, connector: string, changes: readonly InboundChange[], result: SyncResult): Promise<number> {
  let applied = 0;
  for (let offset = 0; offset < changes.length; offset += MAX_CHANGES_PER_BATCH) {
    const batch = changes.slice(offset, offset + MAX_CHANGES_PER_BATCH);
    const ingested = await ingestChanges(deps.dataSource, connector, batch);
    result.duplicates += ingested.duplicates;
    const report = await applyWaitingChanges(deps, connector, { aggregateKeys: [...new Set(batch.map(aggregateKeyOf))] });
    applied += report.applied;
    result.parked += report.parked;
    result.rejected += report.rejected;
  }
  return applied;
}
