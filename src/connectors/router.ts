import { GraphQLError } from "graphql";
import type { EntityManager } from "typeorm";
import { emptyPage, type Page, type PageRequest } from "../common/pagination.js";
import type { CommandWriter, Connector, Domain, DomainReaders } from "./connector.js";
import { DOMAINS } from "./connector.js";
import { mergedPage, type MissingSource } from "./merged-page.js";
import type { ConnectorHealth } from "./resilience.js";
import type { Quota } from "../common/token-bucket.js";
import type { SyncDomain } from "./sync.js";

/** Which connectors read each domain, in order of preference (the first is asked first for business keys). */
export type ReadRoutes = Record<Domain, readonly string[]>;

/** Told of one backend call (see {@link Router.onConnectorCall}). */
export type ConnectorCallListener = (connector: string, seconds: number, ok: boolean) => void;

/** Which connectors receive each command type (one outbox row per target). */
export type WriteRoutes = Record<string, readonly string[]>;

/** A connector's sync settings from the connectors file: when each domain's sync runs, and its request quota (shared with its reads). */
export interface SyncSettings {
  /** The crontab schedule per domain; a domain without one runs only by hand (`npm run sync`). */
  schedules: Partial<Record<SyncDomain, string>>;
  /** Its `rateLimit`, when it has one. */
  quota?: Quota;
}

/**
 * Sends each read to the connectors that serve it: lists are read from every
 * connector configured for the domain and merged; business-key lookups ask
 * them in order until each key is found; lookups of an object we already know
 * the source of (a global ID) go to that source.
 */
export class Router {
  private readonly connectors = new Map<string, Connector>();

  /**
   * Checks that every read route names a known connector able to read that
   * domain, and every write route connectors able to apply that command.
   */
  constructor(
    connectors: readonly Connector[],
    private readonly routes: ReadRoutes,
    private readonly writeRoutes: WriteRoutes = {},
    private readonly health: ReadonlyMap<string, ConnectorHealth> = new Map(),
    private readonly callListeners: Set<ConnectorCallListener> = new Set(),
    private readonly syncSettings: ReadonlyMap<string, SyncSettings> = new Map(),
  ) {
    for (const connector of connectors) this.connectors.set(connector.name, connector);
    for (const domain of DOMAINS) {
      if (routes[domain].length === 0) throw new Error(`reads.${domain}: name at least one connector`);
      for (const name of routes[domain]) {
        const connector = this.connectors.get(name);
        if (!connector) throw new Error(`reads.${domain}: no connector named "${name}"`);
        if (!connector.readers[domain]) throw new Error(`reads.${domain}: connector "${name}" (${connector.kind}) cannot read ${domain}`);
      }
    }
    for (const [type, targets] of Object.entries(writeRoutes)) {
      if (targets.length === 0) throw new Error(`writes.${type}: name at least one connector`);
      for (const name of targets) {
        const connector = this.connectors.get(name);
        if (!connector) throw new Error(`writes.${type}: no connector named "${name}"`);
        if (!connector.writer?.applies.includes(type)) throw new Error(`writes.${type}: connector "${name}" (${connector.kind}) cannot apply ${type}`);
      }
    }
  }

  /** The connectors a command type is delivered to. */
  targetsOf(type: string): readonly string[] {
    const targets = this.writeRoutes[type];
    if (!targets) throw new Error(`no write route for command ${type}`);
    return targets;
  }

  /** The writer of a named connector. */
  writerOf(name: string): CommandWriter {
    const writer = this.connectors.get(name)?.writer;
    if (!writer) throw new Error(`connector "${name}" does not apply commands`);
    return writer;
  }

  /** The connectors `domain` is read from, in order of preference. */
  sources(domain: Domain): readonly string[] {
    return this.routes[domain];
  }

  /** True when `source` is one of the connectors `domain` is configured to be read from. */
  readsFrom(domain: Domain, source: string): boolean {
    return this.routes[domain].includes(source);
  }

