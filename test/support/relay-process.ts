/**
 * A relay as its own process, for the crash test: the same relay code as
 * `npm run relay`, routing orders to the store and to a fake ERP at ERP_URL.
 * Run with `node --import tsx test/support/relay-process.ts`.
 */
import { createDefaultRouter } from "../../src/app.js";
import { createHttpCommandsConnector } from "../../src/connectors/http-commands/http-commands-connector.js";
import { createDataSource } from "../../src/db/data-source.js";
import { createLogger } from "../../src/logger.js";
import { startRelay } from "../../src/outbox/relay.js";

const databaseUrl = process.env.DATABASE_URL!;
const erpUrl = process.env.ERP_URL!;
const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
await dataSource.initialize();
const erp = createHttpCommandsConnector({ name: "erp", url: erpUrl, applies: ["orderPlace", "orderCancel"], timeoutMs: 2000 });
const router = createDefaultRouter(dataSource, { connectors: [erp], writes: { orderPlace: ["store", "erp"], orderCancel: ["store", "erp"] } });
await startRelay({
  databaseUrl,
  router,
  logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
  concurrency: 4,
  backoff: { baseMs: 20, maxMs: 200, maxAttempts: 1000 },
  sweepIntervalMs: 500,
});
process.send?.("ready");
