import { GraphQLError } from "graphql";
import type { CommandWriter, Connector, Domain, DomainReaders } from "./connector.js";
import { DOMAINS } from "./connector.js";

/** Which connector reads each domain. */
export type ReadRoutes = Record<Domain, string>;

/** Which connectors receive each command type (one outbox row per target). */
export type WriteRoutes = Record<string, readonly string[]>;

/**
 * Sends each read to the connector that serves it: lists and business-key
 * lookups go to the domain's configured connector; lookups of an object we
 * already know the source of (a global ID, a reference from another object)
 * go to that source.
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
  ) {
    for (const connector of connectors) this.connectors.set(connector.name, connector);
    for (const domain of DOMAINS) {
      const name = routes[domain];
      const connector = this.connectors.get(name);
      if (!connector) throw new Error(`reads.${domain}: no connector named "${name}"`);
      if (!connector.readers[domain]) throw new Error(`reads.${domain}: connector "${name}" (${connector.kind}) cannot read ${domain}`);
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

  /** The reader of the connector configured for `domain`, and that connector's name. */
  route<D extends Domain>(domain: D): { source: string; reader: DomainReaders[D] } {
    const source = this.routes[domain];
    return { source, reader: this.readerOf(domain, source) };
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

  /** All connectors. */
  all(): Connector[] {
    return [...this.connectors.values()];
  }
}
