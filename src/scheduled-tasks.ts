import type { DataSource } from "typeorm";
import type { Router } from "./connectors/router.js";
import { inboundTasks } from "./domains/inbound/inbound-apply.js";
import { reservationExpiryTask } from "./domains/warehouse/reservation-expiry.js";
import type { ScheduledTask } from "./outbox/scheduled-task.js";
import { purgeIdleBuckets } from "./common/token-bucket.js";
import { purgeExpiredPersistedQueries } from "./security/persisted-queries.js";

/** The hourly task that forgets expired automatic persisted queries and rate-limit buckets idle for a day. */
export const PURGE_EXPIRED_TASK = "purge_expired_records";

/** Expired automatic persisted queries and idle rate-limit buckets, forgotten each hour by their owners' functions. */
function purgeExpiredTask(dataSource: DataSource): ScheduledTask {
  return {
    name: PURGE_EXPIRED_TASK,
    schedule: "0 * * * *",
    run: async (logger) => {
      const persistedQueries = await purgeExpiredPersistedQueries(dataSource);
      const buckets = await purgeIdleBuckets(dataSource);
      if (persistedQueries + buckets > 0) logger.info({ persistedQueries, buckets }, "forgot expired persisted queries and idle rate-limit buckets");
    },
  };
}

/** Every scheduled task of the modules above the outbox, for the relay to run (`startRelay({ tasks })`). */
export function scheduledTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return [reservationExpiryTask(dataSource, router), purgeExpiredTask(dataSource), ...inboundTasks(dataSource, router)];
}
