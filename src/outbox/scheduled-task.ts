import type { Logger } from "../logger.js";

/**
 * A job the relay runs for the module that owns it, so that the relay imports
 * none of its owners: on a schedule (graphile-worker cron), when a job of its
 * name is added (`graphile_worker.add_job(name)`), or both.
 */
export interface ScheduledTask {
  /** The task's graphile-worker name, unique among the relay's tasks. */
  name: string;
  /** When it runs, in crontab's five fields (`* * * * *`: each minute); none: only when a job of its name is added. */
  schedule?: string;
  /**
   * Does the work once; `logger` is the relay's, `payload` the job's (`{}` from
   * the schedule). `signal` aborts when the relay stops: long work ends early at its next step.
   */
  run(logger: Logger, payload: unknown, signal: AbortSignal): Promise<void>;
}