  /**
   * One page of a `domain` list: from its one connector as it is, or merged
   * from several (see {@link mergedPage}); a connector that fails is reported
   * to `onMissing` and the others' items are still returned (none, with a
 * `null` count, when it is the only one). `identity` lists
 * an item several connectors hold once (see {@link mergedPage}).
   */
  list<D extends Domain, T>(
    domain: D,
    request: PageRequest,
    fetch: (reader: DomainReaders[D], source: string, request: PageRequest) => Promise<Page<T>>,
    onMissing: (missing: MissingSource) => void,
    identity?: (item: T) => string,
  ): Promise<Page<T>> {
    const sources = this.routes[domain];
    if (sources.length === 1) {
      const source = sources[0]!;
      return fetch(this.readerOf(domain, source), source, request).catch((error: unknown) => {
        onMissing({ source, error });
        return { ...emptyPage<T>(), count: async () => null };
      });
    }
    return mergedPage(sources, request, (source, sub) => fetch(this.readerOf(domain, source), source, sub), onMissing, identity);
  }

  /**
   * Looks keys up by a business key (SKU, e-mail, code…) in the `domain`'s
   * connectors in order: each is asked once, for the keys not yet found.
   */
  async firstFound<D extends Domain, V>(
    domain: D,
    keys: readonly string[],
    fetch: (reader: DomainReaders[D], keys: readonly string[]) => Promise<ReadonlyArray<V | null>>,
  ): Promise<Array<V | null>> {
    const results = new Array<V | null>(keys.length).fill(null);
    let missing = keys.map((_, i) => i);
    for (const source of this.routes[domain]) {
      if (missing.length === 0) break;
      const found = await fetch(this.readerOf(domain, source), missing.map((i) => keys[i]!));
      missing.forEach((keyIndex, j) => (results[keyIndex] = found[j] ?? null));
      missing = missing.filter((i) => results[i] === null);
    }
    return results;
  }

  /** The `domain` reader of a named connector (the source of a global ID or reference). */
  readerOf<D extends Domain>(domain: D, source: string): DomainReaders[D] {
    const reader = this.connectors.get(source)?.readers[domain];
    if (!reader) {
      throw new GraphQLError(`No connector "${source}" serves ${domain}.`, { extensions: { code: "BAD_USER_INPUT" } });
    }
    return reader;
  }

  /** True when a connector of that name exists and reads `domain`. */
  serves(domain: Domain, source: string): boolean {
    return Boolean(this.connectors.get(source)?.readers[domain]);
  }

  /** Hears of every backend call: its connector, duration (seconds) and success. */
  onConnectorCall(listener: ConnectorCallListener): void {
    this.callListeners.add(listener);
  }

  /** How a connector's reads are doing (null when it is not guarded). */
  healthOf(name: string): ConnectorHealth | null {
    return this.health.get(name) ?? null;
  }

  /**
   * This router with every connector over Commerce Graph's own database
   * reading through `manager`'s transaction (see {@link Connector.inTransaction});
   * other connectors, their routes and health are the same.
   */
  inTransaction(manager: EntityManager): Router {
    return new Router(
      this.all().map((connector) => connector.inTransaction?.(manager) ?? connector),
      this.routes,
      this.writeRoutes,
      this.health,
      this.callListeners,
      this.syncSettings,
    );
  }

  /** Closes every connector's connections (their own pools, timers). */
  async close(): Promise<void> {
    await Promise.all(this.all().map((connector) => connector.close?.()));
  }

  /** The connector of that name, if there is one. */
  connectorNamed(name: string): Connector | undefined {
    return this.connectors.get(name);
  }

  /** A connector's sync schedules and quota (no schedules when the connectors file gives none). */
  syncSettingsOf(name: string): SyncSettings {
    return this.syncSettings.get(name) ?? { schedules: {} };
  }

  /** All connectors. */
  all(): Connector[] {
    return [...this.connectors.values()];
  }
}
