import { pino, type Logger } from "pino";

/** Creates the structured (JSON) logger. */
export function createLogger(level = "info"): Logger {
  return pino({ level, base: { service: "commerce-graph" } });
}

export type { Logger };
