import cliProgress from "cli-progress";
import type { ConnectorsConfig } from "../../../connectors/connectors-config.js";
import { kindNamed } from "../../../connectors/kinds.js";
import { SYNC_DOMAINS, type SyncDomain } from "../../../connectors/sync.js";
import { runSync, type SyncDeps, type SyncProgress, type SyncResult } from "./sync-runner.js";

/** What `npm run sync -- <connector> [domain]` runs: one connector's syncs, in `SYNC_DOMAINS` order. */
export interface SyncPlan {
  connector: string;
  domains: SyncDomain[];
}

/** A command line naming a connector or domain that does not exist, or none. */
export class SyncUsageError extends Error {
  override name = "SyncUsageError";
}

/**
 * Reads `<connector> [domain]` against the connectors file: the domain given,
 * or else the domains with a schedule, or else every domain the connector's kind
 * syncs. Anything unknown is a {@link SyncUsageError} listing what exists.
 */
export function planSync(config: ConnectorsConfig, args: readonly string[]): SyncPlan {
  const [connector, domain, ...rest] = args;
  const syncing = Object.entries(config.connectors)
    .filter(([, settings]) => (kindNamed(settings.kind).capabilities.sync ?? []).length > 0)
    .map(([name]) => name);
  const connectors = syncing.length ? syncing.join(", ") : "none (no configured connector's kind can sync)";
  if (!connector) throw new SyncUsageError(`usage: npm run sync -- <connector> [domain]; connectors that sync: ${connectors}`);
  if (rest.length > 0) throw new SyncUsageError(`unexpected arguments: ${rest.join(" ")}; usage: npm run sync -- <connector> [domain]`);
  const settings = config.connectors[connector];
  if (!settings) throw new SyncUsageError(`no connector named "${connector}" in the connectors file; connectors that sync: ${connectors}`);
  const offered = kindNamed(settings.kind).capabilities.sync ?? [];
  if (offered.length === 0) throw new SyncUsageError(`connector "${connector}" (kind ${settings.kind}) syncs nothing; connectors that sync: ${connectors}`);
  if (domain !== undefined) {
    if (!(offered as readonly string[]).includes(domain)) throw new SyncUsageError(`connector "${connector}" (kind ${settings.kind}) cannot sync "${domain}"; it syncs: ${offered.join(", ")}`);
    return { connector, domains: [domain as SyncDomain] };
  }
  const scheduled = SYNC_DOMAINS.filter((d) => offered.includes(d) && settings.sync?.[d]);
  return { connector, domains: scheduled.length ? scheduled : SYNC_DOMAINS.filter((d) => offered.includes(d)) };
}

/** Where the command reports: a progress bar on a terminal, else a line per page. */
export interface SyncOutput {
  /** True on a terminal: one redrawn progress bar per domain. */
  interactive: boolean;
  /** A plain line (progress without a terminal, and each domain's outcome). */
  line(text: string): void;
}

/**
 * Runs the plan's syncs one after another, showing progress; stops at the first
 * that fails (or is interrupted by `signal`: it stops at the next page, and the
 * next run resumes there), throwing its error.
 */
export async function runSyncCommand(deps: SyncDeps, plan: SyncPlan, signal: AbortSignal, output: SyncOutput): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const domain of plan.domains) {
    const bar = output.interactive ? progressBar() : null;
    try {
      const result = await runSync(deps, plan.connector, domain, {
        signal,
        onProgress: (progress) => (bar ? bar.show(progress) : output.line(progressLine(progress))),
      });
      bar?.stop();
      output.line(`${plan.connector} ${domain}: done, ${result.pages} page(s), ${result.itemsRead} read, ${result.itemsApplied} applied, ${result.duplicates} already known, ${result.parked} parked, ${result.rejected} rejected`);
      results.push(result);
    } catch (error) {
      bar?.stop();
      throw error;
    }
  }
  return results;
}

/** One line of progress without a terminal. */
function progressLine(p: SyncProgress): string {
  return `${p.connector} ${p.domain}: page ${p.pages}, ${p.itemsRead}${p.total === undefined ? "" : `/${p.total}`} read, ${p.itemsApplied} applied`;
}

/** A terminal progress bar (cli-progress), started at the first page: with a bar when the backend tells the total. */
function progressBar() {
  let bar: cliProgress.SingleBar | null = null;
  return {
    show(p: SyncProgress) {
      const payload = { connector: p.connector, domain: p.domain, pages: p.pages, applied: p.itemsApplied };
      if (!bar) {
        const format =
          p.total === undefined
            ? "{connector} {domain} | {value} read, {applied} applied | page {pages}"
            : "{connector} {domain} |{bar}| {value}/{total} read, {applied} applied | page {pages}";
        bar = new cliProgress.SingleBar({ format, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(p.total ?? 0, p.itemsRead, payload);
        return;
      }
      if (p.total !== undefined) bar.setTotal(p.total);
      bar.update(p.itemsRead, payload);
    },
    stop() {
      bar?.stop();
    },
  };
}
