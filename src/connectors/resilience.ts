import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  noop,
  type IPolicy,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
} from "cockatiel";
import { SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import { setTimeout as sleep } from "node:timers/promises";
import { GraphQLError } from "graphql";
import { TRACER_NAME } from "../common/tracer-name.js";
import { databaseUnavailableOr, isDatabaseUnreachable } from "../db/database-unavailable.js";
import { cancelledWhen, currentGiveUpSignal, isStatementCancelled, ReadCancelledError } from "../db/statement-cancel.js";
import type { CommandWriter, Connector, DomainReaders } from "./connector.js";
import { BackendThrottledError, ConnectorThrottledError, ConnectorUnavailableError, TransientDeliveryError } from "./errors.js";

/** How {@link guardConnector} protects a connector's reads. */
export interface ResilienceOptions {
  /**
   * A read that has not answered after this long fails (and counts towards
   * opening the circuit). A read the backend answers "too many requests" waits
   * for its `Retry-After` within this time, else fails as throttled.
   */
  timeoutMs: number;
  /** Consecutive failures that open the circuit; default 5. */
  failureThreshold?: number;
  /** How long an open circuit fails fast before it lets one test call through; default 10 000 ms. */
  halfOpenAfterMs?: number;
  /** Most calls (reads and deliveries) in flight at once from this process; more wait in a queue of 100. Default: no limit. */
  maxConcurrentCalls?: number;
  /** Told the duration of every backend call (seconds) and whether it succeeded (metrics). */
  observe?: (seconds: number, ok: boolean) => void;
  /** A request quota shared by every process: each call waits for a token, up to `timeoutMs`. */
  quota?: { acquire(maxWaitMs: number): Promise<{ allowed: boolean; retryAfterMs: number }> };
}

/** A connector's read health: a live object, updated by the guarded readers on every call. */
export interface ConnectorHealth {
  /** `OPEN`: reads fail fast; `HALF_OPEN`: one test call decides whether it closes again. */
  circuit: "CLOSED" | "OPEN" | "HALF_OPEN";
  /** Why the backend last failed (a fast fail on an open circuit leaves it as it was). */
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSuccessAt: Date | null;
  /** Reads started. */
  calls: number;
  /** Reads that failed with {@link ConnectorUnavailableError}, fast fails included. */
  failures: number;
  /** Reads that failed with {@link ConnectorThrottledError} (not failures: the circuit does not count them). */
  throttled: number;
}

/**
 * A connector's state as its reads show it: DOWN while its circuit is open,
 * DEGRADED while half-open or while its last call failed, else UP.
 */
export function readStateOf(health: ConnectorHealth): "UP" | "DEGRADED" | "DOWN" {
  if (health.circuit === "OPEN") return "DOWN";
  const failingNow = health.lastErrorAt !== null && (health.lastSuccessAt === null || health.lastErrorAt > health.lastSuccessAt);
  return health.circuit === "HALF_OPEN" || failingNow ? "DEGRADED" : "UP";
}

/**
 * Wraps every reader method of `connector` in one policy per connector: a
 * circuit breaker around a timeout. A `GraphQLError` from a reader (a bad
 * cursor, say) passes through unchanged and is no failure, and so does our own
 * database being unreachable (as `DATABASE_UNAVAILABLE`). A backend's "too many
 * requests" ({@link BackendThrottledError}) is waited out when its
 * `Retry-After` fits in the timeout, else it becomes a
 * {@link ConnectorThrottledError}; neither counts towards opening the circuit.
 * Anything else (network error, timeout, open circuit) becomes a
 * {@link ConnectorUnavailableError}.
 */
export function guardConnector(connector: Connector, options: ResilienceOptions): { connector: Connector; health: ConnectorHealth } {
  const health: ConnectorHealth = { circuit: "CLOSED", lastError: null, lastErrorAt: null, lastSuccessAt: null, calls: 0, failures: 0, throttled: 0 };
  const breaker = circuitBreaker(
    // A statement PostgreSQL cancelled (statement timeout, or its caller gave up) is the query's doing, not the backend's failure;
    // our own database unreachable is DATABASE_UNAVAILABLE for every request, not this connector's failure;
    // a backend that answers "too many requests" is up, only busy.
    handleWhen((error) => !(error instanceof GraphQLError) && !(error instanceof BackendThrottledError) && !isStatementCancelled(error) && !isDatabaseUnreachable(error)),
    { halfOpenAfter: options.halfOpenAfterMs ?? 10_000, breaker: new ConsecutiveBreaker(options.failureThreshold ?? 5) },
  );
  breaker.onBreak(() => (health.circuit = "OPEN"));
  breaker.onHalfOpen(() => (health.circuit = "HALF_OPEN"));
  breaker.onReset(() => (health.circuit = "CLOSED"));
  // The breaker wraps the timeout, so that a timeout counts as a failure; calls queue for a slot first.
  const slots = options.maxConcurrentCalls ? bulkhead(options.maxConcurrentCalls, 100) : noop;
  const policy = wrap(slots, breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));

  /** One call to the backend, `method` naming it (`catalog.productsBySkus`), in a span of its own. */
  const run: Run = (method, call, batchSize) =>
    traced(`connector ${connector.name} ${method}`, { "connector.name": connector.name, "connector.kind": connector.kind, "connector.method": method, ...(batchSize === undefined ? {} : { "connector.batch_size": batchSize }) }, () => attempt(call));

  async function attempt<T>(call: () => Promise<T>): Promise<T> {
    health.calls++;
    // Waiting for the quota is not the backend's failure: it neither times out the call nor counts against the circuit.
    const take = await options.quota?.acquire(options.timeoutMs);
    if (take && !take.allowed) throw new ConnectorUnavailableError(connector.name, `request quota used up; the next call is allowed in ${take.retryAfterMs} ms`);
    const started = performance.now();
    // The request's give-up signal, taken now: a queued call may run from another request's async context.
    const request = currentGiveUpSignal();
    try {
      // A signal of its own per call: a shared one would collect an abort listener per call in flight.
      // Its statements are cancelled when the timeout gives up on them or the request does.
      const deadline = started + options.timeoutMs;
      const result = await policy.execute(({ signal }) => cancelledWhen([request, signal], () => waitingOutThrottling(call, deadline, signal)), new AbortController().signal);
      health.lastSuccessAt = new Date();
      options.observe?.((performance.now() - started) / 1000, true);
      return result;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (isStatementCancelled(error)) throw new ReadCancelledError(connector.name, error);
      if (isDatabaseUnreachable(error)) throw databaseUnavailableOr(error);
      options.observe?.((performance.now() - started) / 1000, false);
      if (error instanceof BackendThrottledError) {
        health.throttled++;
        throw new ConnectorThrottledError(connector.name, error.retryAfterMs, error);
      }
      health.failures++;
      const open = error instanceof BrokenCircuitError;
      const reason = open ? "circuit open" : error instanceof BulkheadRejectedError ? "too many calls waiting" : error instanceof TaskCancelledError ? `timed out after ${options.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      if (!open) {
        health.lastError = reason;
        health.lastErrorAt = new Date();
      }
      throw new ConnectorUnavailableError(connector.name, reason, error instanceof Error ? error : undefined);
    }
  }

  const readers: Record<string, object> = {};
  for (const [domain, reader] of Object.entries(connector.readers) as Array<[string, object | undefined]>) {
    if (reader) readers[domain] = guardReader(domain, reader, run);
  }
  const guarded: Connector = {
    name: connector.name,
    kind: connector.kind,
    readers: readers as Partial<DomainReaders>,
    writer: connector.writer && guardWriter(connector, connector.writer, slots, options),
    // A sync paces itself through the quota (`takeTurn`) and is run by the sync runner, not under a read's timeout.
    ...(connector.sync ? { sync: connector.sync } : {}),
    close: connector.close?.bind(connector),
  };
  return { connector: guarded, health };
}

/** The shortest wait before calling a backend again that answered "too many requests". */
const MIN_THROTTLED_WAIT_MS = 100;

/**
 * Runs `call`; while the backend answers "too many requests" with a
 * `Retry-After` that ends before `deadline` (a `performance.now()` instant),
 * waits that long and calls again. Any other outcome is the call's.
 */
async function waitingOutThrottling<T>(call: () => Promise<T>, deadline: number, signal: AbortSignal): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof BackendThrottledError) || error.retryAfterMs === undefined) throw error;
      // `Retry-After: 0` is no licence to hammer the backend: wait a little all the same.
      const waitMs = Math.max(error.retryAfterMs, MIN_THROTTLED_WAIT_MS);
      if (performance.now() + waitMs >= deadline) throw error;
      await sleep(waitMs, undefined, { signal });
    }
  }
}

/** Runs a call to a backend; `method` names it, `batchSize` is the number of keys asked for. */
type Run = <T>(method: string, call: () => Promise<T>, batchSize?: number) => Promise<T>;

/**
 * Runs `call` in an active client span of its own (a child of the GraphQL
 * operation's span, when there is one): `connector.outcome` is `ok` or `error`,
 * and a failure sets status ERROR with its message. A no-op span while tracing is off.
 */
function traced<T>(name: string, attributes: Attributes, call: () => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      const result = await call();
      span.setAttribute("connector.outcome", "ok");
      return result;
    } catch (error) {
      if (span.isRecording()) {
        span.setAttributes({ "connector.outcome": "error", "error.type": error instanceof Error ? error.constructor.name : typeof error });
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A writer whose deliveries wait for the quota and a slot (the relay has its own retries and backoff), each in a span. */
function guardWriter(connector: Connector, writer: CommandWriter, slots: IPolicy, options: ResilienceOptions): CommandWriter {
  return {
    applies: writer.applies,
    apply: (command) =>
      traced(`connector ${connector.name} deliver ${command.type}`, { "connector.name": connector.name, "connector.kind": connector.kind, "connector.method": "deliver", "connector.command_type": command.type, "outbox.id": command.id }, async () => {
        const take = await options.quota?.acquire(options.timeoutMs);
        if (take && !take.allowed) throw new TransientDeliveryError("request quota used up", take.retryAfterMs);
        try {
          return await slots.execute(() => writer.apply(command));
        } catch (error) {
          if (error instanceof BulkheadRejectedError) throw new TransientDeliveryError("too many deliveries waiting for this connector");
          throw error;
        }
      }),
  };
}

/** A page's lazy `count` runs later, outside the reader call: it gets the same protection (as `<method>.count`). */
function guardCount<T>(result: T, method: string, run: Run): T {
  if (!result || typeof result !== "object" || !("count" in result) || typeof result.count !== "function") return result;
  const count = result.count as () => Promise<unknown>;
  return { ...result, count: () => run(`${method}.count`, count) };
}

/** A reader whose methods (own and inherited) run through `run` as `<domain>.<method>`, with the original reader as `this`. */
function guardReader(domain: string, reader: object, run: Run): object {
  const guarded = Object.create(reader) as Record<string, unknown>;
  for (let proto: object | null = reader; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (name === "constructor" || typeof method !== "function" || Object.hasOwn(guarded, name)) continue;
      const label = `${domain}.${name}`;
      guarded[name] = async (...args: unknown[]) =>
        guardCount(await run(label, async () => (method as (...a: unknown[]) => unknown).apply(reader, args), Array.isArray(args[0]) ? args[0].length : undefined), label, run);
    }
  }
  return guarded;
}
