import type { DataSource } from "typeorm";
import type { Router } from "../../../connectors/router.js";
import { SYNC_DOMAINS, type SyncDomain } from "../../../connectors/sync.js";
import type { ScheduledTask } from "../../../outbox/scheduled-task.js";
import { runSync, SyncAlreadyRunningError } from "./sync-runner.js";

/**
 * The relay task name of a connector's sync of a domain: `sync:<connector>:<domain>`
 * (graphile-worker task names and crontab identifiers allow letters, digits, `_`, `-`, `:` and `/`;
 * connector names are lower-case letters, digits, `-` and `_`).
 */
export function syncTaskName(connector: string, domain: SyncDomain): string {
  return `sync:${connector}:${domain}`;
}

/**
 * One relay task per `sync.<domain>` schedule of each connector, run by
 * graphile-worker's cron on the relay. A run that fails is recorded on the
 * sync (see `Query.connectors`) and resumes at the next scheduled time, not
 * retried at once (the job itself succeeds); a run that finds the sync running
 * already (another relay fired the same schedule) does nothing.
 */
export function syncTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return router.all().flatMap((connector) => {
    const { schedules } = router.syncSettingsOf(connector.name);
    return SYNC_DOMAINS.filter((domain) => schedules[domain] && connector.sync?.[domain]).map(
      (domain): ScheduledTask => ({
        name: syncTaskName(connector.name, domain),
        schedule: schedules[domain]!,
        run: async (logger) => {
          try {
            await runSync({ dataSource, router, logger }, connector.name, domain);
          } catch (error) {
            if (error instanceof SyncAlreadyRunningError) logger.info({ connector: connector.name, domain }, error.message);
            // runSync logged the failure and recorded it on the sync.
          }
        },
      }),
    );
  });
}
