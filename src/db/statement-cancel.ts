import { AsyncLocalStorage } from "node:async_hooks";
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { GraphQLError } from "graphql";
import pg from "pg";
import type { DataSource } from "typeorm";

/** PostgreSQL's SQLSTATE for a statement it cancelled (statement timeout, or a cancel request). */
const QUERY_CANCELED = "57014";

/** The signal of whoever waits for the statements started in this async context: when it aborts, they are cancelled. */
const waiter = new AsyncLocalStorage<AbortSignal>();

/** The signal statements started here are cancelled by, if any. */
export function currentGiveUpSignal(): AbortSignal | undefined {
  return waiter.getStore();
}

/**
 * Runs `call` so that the database statements it starts (through
 * {@link cancellableQuery}) are cancelled when any of `signals` aborts.
 */
export function cancelledWhen<T>(signals: Array<AbortSignal | undefined>, call: () => T): T {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (given.length === 0) return call();
  return waiter.run(given.length === 1 ? given[0]! : AbortSignal.any(given), call);
}

/**
 * A Fastify hook (`preHandler`, after the body is read) that gives up a
 * request's database statements when its client goes away before the answer,
 * or when it has run for `timeoutMs`: they are cancelled rather than left to
 * run for nobody.
 */
export function giveUpHook(timeoutMs: number) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`the request ran for ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    reply.raw.once("close", () => {
      clearTimeout(timer);
      if (!reply.raw.writableFinished) controller.abort(new Error("the client went away"));
    });
    waiter.run(controller.signal, done);
  };
}

/** True when PostgreSQL cancelled the statement: its statement timeout, or a cancel because the caller gave up. */
export function isStatementCancelled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === QUERY_CANCELED;
}

/** True when PostgreSQL cancelled the statement because it ran past `statement_timeout`. */
export function isStatementTimeout(error: unknown): boolean {
  return isStatementCancelled(error) && String((error as { message?: unknown }).message).includes("statement timeout");
}

/** An error shaped like PostgreSQL's cancel, for a statement not started because its caller had already given up. */
function givenUpError(): Error {
  return Object.assign(new Error("canceling statement due to user request: the caller gave up before it started"), { code: QUERY_CANCELED });
}

/**
 * Runs one statement on `dataSource`'s pool; when the statement is started
 * under a give-up signal ({@link cancelledWhen}, {@link giveUpHook}) and that
 * signal aborts while it runs, PostgreSQL is asked to cancel it.
 *
 * node-postgres has no per-query cancel. The cancel is `pg_cancel_backend(pid)`
 * sent over a connection of its own (not the pool's, which may be exhausted by
 * the very statements to cancel), with the pool's own connection settings.
 * The statement's connection is held until the statement has ended and the
 * cancel has been answered, so a late cancel can never hit the next statement
 * on that connection (a cancel reaching an idle connection is ignored).
 */
export async function cancellableQuery(dataSource: DataSource, sql: string, params?: unknown[]): Promise<unknown> {
  const signal = waiter.getStore();
  if (!signal) return dataSource.query(sql, params);
  if (signal.aborted) throw givenUpError();
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient & { processID: number };
    if (signal.aborted) throw givenUpError();
    let cancelling: Promise<void> | null = null;
    const cancel = () => (cancelling = cancelBackend(dataSource, client.processID));
    signal.addEventListener("abort", cancel, { once: true });
    try {
      return await runner.query(sql, params);
    } finally {
      signal.removeEventListener("abort", cancel);
      await cancelling;
    }
  } finally {
    await runner.release();
  }
}

/** Asks PostgreSQL to cancel what backend `pid` runs, from a short-lived connection with the pool's settings. Never throws. */
async function cancelBackend(dataSource: DataSource, pid: number): Promise<void> {
  const poolOptions = (dataSource.driver as unknown as { master: { options: pg.ClientConfig } }).master.options;
  const client = new pg.Client({ ...poolOptions, statement_timeout: undefined });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch {
    // The statement then ends on its own (statement timeout); nothing more to do.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A connector's read that PostgreSQL cancelled: it ran past the statement
 * timeout (`QUERY_TIMEOUT`: the client should narrow its filter or search), or
 * its request had given up (`REQUEST_CANCELLED`). Neither is the connector's
 * failure: it does not count towards opening its circuit.
 */
export class ReadCancelledError extends GraphQLError {
  constructor(connector: string, cause: unknown) {
    const timeout = isStatementTimeout(cause);
    super(
      timeout
        ? `Connector "${connector}" stopped this read: it ran longer than the database allows. Narrow the filter or the search, or ask for fewer items.`
        : `Connector "${connector}" stopped this read: the request was given up (the client went away or the request ran out of time).`,
      { extensions: { code: timeout ? "QUERY_TIMEOUT" : "REQUEST_CANCELLED", connector } },
    );
  }
}
