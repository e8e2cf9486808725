import { buildRouter } from "../../src/connectors/build-router.js";
import type { ConnectorsConfig } from "../../src/connectors/connectors-config.js";
import type { Router } from "../../src/connectors/router.js";
import type { LimitOptions } from "../../src/common/input-limits.js";
import { createLogger } from "../../src/logger.js";
import type { FailureWebhook } from "../../src/outbox/failure-notifier.js";
import { startRelay, type Relay } from "../../src/outbox/relay.js";
import { scheduledTasks } from "../../src/scheduled-tasks.js";
import { FakeCommandBackend } from "../fakes/command-backend.js";
import { graphql } from "../generated/index.js";
import { dropDatabase } from "./databases.js";
import { copyWriteTemplate } from "./own-database.js";
import { configWithErp } from "./erp-config.js";
import { dataAt } from "./paging.js";
import { startTestServer, type TestServer } from "./test-server.js";

/** A server on a database of its own whose orders also go to a fake ERP, and a relay with short backoff. */
export interface WriteHarness {
  /** This harness's database (a copy of the seeded template). */
  databaseUrl: string;
  server: TestServer;
  erp: FakeCommandBackend;
  relay: Relay;
  /** Polls a command (admin) until its status is one of `statuses`; fails after `timeoutMs`. */
  waitForCommand(commandId: string, statuses: string[], timeoutMs?: number): Promise<any>;
  /** Waits until nothing is pending, delivering or retrying, so that scripted ERP failures hit the next command. */
  waitForIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}


const COMMAND = graphql(`
  query WriteHarnessCommand($id: ID!) { command(id: $id) { id type status attempts lastError nextAttemptAt deliveries { connector status attempts lastError reference } } }
`);

/** Starts the fake ERP, a server on a database of its own and an in-process relay; `config` replaces the default routing (everything to the store and the fake ERP). */
export async function startWriteHarness(
  options: { maxAttempts?: number; webhook?: FailureWebhook; config?: (erpUrl: string) => ConnectorsConfig; limits?: Partial<LimitOptions> } = {},
): Promise<WriteHarness> {
  const erp = await new FakeCommandBackend().start();
  const databaseUrl = await copyWriteTemplate("writes");
  let router: Router | null = null;
  // The server is given the connectors file too: its `events` settings accept pushed changes.
  const config = (options.config ?? configWithErp)(erp.url);
  const server = await startTestServer({ databaseUrl, limits: options.limits, connectors: config, router: (dataSource) => (router = buildRouter(config, dataSource)) });
  const relay = await startRelay({
    databaseUrl,
    tasks: scheduledTasks(server.dataSource, router!),
    router: router!,
    logger: createLogger("silent"),
    backoff: { baseMs: 50, maxMs: 400, maxAttempts: options.maxAttempts ?? 4 },
    concurrency: 4,
    sweepIntervalMs: 1000,
    webhook: options.webhook,
  });
  const waitForCommand = async (commandId: string, statuses: string[], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const command = dataAt<any>(
        await server.gql(COMMAND, { id: commandId }, server.adminKey),
        "command",
      );
      if (statuses.includes(command.status)) return command;
      if (Date.now() > deadline) throw new Error(`command stayed ${command.status}: ${JSON.stringify(command)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const waitForIdle = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING')`)) as Array<{ n: number }>;
      if (row!.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${row!.n} outbox rows still travelling`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    databaseUrl,
    waitForIdle,
    server,
    erp,
    relay,
    waitForCommand,
    close: async () => {
      await relay.stop();
      await server.close();
      await erp.stop();
      await dropDatabase(databaseUrl);
    },
  };
}
