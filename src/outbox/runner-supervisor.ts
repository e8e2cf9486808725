import type { Runner } from "graphile-worker";
import type { Logger } from "../logger.js";

/** First delay before restarting a stopped runner; it doubles on each failed attempt. */
const FIRST_RESTART_DELAY_MS = 1000;
/** Longest delay between restart attempts. */
const MAX_RESTART_DELAY_MS = 15_000;

/** What {@link superviseRunner} needs. */
export interface SupervisorOptions {
  logger: Logger;
  /** Starts a graphile-worker runner (`run(options)`). */
  start: () => Promise<Runner>;
  /** Runs after each restart (the relay reschedules the streams a dead runner held). */
  afterRestart: () => Promise<void>;
}

/** A runner kept running. */
export interface RunnerSupervisor {
  /** Settles when the first runner has started (rejects when it could not). */
  started: Promise<void>;
  /** Stops the runner (waiting for its jobs) and any restart under way. */
  stop(): Promise<void>;
}

/**
 * Keeps a graphile-worker runner running: a runner whose database connection
 * fails shuts its worker pool down (and may settle `runner.promise`); the
 * supervisor then starts a new one, after 1 s, 2 s, 4 s… (at most 15 s) until
 * the database answers. `start` must build a new options object each time
 * (graphile-worker keeps its compiled state per options object).
 */
export function superviseRunner(options: SupervisorOptions): RunnerSupervisor {
  const { logger } = options;
  let runner: Runner | null = null;
  let stopping = false;
  let wake: () => void = () => undefined;
  let restarting: Promise<void> = Promise.resolve();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async () => {
    logger.warn("relay worker stopped; restarting it");
    for (let attempt = 1; !stopping; attempt++) {
      await pause(Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (attempt - 1)));
      if (stopping) return;
      try {
        const next = await options.start();
        if (stopping) {
          await next.stop().catch(() => undefined);
          return;
        }
        watch(next);
        logger.info("relay worker restarted");
        await options.afterRestart().catch((error: unknown) => logger.warn({ err: error }, "rescheduling streams after the restart failed; the sweep will"));
        return;
      } catch (error) {
        logger.warn({ err: error, attempt }, "relay worker could not start yet; trying again");
      }
    }
  };

  /** The runner is gone (or going): stop what is left of it, without waiting, and start a new one. */
  const replace = (current: Runner) => {
    if (stopping || runner !== current) return;
    runner = null;
    void current.stop().catch(() => undefined);
    restarting = restart();
  };

  const watch = (current: Runner) => {
    runner = current;
    // graphile-worker has logged why it stopped; a rejection here is that same reason.
    void current.promise.catch(() => undefined).then(() => replace(current));
    // A worker pool that shuts itself down (it could not record a job's end) may never settle
    // runner.promise (graphile-worker 0.17 can wait forever for its batches): do not wait for it.
    current.events.on("pool:gracefulShutdown", () => replace(current));
  };

  return {
    started: options.start().then(watch),
    stop: async () => {
      stopping = true;
      wake();
      await restarting;
      // A runner that already stopped on its own says so by rejecting; that is fine here.
      await runner?.stop().catch(() => undefined);
    },
  };
}
