import { Logger as WorkerLogger, run, type JobHelpers, type RunnerOptions } from "graphile-worker";
import pg from "pg";
import type { Router } from "../connectors/router.js";
import type { Logger } from "../logger.js";
import { DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import { deliverStream } from "./deliver.js";
import { purgeExpiredIdempotencyRecords } from "./idempotency-records.js";
import { DELIVER_TASK, jobKeyOf, scheduleDelivery, staleStreams, type AggregateStream } from "./outbox-store.js";
import { createFailureNotifier, type FailureWebhook } from "./failure-notifier.js";
import { superviseRunner } from "./runner-supervisor.js";
import type { ScheduledTask } from "./scheduled-task.js";

/** The graphile-worker cron task that forgets expired idempotency records (each hour). */
export const PURGE_IDEMPOTENCY_TASK = "purge_idempotency_records";

/** Settings of the relay. */
export interface RelayOptions {
  /** Postgres connection string (the same database as the API). */
  databaseUrl: string;
  router: Router;
  logger: Logger;
  backoff?: Partial<BackoffPolicy>;
  webhook?: FailureWebhook;
  /** Streams delivered at once by this process (default 4). */
  concurrency?: number;
  /** How often to look for streams whose job was lost with a crashed worker (default 30 s). */
  sweepIntervalMs?: number;
  /** Other modules' jobs to run on their schedules (`scheduledTasks(…)` in `scheduled-tasks.ts`: expired stock reservations…); default none. */
  tasks?: ScheduledTask[];
}

/** A running relay. */
export interface Relay {
  stop(): Promise<void>;
}

/**
 * Starts the relay: graphile-worker runs one job per stream (connector +
 * aggregate); each job takes a session-level advisory lock on its stream, so
 * two workers never deliver one aggregate at once, and a crashed worker's lock
 * goes with its connection. Run as many relay processes as needed on one database.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: (options.concurrency ?? 4) + 3 });
  const logger = options.logger.child({ component: "relay" });
  // A dropped idle connection must not crash the process; the pool replaces it. Once the relay is
  // stopping, a connection it asked to end may still hear the database shut down (57P01): expected, not a warning.
  let stopping = false;
  const connectionLost = (error: Error & { code?: string }) =>
    logger[stopping ? "debug" : "warn"]({ code: error.code, reason: error.message }, "relay database connection lost");
  pool.on("error", connectionLost);
  pool.on("connect", (client) => client.on("error", connectionLost));
  const tasks = options.tasks ?? [];
  const deps = {
    pool,
    router: options.router,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    notify: createFailureNotifier(logger, options.webhook),
    logger,
  };

  const runOptions: RunnerOptions = {
    pgPool: pool,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 1000,
    // Completions and failures are recorded in batches: a batch the database refuses stops the
    // worker pool (which the supervisor below restarts) instead of rejecting a promise nobody awaits.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: workerLogger(logger),
    crontab: [`0 * * * * ${PURGE_IDEMPOTENCY_TASK}`, ...tasks.filter((task) => task.schedule).map((task) => `${task.schedule} ${task.name}`)].join("\n"),
    taskList: {
      [PURGE_IDEMPOTENCY_TASK]: async () => {
        const purged = await purgeExpiredIdempotencyRecords(pool);
        if (purged) logger.info({ purged }, "forgot expired idempotency keys");
      },
      ...Object.fromEntries(tasks.map((task) => [task.name, (payload: unknown, helpers: JobHelpers) => task.run(logger, payload, helpers.abortSignal)])),
      [DELIVER_TASK]: async (payload) => {
        const stream = payload as AggregateStream;
        const client = await pool.connect();
        try {
          const lockKey = jobKeyOf(stream);
          const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockKey]);
          if (!rows[0]?.locked) {
            // Another worker is delivering this stream; look again shortly.
            await scheduleDelivery(client, stream, new Date(Date.now() + 1000));
            return;
          }
          try {
            await deliverStream(deps, stream);
          } finally {
            await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
          }
        } finally {
          client.release();
        }
      },
    },
  };

  // A worker that died mid-delivery leaves its job locked for hours: reschedule such streams.
  const sweep = async (staleMs: number) => {
    const streams = await staleStreams(pool, staleMs);
    for (const stream of streams) await scheduleDelivery(pool, stream);
    if (streams.length > 0) logger.info({ streams: streams.length }, "rescheduled undelivered streams");
  };
  const supervisor = superviseRunner({ logger, start: () => run({ ...runOptions }), afterRestart: () => sweep(0) });
  await supervisor.started;
  await sweep(0);
  const interval = options.sweepIntervalMs ?? 30_000;
  const timer = setInterval(() => void sweep(interval).catch((error: unknown) => logger.warn({ err: error }, "sweep failed; trying again later")), interval);
  timer.unref();
  logger.info({ concurrency: options.concurrency ?? 4 }, "relay started");

  return {
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      try {
        await supervisor.stop();
      } finally {
        await pool.end();
      }
    },
  };
}

/** graphile-worker's messages in our log: its "warning" is pino's "warn"; of its metadata, the error and the job's id only. */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    const err = meta?.error ?? meta?.fatalError;
    const job = (meta?.job as { id?: unknown } | undefined)?.id;
    logger[level === "warning" ? "warn" : level === "error" ? "error" : "debug"]({ ...(err ? { err } : {}), ...(job ? { job } : {}) }, message);
  });
}
