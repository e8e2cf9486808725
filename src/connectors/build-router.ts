import type { DataSource } from "typeorm";
import { acquireTimeoutOf, createDataSource } from "../db/data-source.js";
import { ALL_COMMAND_TYPES } from "../commands/command-types.js";
import type { Connector } from "./connector.js";
import { DOMAINS } from "./connector.js";
import { ConfigError, type ConnectorConfig, type ConnectorsConfig } from "./connectors-config.js";
import { kindNamed } from "./kinds.js";
import { Router, type ConnectorCallListener, type ReadRoutes, type SyncSettings, type WriteRoutes } from "./router.js";
import { TokenBucket } from "../common/token-bucket.js";
import { guardConnector, type ConnectorHealth } from "./resilience.js";
import { STORE } from "./store/store-connector.js";
import type { SyncDomain } from "./sync.js";

/** Creates the connector `name` of its configured kind, from the kind's registry entry. */
export function createConnector(name: string, settings: ConnectorConfig, dataSource: DataSource): Connector {
  return kindNamed(settings.kind).create({ name, settings, dataSource });
}

/**
 * Builds the router from the config: every connector's reads get a timeout
 * and a circuit breaker; domains not listed are read from the
 * `store` connector, command types not listed are applied by it. A route to a
 * connector that does not exist or cannot do the job, or a sync schedule for a
 * domain its kind cannot sync, stops start-up with a message naming the key.
 */
export function buildRouter(config: ConnectorsConfig, dataSource: DataSource): Router {
  checkSyncSettings(config);
  const health = new Map<string, ConnectorHealth>();
  const syncSettings = new Map<string, SyncSettings>(Object.entries(config.connectors).map(([name, settings]) => [name, { schedules: settings.sync ?? {}, ...(settings.rateLimit ? { quota: settings.rateLimit } : {}) }]));
  const callListeners = new Set<ConnectorCallListener>();
  const connectors = Object.entries(config.connectors).map(([name, settings]) => {
    const connector = createConnector(name, settings, dataSource);
    for (const domain of Object.keys(settings.sync ?? {}) as SyncDomain[]) {
      if (!connector.sync?.[domain]) throw new ConfigError(`connectors.${name}.sync.${domain}: this ${settings.kind} connector offers no ${domain} sync with its settings`);
    }
    // A read of our own database may first wait for a free connection: that wait ends in DATABASE_BUSY, never in the connector's timeout.
    const ownPoolWaitMs = connector.inTransaction ? acquireTimeoutOf(dataSource) : 0;
    const guarded = guardConnector(connector, {
      timeoutMs: settings.timeoutMs + ownPoolWaitMs,
      maxConcurrentCalls: settings.maxConcurrentCalls,
      quota: settings.rateLimit && new TokenBucket(dataSource, `connector:${name}`, settings.rateLimit),
      observe: (seconds, ok) => callListeners.forEach((listener) => listener(name, seconds, ok)),
      ...settings.circuitBreaker,
    });
    health.set(name, guarded.health);
    // Reads inside a mutation's transaction are its own statements, outside the circuit breaker.
    return connector.inTransaction ? { ...guarded.connector, inTransaction: connector.inTransaction } : guarded.connector;
  });
  const fallback = config.connectors[STORE]?.kind === "store" ? STORE : undefined;
  const reads = {} as ReadRoutes;
  for (const domain of DOMAINS) {
    const names = config.reads[domain] ?? (fallback ? [fallback] : undefined);
    if (!names) throw new ConfigError(`reads.${domain}: no connector reads ${domain}; name one, or keep a connector "store" of kind store`);
    reads[domain] = names;
  }
  const writes: WriteRoutes = {};
  for (const type of ALL_COMMAND_TYPES) {
    const targets = config.writes[type] ?? (fallback ? [fallback] : undefined);
    if (!targets) throw new ConfigError(`writes.${type}: no connector applies ${type}; name one, or keep a connector "store" of kind store`);
    writes[type] = targets;
  }
  for (const type of Object.keys(config.writes)) {
    if (!(ALL_COMMAND_TYPES as string[]).includes(type)) throw new ConfigError(`writes.${type}: unknown command type; known: ${ALL_COMMAND_TYPES.join(", ")}`);
  }
  try {
    return new Router(connectors, reads, writes, health, callListeners, syncSettings);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

/** Every `sync.<domain>` schedule names a domain its connector's kind can sync (else a ConfigError naming the key). */
function checkSyncSettings(config: ConnectorsConfig): void {
  for (const [name, settings] of Object.entries(config.connectors)) {
    const syncs = kindNamed(settings.kind).capabilities.sync ?? [];
    for (const domain of Object.keys(settings.sync ?? {})) {
      if (!(syncs as readonly string[]).includes(domain)) {
        throw new ConfigError(`connectors.${name}.sync.${domain}: kind ${settings.kind} cannot sync ${domain}; it syncs: ${syncs.length ? syncs.join(", ") : "nothing"}`);
      }
    }
  }
}

/**
 * Checks every route of a config without any connection (connectors are built
 * but never called), so that a bad config stops start-up before the database starts.
 */
export function checkRoutes(config: ConnectorsConfig): void {
  // Nothing connected (pools connect on first use); closing releases them all the same.
  void buildRouter(config, createDataSource({ url: "postgres://config-check.invalid/none" })).close();
}
