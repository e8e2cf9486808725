import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** Health and metrics report what they claim: here with the catalog read from a fake ERP that goes down. */
let erp: EconnectFake;
let server: TestServer;

beforeAll(async () => {
  erp = await new EconnectFake("obs-key").seed({ items: 20 }).start();
  server = await startTestServer({
    router: (dataSource) =>
      buildRouter(
        connectorsConfig({
          connectors: { store: { kind: "store" }, erp: { kind: "econnect", url: erp.url, apiKey: "obs-key", timeoutMs: 1000, circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 } } },
          reads: { catalog: "erp" },
        }),
        dataSource,
      ),
  });
});
afterAll(async () => {
  await server.close();
  await erp.stop();
});

const get = async (url: string) => server.app.inject({ method: "GET", url });
/** The value of a metric line (`name{labels} value`), or undefined. */
function metric(text: string, line: string): number | undefined {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : undefined;
}

describe("health and metrics", () => {
  it("/healthz answers; /readyz is ready while every connector is up", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await get("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: "up", connectors: { store: "UP", erp: "UP" } });
  });

  it("/metrics counts operations by name, errors by code, and connector calls", async () => {
    await server.gql(`query CatalogPage { products(first: 3) { nodes { sku } } }`);
    await server.gql(`query CatalogPage { products(first: 3) { nodes { sku } } }`);
    await server.gql(graphql(`query ObservabilityNode { node(id: "abc") { id } }`));
    const text = (await get("/metrics")).body;
    expect(metric(text, `commerce_graph_graphql_requests_total{operation="CatalogPage"}`)).toBe(2);
    expect(metric(text, `commerce_graph_graphql_errors_total{code="BAD_USER_INPUT"}`)).toBeGreaterThanOrEqual(1);
    expect(metric(text, `commerce_graph_connector_calls{connector="erp"}`)).toBeGreaterThanOrEqual(2);
    expect(metric(text, `commerce_graph_connector_circuit_state{connector="erp"}`)).toBe(0);
    expect(text).toContain("commerce_graph_graphql_request_duration_seconds_bucket");
    expect(metric(text, `commerce_graph_connector_call_duration_seconds_count{connector="erp",outcome="ok"}`)).toBeGreaterThanOrEqual(2);
  });

  it("a downed connector turns /readyz degraded and its circuit metric open", async () => {
    erp.goDown();
    try {
      for (let i = 0; i < 3; i++) await server.gql(graphql(`query ObservabilityProducts { products(first: 3) { nodes { sku } } }`));
      const ready = await get("/readyz");
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: "degraded", database: "up", connectors: { store: "UP", erp: "DOWN" } });
      const text = (await get("/metrics")).body;
      expect(metric(text, `commerce_graph_connector_circuit_state{connector="erp"}`)).toBe(1);
      expect(metric(text, `commerce_graph_connector_failures{connector="erp"}`)).toBeGreaterThanOrEqual(2);
      expect(metric(text, `commerce_graph_graphql_errors_total{code="CONNECTOR_UNAVAILABLE"}`)).toBeGreaterThanOrEqual(3);
    } finally {
      erp.goUp();
    }
  });

  it("/metrics can be kept for the monitoring system only", async () => {
    const guarded = await startTestServer({ metricsToken: "metrics-secret-0123456789" });
    try {
      expect((await guarded.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
      expect((await guarded.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer metrics-secret-0123456789" } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
