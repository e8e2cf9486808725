import type { DataSource, EntityManager } from "typeorm";
import type { z } from "zod";
import type { CommandType } from "../commands/command-types.js";
import type { CommandWriter, Connector } from "./connector.js";
import { completeReaders, type ReadCapabilities, type ReaderImplementations } from "./reader-parts.js";
import type { ResilienceSettings } from "./resilience-settings.js";
import { SYNC_DOMAINS, type SyncDomain, type SyncSources } from "./sync.js";

/**
 * How a kind's commands reach its backend: `push`, the relay calls the backend
 * (every kind today); `pull`, the backend fetches its commands from a feed and
 * acknowledges them (room for kinds to come).
 */
export type DeliveryMode = "push" | "pull";

/** What a kind can do, declared once: the config, the router and the README table are built from it. */
export interface KindCapabilities {
  /** The domains it reads, each with the optional parts it serves; the parts it does not serve answer empty. */
  readonly reads: ReadCapabilities;
  /** The command types it applies, or `"configured"` when its connectors list them in their `applies` setting. */
  readonly applies: readonly CommandType[] | "configured";
  readonly delivery: DeliveryMode;
  /** The domains it can sync into the store (see `sync.ts`); absent: none. Its connectors offer a `sync` source for these and no others. */
  readonly sync?: readonly SyncDomain[];
}

/** What a kind's factory is given: the connector's name and validated settings (its own, and timeout and circuit breaker). */
export interface KindContext<Settings> {
  /** The connector's name from the connectors file. */
  name: string;
  settings: Settings & ResilienceSettings;
  /** Commerce Graph's own database (only a kind that keeps its data there uses it). */
  dataSource: DataSource;
}

/** The connector a kind's factory builds: readers for the domains it declares, without the optional parts it does not serve. */
export interface KindConnector {
  readonly readers: ReaderImplementations;
  readonly writer?: CommandWriter;
  /** The syncs it offers: domains of `capabilities.sync` only (all of them, unless its settings allow fewer). */
  readonly sync?: SyncSources;
  close?(): Promise<void>;
  /** See {@link Connector.inTransaction}. */
  inTransaction?(manager: EntityManager): KindConnector;
}

/** A kind as its folder writes it (see {@link defineKind}). */
export interface KindDefinition<Name extends string, Shape extends z.ZodRawShape> {
  /** The `kind` of the connectors file, for example `econnect`. */
  readonly name: Name;
  /** One line for the README's table of kinds: what the backend is. */
  readonly summary: string;
  /** The kind's own settings (timeout, circuit breaker, concurrency and quota are added for every kind). */
  readonly settings: z.ZodObject<Shape>;
  readonly capabilities: KindCapabilities;
  /** Builds one connector of this kind. */
  create(context: KindContext<z.output<z.ZodObject<Shape>>>): KindConnector;
}

/** A connector kind in the registry: its definition, with a factory that answers complete {@link Connector}s. */
export interface ConnectorKind<Name extends string = string, Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: Name;
  readonly summary: string;
  readonly settings: z.ZodObject<Shape>;
  readonly capabilities: KindCapabilities;
  /** Builds one connector; `context.settings` must have been validated by {@link settings} (the connectors file is). */
  create(context: KindContext<Record<string, unknown>>): Connector;
}

/** `writer`, when it applies nothing but what the kind declares (a kind whose writer says otherwise has a bug: it stops start-up). */
function checkedWriter(kind: string, declared: KindCapabilities["applies"], writer: CommandWriter | undefined): CommandWriter | undefined {
  if (writer && declared !== "configured") {
    const undeclared = writer.applies.filter((type) => !(declared as readonly string[]).includes(type));
    if (undeclared.length > 0) throw new Error(`connector kind "${kind}": its writer applies ${undeclared.join(", ")}, which the kind does not declare`);
  }
  return writer;
}

/**
 * `sync`, when it offers nothing but the domains the kind declares (a sync the
 * kind does not declare is a bug in the kind: it stops start-up). Like a writer,
 * one connector may offer fewer than its kind can, when its settings do not
 * allow the rest (a `store` without `databaseUrl` has nothing to sync from);
 * a schedule for such a domain stops start-up (see `buildRouter`).
 */
function checkedSync(kind: string, declared: readonly SyncDomain[] | undefined, sync: SyncSources | undefined): SyncSources | undefined {
  const offered = SYNC_DOMAINS.filter((domain) => sync?.[domain]);
  const undeclared = offered.filter((domain) => !declared?.includes(domain));
  if (undeclared.length > 0) throw new Error(`connector kind "${kind}": offers a sync of ${undeclared.join(", ")} that it does not declare`);
  return offered.length > 0 ? sync : undefined;
}

/**
 * Turns a kind's definition into a registry entry: the connectors it creates
 * are named, carry the kind and the syncs it declares, and answer empty for the optional reader parts
 * they do not serve (see `reader-parts.ts`).
 */
export function defineKind<Name extends string, Shape extends z.ZodRawShape>(definition: KindDefinition<Name, Shape>): ConnectorKind<Name, Shape> {
  const complete = (name: string, built: KindConnector): Connector => ({
    name,
    kind: definition.name,
    readers: completeReaders(definition.name, definition.capabilities.reads, built.readers),
    writer: checkedWriter(definition.name, definition.capabilities.applies, built.writer),
    sync: checkedSync(definition.name, definition.capabilities.sync, built.sync),
    close: built.close?.bind(built),
    ...(built.inTransaction ? { inTransaction: (manager: EntityManager) => complete(name, built.inTransaction!(manager)) } : {}),
  });
  return {
    name: definition.name,
    summary: definition.summary,
    settings: definition.settings,
    capabilities: definition.capabilities,
    // The connectors file's schema is built from `definition.settings`, so validated settings have its output type.
    create: (context) => complete(context.name, definition.create(context as KindContext<z.output<z.ZodObject<Shape>>>)),
  };
}
