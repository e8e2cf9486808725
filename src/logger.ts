import { pino, stdSerializers, type Logger } from "pino";
import pretty from "pino-pretty";

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Human-readable lines instead of JSON; default: when stdout is a terminal. */
  pretty?: boolean;
}

/**
 * Creates the logger: JSON lines (for log collectors), or readable coloured
 * lines when stdout is a terminal. Errors are logged under `err`, with only
 * their plain fields.
 */
export function createLogger(level = "info", options: LoggerOptions = {}): Logger {
  const settings = { level, base: { service: "commerce-graph" }, serializers: { err: serializeError } };
  if (!(options.pretty ?? process.stdout.isTTY === true)) return pino(settings);
  return pino(settings, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service", sync: true }));
}

/**
 * pino's error serializer, keeping plain values and nested errors only:
 * node-postgres attaches its whole client to the errors of idle connections
 * (`err.client`), and such objects made log lines of thousands of characters.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return prune(stdSerializers.err(error));
}

function prune(serialized: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) kept[key] = value;
    else if (isSerializedError(value)) kept[key] = prune(value);
    else if (Array.isArray(value) && value.every(isSerializedError)) kept[key] = value.map(prune);
  }
  return kept;
}

function isSerializedError(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string" && typeof (value as { stack?: unknown }).stack === "string";
}

export type { Logger };
