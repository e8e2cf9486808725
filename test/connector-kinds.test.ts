import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createConnector } from "../src/connectors/build-router.js";
import { DOMAINS, type Domain } from "../src/connectors/connector.js";
import { connectorsConfig, parseConnectorsConfig, type ConnectorsConfigInput } from "../src/connectors/connectors-config.js";
import { defineKind, type ConnectorKind } from "../src/connectors/kind.js";
import { CONNECTOR_KINDS, kindNamed } from "../src/connectors/kinds.js";
import { EVERY_DOMAIN_AND_PART, OPTIONAL_READER_PARTS } from "../src/connectors/reader-parts.js";
import { createDataSource } from "../src/db/data-source.js";
import { ALL_COMMAND_TYPES } from "../src/commands/command-types.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { sampleCancelCommand } from "./support/sample-commands.js";

/** Never connected: building connectors does not touch a database. */
const dataSource = createDataSource({ url: "postgres://unused@127.0.0.1:1/unused" });

/** The connector "c" as the connectors file makes it from `settings`. */
function connectorOf(settings: ConnectorsConfigInput["connectors"][string]) {
  const { connectors } = connectorsConfig({ connectors: { c: settings } });
  return createConnector("c", connectors.c!, dataSource);
}

/** The reads column of the README's table of kinds. */
function readsOf(kind: ConnectorKind): string {
  const reads = kind.capabilities.reads as Partial<Record<Domain, readonly string[]>>;
  if (JSON.stringify(reads) === JSON.stringify(EVERY_DOMAIN_AND_PART)) return "every domain, every part";
  const domains = DOMAINS.filter((domain) => reads[domain]).map((domain) => (reads[domain]!.length ? `${domain} (${reads[domain]!.join(", ")})` : domain));
  return domains.length ? domains.join(", ") : "nothing";
}

/** The applies column. */
function appliesOf(kind: ConnectorKind): string {
  const applies = kind.capabilities.applies;
  if (applies === "configured") return "the command types of its `applies` setting";
  if (applies.length === 0) return "nothing";
  if (applies.length === ALL_COMMAND_TYPES.length) return "every command type";
  return applies.map((type) => `\`${type}\``).join(", ");
}

