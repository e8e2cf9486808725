import type { Logger } from "../logger.js";

/**
 * Signals within this long of the first are the same request: a terminal's Ctrl-C reaches
 * the whole process group, and wrappers (npm, tsx) relay it to this process once more.
 */
const SAME_SIGNAL_MS = 1000;

/** Thrown at a start-up {@link Shutdown.checkpoint} after Ctrl-C or SIGTERM: the start goes no further. */
export class StartInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`start-up interrupted by ${signal}`);
  }
}

/** The exit code of a process stopped by `signal` before it was serving (128 + the signal's number). */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 130 : 143;
}

/**
 * Stops the process in order on Ctrl-C (SIGINT) or SIGTERM, from the moment it
 * is created. Whatever starts registers how to stop it ({@link add}); a stop runs
 * those steps in reverse order, so what started first (the database) stops last.
 *
 * - During start-up a signal is remembered, and the start goes no further than
 *   its next {@link checkpoint}: what started so far is stopped and the process
 *   exits with code 130 (SIGINT) or 143 (SIGTERM).
 * - Once serving ({@link serving}), a signal stops everything and exits with code 0.
 * - A second signal, a second or more after the first, exits at once (130 or
 *   143); an embedded PostgreSQL still gets its fast-shutdown signal on the way out.
 */
export class Shutdown {
  private readonly steps: Array<() => Promise<void>> = [];
  private readonly onBegin: Array<() => void> = [];
  private signal: NodeJS.Signals | null = null;
  private signalledAt = 0;
  private isServing = false;
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal);

  constructor(private readonly logger: Logger) {
    process.on("SIGINT", this.handler);
    process.on("SIGTERM", this.handler);
  }

  /** Registers how to stop something that has just started. */
  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Registers what to tell at once when a stop begins, before any step runs (e.g. not to restart a database). */
  whenStopping(callback: () => void): void {
    this.onBegin.push(callback);
  }

  /** Throws {@link StartInterrupted} when a signal asked to stop during start-up. */
  checkpoint(): void {
    if (this.signal) throw new StartInterrupted(this.signal);
  }

  /** Start-up is complete (after a last {@link checkpoint}): from now on a signal stops everything and exits with code 0. */
  serving(): void {
    this.checkpoint();
    this.isServing = true;
  }

  /**
   * After a start-up failed or was interrupted: stops what has started. When a
   * signal asked for it, exits (130 or 143); otherwise rethrows `error`.
   */
  async abandon(error: unknown): Promise<never> {
    await this.stopAll();
    if (this.signal) {
      this.logger.info("stopped");
      process.exit(interruptedExitCode(this.signal));
    }
    throw error;
  }

  /** For a one-off command that has done its work: stops what it started (database last) and stops listening for signals. */
  async finish(): Promise<void> {
    const failed = await this.stopAll();
    process.off("SIGINT", this.handler);
    process.off("SIGTERM", this.handler);
    if (failed) throw new Error("stopping failed (see the log)");
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.signal !== null) {
      if (Date.now() - this.signalledAt < SAME_SIGNAL_MS) return;
      this.logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(interruptedExitCode(signal));
    }
    this.signal = signal;
    this.signalledAt = Date.now();
    if (!this.isServing) {
      this.logger.info({ signal }, "start-up interrupted: stopping what has started (send the signal again to exit at once)");
      return;
    }
    this.logger.info({ signal }, "shutting down: finishing requests under way (send the signal again to exit at once)");
    void this.stopAll().then((failed) => {
      this.logger.info(failed ? "stopped, with errors" : "stopped");
      process.exit(failed ? 1 : 0);
    });
  }

  /** Runs every registered step, last registered first, each even if one before failed; true when one failed. */
  private async stopAll(): Promise<boolean> {
    let failed = false;
    for (const callback of this.onBegin.splice(0)) callback();
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failed = true;
        this.logger.error({ err: error }, "shutdown step failed");
      }
    }
    return failed;
  }
}
