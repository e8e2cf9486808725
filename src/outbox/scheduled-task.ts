import type { Logger } from "../logger.js";

/**
 * A job the relay runs on a schedule (graphile-worker cron) for the module
 * that owns it, so that the relay imports none of its owners.
 */
export interface ScheduledTask {
  /** The task's graphile-worker name, unique among the relay's tasks. */
  name: string;
  /** When it runs, in crontab's five fields (`* * * * *`: each minute). */
  schedule: string;
  /** Does the work once; `logger` is the relay's. */
  run(logger: Logger): Promise<void>;
}
