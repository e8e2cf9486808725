import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { ConfigError, connectorsConfig, DEFAULT_CONNECTORS_CONFIG, loadConnectorsConfig, parseConnectorsConfig } from "../src/connectors/connectors-config.js";
import { createDataSource } from "../src/db/data-source.js";

/** A data source that is never connected: building a router does not touch the database. */
const dataSource = createDataSource({ url: "postgres://unused@127.0.0.1:1/unused" });

const EXAMPLE = `
connectors:
  store:
    kind: store
  erp:
    kind: http-commands
    url: \${ERP_URL}
    token: \${ERP_TOKEN}
    timeoutMs: 5000
    applies: [orderPlace, orderCancel, accountCreate]
reads:
  quotes: store
writes:
  orderPlace: [store, erp]
  orderCancel: [store, erp]
`;

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("connectors config", () => {
  it("reads YAML with ${ENV} secrets; unlisted domains and commands go to the store", () => {
    const config = parseConnectorsConfig(EXAMPLE, "example.yaml", { ERP_URL: "http://erp.example:8080", ERP_TOKEN: "s3cret" });
    expect(config.connectors.erp).toEqual({ kind: "http-commands", url: "http://erp.example:8080", token: "s3cret", timeoutMs: 5000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 10_000 }, applies: ["orderPlace", "orderCancel", "accountCreate"] });
    const router = buildRouter(config, dataSource);
    expect(router.targetsOf("orderPlace")).toEqual(["store", "erp"]);
    expect(router.targetsOf("accountCreate")).toEqual(["store"]);
    expect(router.sources("catalog")).toEqual(["store"]);
  });

  it("JSON works too, and no file means everything in the store", () => {
    const json = JSON.stringify({ connectors: { store: { kind: "store" } }, writes: { orderPlace: ["store"] } });
    expect(parseConnectorsConfig(json, "c.json", {}).writes).toEqual({ orderPlace: ["store"] });
    expect(loadConnectorsConfig(undefined)).toBe(DEFAULT_CONNECTORS_CONFIG);
  });

  it.each([
    ["a missing secret", EXAMPLE, { ERP_URL: "http://erp.example" }, "connectors.erp.token: environment variable ERP_TOKEN is not set"],
    ["a bad URL", EXAMPLE, { ERP_URL: "not a url", ERP_TOKEN: "x" }, "connectors.erp.url"],
    ["an unknown kind", "connectors:\n  erp:\n    kind: soap\n", {}, "connectors.erp.kind"],
    ["an unknown key", "connectors:\n  store:\n    kind: store\nread:\n  quotes: store\n", {}, `Unrecognized key: "read"`],
    ["an unknown domain", "connectors:\n  store:\n    kind: store\nreads:\n  tickets: store\n", {}, `reads: Unrecognized key: "tickets"`],
    ["a YAML syntax error", "connectors: [", {}, "not valid YAML"],
  ])("%s is refused with a message naming the key", (_, text, env, expected) => {
    expect(problem(() => parseConnectorsConfig(text, "bad.yaml", env))).toContain(expected);
  });

  it.each([
    ["a connector that cannot read", { reads: { catalog: "erp" } }, `reads.catalog: connector "erp" (http-commands) cannot read catalog`],
    ["an unknown connector", { reads: { catalog: "shopify" } }, `reads.catalog: no connector named "shopify"`],
    ["a command the connector does not apply", { writes: { invoiceRegister: ["erp"] } }, `writes.invoiceRegister: connector "erp" (http-commands) cannot apply invoiceRegister`],
    ["an unknown command type", { writes: { orderShip: ["store"] } }, "writes.orderShip: unknown command type"],
  ])("routing to %s is refused at start-up", (_, routes, expected) => {
    const { connectors } = parseConnectorsConfig(EXAMPLE, "example.yaml", { ERP_URL: "http://erp.example", ERP_TOKEN: "x" });
    const config = { ...connectorsConfig({ connectors: {}, ...routes }), connectors };
    expect(problem(() => buildRouter(config, dataSource))).toContain(expected);
  });

  it("npm start with a bad config file stops before serving, naming the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cg-config-"));
    const file = join(dir, "commerce-graph.config.yaml");
    writeFileSync(file, "connectors:\n  store:\n    kind: store\nreads:\n  catalog: erp\n");
    const run = promisify(execFile);
    const result = await run(process.execPath, ["--import", "tsx", "src/main.ts", "start", "--config", file], {
      env: { ...process.env, DATABASE_URL: "postgres://unused@127.0.0.1:1/unused" },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reads.catalog: no connector named "erp"');
  }, 60_000);
});

describe("the example config", () => {
  it("is valid and its routes hold", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../commerce-graph.config.example.yaml", import.meta.url), "utf8");
    const config = parseConnectorsConfig(text, "commerce-graph.config.example.yaml", { ERP_URL: "http://localhost:9090", ERP_API_KEY: "k", ERP_EVENTS_SECRET: "an-events-secret-of-at-least-32-characters" });
    const router = buildRouter(config, dataSource);
    expect(router.targetsOf("orderPlace")).toEqual(["store", "erp"]);
    expect(router.sources("accounts")).toEqual(["erp"]);
    expect(router.sources("catalog")).toEqual(["store", "erp"]);
    expect(router.sources("quotes")).toEqual(["store"]);
  });
});
