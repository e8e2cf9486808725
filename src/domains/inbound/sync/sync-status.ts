import type { Router } from "../../../connectors/router.js";
import { SYNC_DOMAINS, type SyncDomain } from "../../../connectors/sync.js";
import type { Queryable } from "../../../db/query-rows.js";
import { nextRunOf } from "./next-run.js";
import { readSyncStates, type SyncStateRow } from "../tables/sync-state.js";

/** One domain's sync of a connector, as `ConnectorInfo.syncs` shows it. */
export interface ConnectorSyncModel {
  domain: SyncDomain;
  schedule: string | null;
  runningSince: Date | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  itemsApplied: number;
  errors: number;
  lastError: string | null;
  nextRunAt: Date | null;
}

/**
 * The syncs of every connector, by connector name, read in one statement: each
 * domain a connector offers that has a schedule or has run before, in the
 * order of `SYNC_DOMAINS`.
 */
export async function syncsOfConnectors(db: Queryable, router: Router, now = new Date()): Promise<Map<string, ConnectorSyncModel[]>> {
  const connectors = router.all();
  const states = new Map<string, SyncStateRow>((await readSyncStates(db, connectors.map((c) => c.name))).map((row) => [`${row.connector}\n${row.domain}`, row]));
  return new Map(
    connectors.map((connector) => {
      const { schedules } = router.syncSettingsOf(connector.name);
      const syncs = SYNC_DOMAINS.filter((domain) => connector.sync?.[domain] && (schedules[domain] || states.has(`${connector.name}\n${domain}`))).map((domain) => {
        const state = states.get(`${connector.name}\n${domain}`);
        const schedule = schedules[domain] ?? null;
        return {
          domain,
          schedule,
          runningSince: state?.running_since ?? null,
          lastRunAt: state?.last_run_at ?? null,
          lastSuccessAt: state?.last_success_at ?? null,
          itemsApplied: Number(state?.items_applied ?? 0),
          errors: state?.errors ?? 0,
          lastError: state?.last_error ?? null,
          nextRunAt: schedule ? nextRunOf(schedule, now) : null,
        };
      });
      return [connector.name, syncs];
    }),
  );
}
