import type { DataSource } from "typeorm";
import type { Router } from "../../connectors/router.js";
import type { ScheduledTask } from "../../outbox/scheduled-task.js";
import { releaseExpiredReservations } from "./stock-reservation.commands.js";

/** The relay's cron task that releases expired stock reservations. */
export const RELEASE_EXPIRED_TASK = "release_expired_reservations";

/** Releases the stock reservations past their expiry, each minute (see {@link releaseExpiredReservations}). */
export function reservationExpiryTask(dataSource: DataSource, router: Router): ScheduledTask {
  return {
    name: RELEASE_EXPIRED_TASK,
    schedule: "* * * * *",
    run: async (logger) => {
      const released = await releaseExpiredReservations(dataSource, router);
      if (released > 0) logger.info({ released }, "released expired stock reservations");
    },
  };
}
