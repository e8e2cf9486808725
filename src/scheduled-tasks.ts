import type { DataSource } from "typeorm";
import type { Router } from "./connectors/router.js";
import { reservationExpiryTask } from "./domains/warehouse/reservation-expiry.js";
import type { ScheduledTask } from "./outbox/scheduled-task.js";

/** Every domain's scheduled task, for the relay to run (`startRelay({ tasks })`). */
export function scheduledTasks(dataSource: DataSource, router: Router): ScheduledTask[] {
  return [reservationExpiryTask(dataSource, router)];
}
