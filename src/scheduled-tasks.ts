import type { DataSource } from "typeorm";
import type { Router } from "./connectors/router.js";
import { inboundTasks, purgeSettledChanges } from "./domains/inbound/inbound-apply.js";
import { reservationExpiryTask } from "./domains/warehouse/reservation-expiry.js";
import { syncTasks } from "./domains/inbound/sync/sync-tasks.js";
import type { ScheduledTask } from "./outbox/scheduled-task.js";
import { purgeIdleBuckets } from "./common/token-bucket.js";
import { purgeExpiredPersistedQueries } from "./security/persisted-queries.js";

/** The hourly task that forgets expired automatic persisted queries, rate-limit buckets idle for a day, and settled inbound changes past their keeping time. */
export const PURGE_EXPIRED_TASK = "purge_expired_records";

/** Expired automatic persisted queries, idle rate-limit buckets and old settled inbound changes, forgotten each hour by their owners' functions. */
function purgeExpiredTask(dataSource: DataSource): ScheduledTask {
  return {
    name: PURGE_EXPIRED_TASK,
    schedule: "0 * * * *",
    run: async (logger) => {
      const persistedQueries = await purgeExpiredPersistedQueries(dataSource);
      const buckets = await purgeIdleBuckets(dataSource);
      const inboundChanges = await purgeSettledChanges(dataSource);
      if (persistedQueries + buckets + inboundChanges > 0) {
        logger.info({ persistedQueries, buckets, inboundChanges }, "forgot expired persisted queries, idle rate-limit buckets and old settled inbound changes");
      }
    },
  };
}

/** Every scheduled task of the modules above the outbox, for the relay to run (`startRelay({ tasks })`). */
export function scheduledTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return [reservationExpiryTask(dataSource, router), purgeExpiredTask(dataSource), ...inboundTasks(dataSource, router), ...syncTasks(dataSource, router)];
}
