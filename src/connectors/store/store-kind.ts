import { z } from "zod";
import { ALL_COMMAND_TYPES } from "../../commands/command-types.js";
import { defineKind } from "../kind.js";
import { EVERY_DOMAIN_AND_PART } from "../reader-parts.js";
import { createExternalStoreConnector, createStoreConnector } from "./store-connector.js";

/**
 * `store`: Commerce Graph's own PostgreSQL, every domain and every command; or
 * (with `databaseUrl`) another Commerce Graph store's database, read-only.
 */
export const storeKind = defineKind({
  name: "store",
  summary: "Commerce Graph's own PostgreSQL (one batched SQL statement per call, keyset pagination); with `databaseUrl`, another Commerce Graph store's database, read-only, applying no commands",
  settings: z.object({ databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional() }),
  // Only a store with `databaseUrl` syncs (another store's products and stock); the built-in one offers no sync.
  capabilities: { reads: EVERY_DOMAIN_AND_PART, applies: ALL_COMMAND_TYPES, delivery: "push", sync: ["catalog", "inventory"] },
  create: ({ name, settings, dataSource }) => (settings.databaseUrl ? createExternalStoreConnector(settings.databaseUrl, name) : createStoreConnector(dataSource, name)),
});