/** The README's table of kinds, as the registry makes it. */
function kindsTable(): string {
  const rows = CONNECTOR_KINDS.map((kind: ConnectorKind) => {
    const settings = Object.keys(kind.settings.shape).map((key) => `\`${key}\``).join(", ") || "—";
    const syncs = kind.capabilities.sync?.length ? kind.capabilities.sync.join(", ") : "nothing";
    return `| \`${kind.name}\` | ${kind.summary} | ${readsOf(kind)} | ${appliesOf(kind)} | ${kind.capabilities.delivery} | ${syncs} | ${settings} |`;
  });
  return ["| kind | what it is | reads | applies | delivery | syncs | settings |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

describe("the registry of connector kinds", () => {
  it("the README's table of kinds is the registry's (paste the expected table when a kind changes)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = /<!-- kinds-table[^>]*-->\n([\s\S]*?)\n<!-- \/kinds-table -->/.exec(readme)?.[1];
    expect(table).toBe(kindsTable());
  });

  it("the connectors file accepts exactly the registered kinds, each with its own settings", () => {
    expect(CONNECTOR_KINDS.map((kind) => kind.name)).toEqual(["store", "http-commands", "econnect"]);
    expect(kindNamed("econnect").capabilities.reads).toEqual({ accounts: [], catalog: ["units"], inventory: [] });
    expect(() => kindNamed("soap")).toThrow('unknown connector kind "soap"; known: store, http-commands, econnect');
    expect(() => parseConnectorsConfig("connectors:\n  erp:\n    kind: econnect\n    url: http://erp.example\n    token: x\n", "c.yaml", {})).toThrow(/connectors\.erp: Unrecognized key: "token"/);
    expect(() => parseConnectorsConfig("connectors:\n  erp:\n    kind: econnect\n    url: http://erp.example\n", "c.yaml", {})).toThrow(/connectors\.erp\.apiKey/);
  });

  it("each kind's connectors offer the readers it declares, and the command types", () => {
    const store = connectorOf({ kind: "store" });
    const econnect = connectorOf({ kind: "econnect", url: "http://erp.example", apiKey: "k" });
    const http = connectorOf({ kind: "http-commands", url: "http://erp.example", applies: ["orderPlace"] });
    expect(Object.keys(store.readers).sort()).toEqual([...DOMAINS].sort());
    expect(Object.keys(econnect.readers).sort()).toEqual(["accounts", "catalog", "inventory"]);
    expect(Object.keys(http.readers)).toEqual([]);
    expect([store.kind, econnect.kind, http.kind]).toEqual(["store", "econnect", "http-commands"]);
    expect(store.writer?.applies).toEqual(ALL_COMMAND_TYPES);
    expect(http.writer?.applies).toEqual(["orderPlace"]);
    expect(econnect.writer?.applies).toEqual(kindNamed("econnect").capabilities.applies);
  });

  it("the optional parts a kind does not serve answer empty, without calling its backend", async () => {
    // Nothing listens at this address: any call to the backend would fail.
    const econnect = connectorOf({ kind: "econnect", url: "http://127.0.0.1:1", apiKey: "k" });
    const { catalog, accounts, inventory } = econnect.readers;
    expect(await catalog!.categoriesOf(["1", "2"])).toEqual([[], []]);
    expect(await catalog!.categoriesBySlugs(["tools"])).toEqual([null]);
    expect(await catalog!.priceBreaksOf(["1"])).toEqual([[]]);
    expect(await catalog!.kitComponentsOf(["1"])).toEqual([[]]);
    expect(await catalog!.relatedProductsOf(["1"])).toEqual([[]]);
    expect((await catalog!.listCategories({ page: { direction: "forward", size: 5, after: null, before: null, reverse: false }, sort: "NAME", filter: {} })).items).toEqual([]);
    expect(await accounts!.shipTosOf(["1"])).toEqual([[]]);
    expect(await accounts!.paymentMethodsByKeys(["1"])).toEqual([null]);
    expect(await inventory!.listLevelsOfWarehouse("w", { page: { direction: "forward", size: 5, after: null, before: null, reverse: false }, sort: "SKU", filter: {} })).toMatchObject({ items: [], hasNextPage: false });
    // The part it serves is its own: one unit, EA.
    expect(await catalog!.unitsOf(["1"])).toEqual([[{ code: "EA", name: "Each", factor: 1 }]]);
  });

  it("every optional part has empty answers for each of its methods", () => {
    for (const domain of DOMAINS) {
      for (const [part, methods] of Object.entries(OPTIONAL_READER_PARTS[domain])) {
        expect(Object.keys(methods).length, `${domain}.${part}`).toBeGreaterThan(0);
      }
    }
  });

  it("http-commands sends the auth of its settings (token, or bearer, basic or a header of its own) with every command", async () => {
    const backend = await new FakeCommandBackend().start();
    try {
      const command = sampleCancelCommand("k-auth");
      const connectors = [
        connectorOf({ kind: "http-commands", url: backend.url, applies: ["orderCancel"], token: "t0ken" }),
        connectorOf({ kind: "http-commands", url: backend.url, applies: ["orderCancel"], auth: { basic: { username: "erp", password: "s3cret" } } }),
        connectorOf({ kind: "http-commands", url: backend.url, applies: ["orderCancel"] }),
      ];
      for (const connector of connectors) await connector.writer!.apply(command);
      expect(backend.received.map((r) => r.authorization)).toEqual(["Bearer t0ken", `Basic ${Buffer.from("erp:s3cret").toString("base64")}`, undefined]);
    } finally {
      await backend.stop();
    }
    expect(() => connectorOf({ kind: "http-commands", url: "http://erp.example", applies: ["orderPlace"], auth: { digest: "x" } as never })).toThrow();
  });

  it("a kind whose declared capabilities and implementation differ stops start-up, naming what differs", () => {
    const reader = { levelsOf: async (keys: readonly string[]) => keys.map(() => []) };
    const create = (declared: { inventory?: ReadonlyArray<"warehouseLevels"> }, readers: object, applies: readonly ["orderPlace"] | readonly [] = []) =>
      defineKind({
        name: "test-kind",
        summary: "a kind of this test",
        settings: z.object({}),
        capabilities: { reads: declared, applies, delivery: "push" },
        create: () => ({ readers, writer: { applies: ["orderPlace", "orderCancel"], apply: async () => ({}) } }),
      }).create({ name: "t", settings: { timeoutMs: 1000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 10_000 } }, dataSource });
    expect(() => create({}, { inventory: reader }, ["orderPlace"])).toThrow('connector kind "test-kind": offers a reader of inventory that it does not declare');
    expect(() => create({ inventory: [] }, {}, ["orderPlace"])).toThrow('connector kind "test-kind": declares that it reads inventory but offers no reader of it');
    expect(() => create({ inventory: ["warehouseLevels"] }, { inventory: reader }, ["orderPlace"])).toThrow('inventory.listLevelsOfWarehouse is missing, yet the part "warehouseLevels" is declared');
    expect(() => create({ inventory: [] }, { inventory: { ...reader, listLevelsOfWarehouse: reader.levelsOf } }, ["orderPlace"])).toThrow('inventory.listLevelsOfWarehouse is implemented but the part "warehouseLevels" is not declared');
    expect(() => create({ inventory: [] }, { inventory: reader }, ["orderPlace"])).toThrow('its writer applies orderCancel, which the kind does not declare');
  });

  it("a kind's connectors sync only domains it declares, and carry those syncs", () => {
    const source = { pages: async function* () {} };
    const create = (declared: ReadonlyArray<"catalog" | "inventory"> | undefined, sync: object | undefined) =>
      defineKind({
        name: "sync-kind",
        summary: "a kind of this test",
        settings: z.object({}),
        capabilities: { reads: {}, applies: [], delivery: "push", ...(declared ? { sync: declared } : {}) },
        create: () => ({ readers: {}, ...(sync ? { sync } : {}) }),
      }).create({ name: "t", settings: { timeoutMs: 1000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 10_000 } }, dataSource });
    expect(() => create(undefined, { catalog: source })).toThrow('connector kind "sync-kind": offers a sync of catalog that it does not declare');
    // One connector may offer fewer than its kind can (its settings may not allow the rest).
    expect(create(["catalog", "inventory"], { catalog: source }).sync).toEqual({ catalog: source });
    expect(create(["catalog"], { catalog: source }).sync).toEqual({ catalog: source });
    expect(create(undefined, undefined).sync).toBeUndefined();
  });
});
