/**
 * A relay as its own process, for the crash test: the same relay code as
 * `npm run relay`, routing orders to the store and to a fake ERP at ERP_URL.
 * Run with `node --import tsx test/support/relay-process.ts`.
 */
import { buildRouter } from "../../src/connectors/build-router.js";
import { createDataSource } from "../../src/db/data-source.js";
import { createLogger } from "../../src/logger.js";
import { startRelay } from "../../src/outbox/relay.js";
import { configWithErp } from "./erp-config.js";

const databaseUrl = process.env.DATABASE_URL!;
const erpUrl = process.env.ERP_URL!;
const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
await dataSource.initialize();
const router = buildRouter(configWithErp(erpUrl, ["orderPlace", "orderCancel"]), dataSource);
await startRelay({
  databaseUrl,
  router,
  logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
  concurrency: 4,
  backoff: { baseMs: 20, maxMs: 200, maxAttempts: 1000 },
  sweepIntervalMs: 500,
});
process.send?.("ready");
