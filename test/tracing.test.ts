import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { buildRouter } from "../src/connectors/build-router.js";
import type { OutboxCommand } from "../src/connectors/connector.js";
import { PermanentDeliveryError } from "../src/connectors/errors.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { guardConnector } from "../src/connectors/resilience.js";
import { createLogger } from "../src/logger.js";
import { startTracing, tracesEndpoint } from "../src/observability/tracing.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** A span as OTLP/HTTP JSON carries it, with its resource's attributes. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
  status?: { code?: number; message?: string };
  resource: Record<string, unknown>;
}

/** OTLP's span status code for an error. */
const STATUS_ERROR = 2;

/** The plain value of an OTLP attribute list entry (`{ stringValue }`, `{ intValue }`, `{ arrayValue: { values } }`…). */
function valueOf(value: Record<string, unknown>): unknown {
  if (value.arrayValue) return ((value.arrayValue as { values?: Array<Record<string, unknown>> }).values ?? []).map(valueOf);
  const found = Object.values(value)[0];
  return typeof found === "string" && "intValue" in value ? Number(found) : found;
}

function attributesOf(list: OtlpSpan["attributes"]): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

/** A fake OpenTelemetry collector: records every span POSTed to `/v1/traces` as OTLP/HTTP JSON. */
class FakeCollector {
  readonly spans: OtlpSpan[] = [];
  readonly requests: Array<{ path: string; contentType: string }> = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      this.requests.push({ path: request.url ?? "", contentType: request.headers["content-type"] ?? "" });
      let body = Buffer.concat(chunks);
      if (request.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      const data = JSON.parse(body.toString("utf8")) as {
        resourceSpans?: Array<{ resource?: { attributes?: OtlpSpan["attributes"] }; scopeSpans?: Array<{ spans?: Array<Omit<OtlpSpan, "resource">> }> }>;
      };
      for (const resourceSpans of data.resourceSpans ?? []) {
        const resource = attributesOf(resourceSpans.resource?.attributes);
        for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) this.spans.push({ ...span, resource });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }

  named(name: string): OtlpSpan[] {
    return this.spans.filter((span) => span.name === name);
  }
}

const logger = createLogger("silent");
let erp: EconnectFake;
let server: TestServer;
let collector: FakeCollector;
let collectorUrl: string;
/** Shuts tracing down if a test left it on. */
let stopTracing: () => Promise<void> = async () => {};

beforeAll(async () => {
  erp = await new EconnectFake("trace-key").seed({ items: 20 }).start();
  collector = new FakeCollector();
  collectorUrl = await collector.start();
  server = await startTestServer({
    router: (dataSource) =>
      buildRouter(
        connectorsConfig({
          connectors: { store: { kind: "store" }, erp: { kind: "econnect", url: erp.url, apiKey: "trace-key", timeoutMs: 1000, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 60_000 } } },
          reads: { catalog: "erp" },
        }),
        dataSource,
      ),
  });
});

afterAll(async () => {
  await stopTracing();
  trace.disable();
  await server?.close();
  await erp?.stop();
  await collector?.stop();
});

describe("configuration", () => {
  it("takes the standard OTLP variables; OTEL_SDK_DISABLED keeps tracing off", () => {
    expect(tracesEndpoint({})).toBeUndefined();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toBe("http://collector:4318/v1/traces");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://traces:4318/custom" })).toBe("http://traces:4318/custom");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })).toBeUndefined();
    expect(() => tracesEndpoint({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "not a url" })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
  });
});

describe("tracing", () => {
  it("is off by default: nothing registered, no span reaches the collector", async () => {
    for (const env of [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_SDK_DISABLED: "true" }]) {
      const stop = await startTracing(env, logger);
      expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(false);
      const result = await server.gql(graphql(`query TracingOff { products(first: 2) { nodes { sku } } }`));
      expect(result.errors).toBeUndefined();
      await stop();
    }
    expect(collector.requests).toEqual([]);
    expect(collector.spans).toEqual([]);
  });

  it("sends a span per GraphQL operation with its connector calls as children, and a span per delivery", async () => {
    stopTracing = await startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl }, logger);
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(true);

    const ok = await server.gql(graphql(`query CatalogPage { products(first: 3) { nodes { sku } } product(sku: "SKU-00002") { name } }`));
    expect(ok.errors).toBeUndefined();
    erp.goDown();
    try {
      const down = await server.gql(graphql(`query CatalogWhileDown { product(sku: "SKU-00003") { name } }`));
      expect(down.errors?.[0]?.extensions?.code).toBe("CONNECTOR_UNAVAILABLE");
    } finally {
      erp.goUp();
    }

    // Deliveries: a writer guarded as build-router guards every connector.
    const writer = guardConnector(
      {
        name: "shop-api",
        kind: "http-commands",
        readers: {},
        writer: {
          applies: ["orderPlace"],
          apply: async (command) => {
            if ((command.payload as { refuse?: boolean }).refuse) throw new PermanentDeliveryError("unknown SKU");
            return { reference: "R-1" };
          },
        },
      },
      { timeoutMs: 1000 },
    ).connector.writer!;
    // Payloads of no real command: this writer only looks at `refuse`.
    const command = (id: string, payload: object): OutboxCommand => ({ id, type: "orderPlace", aggregateType: "Order", aggregateId: "1", payload, idempotencyKey: id }) as OutboxCommand;
    await expect(writer.apply(command("outbox-1", {}))).resolves.toEqual({ reference: "R-1" });
    await expect(writer.apply(command("outbox-2", { refuse: true }))).rejects.toThrow("unknown SKU");

    await stopTracing(); // flushes
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(false);
    expect(collector.requests.every((r) => r.path === "/v1/traces" && r.contentType.startsWith("application/json"))).toBe(true);
    expect(collector.spans.every((span) => span.resource["service.name"] === "commerce-graph")).toBe(true);

    // The operation, and its two connector calls, children of it.
    const [operation, ...others] = collector.named("graphql query CatalogPage");
    expect(others).toEqual([]);
    expect(operation).toBeDefined();
    expect(operation!.parentSpanId || undefined).toBeUndefined();
    expect(attributesOf(operation!.attributes)).toMatchObject({ "graphql.operation.type": "query", "graphql.operation.name": "CatalogPage", "http.request.method": "POST", "http.response.status_code": 200 });
    expect(attributesOf(operation!.attributes)["request.id"]).toEqual(expect.any(String));
    expect(operation!.status?.code ?? 0).not.toBe(STATUS_ERROR);

    const children = collector.spans.filter((span) => span.parentSpanId === operation!.spanId);
    expect(children.map((span) => span.name).sort()).toEqual(["connector erp catalog.listProducts", "connector erp catalog.productsBySkus"]);
    for (const child of children) {
      expect(child.traceId).toBe(operation!.traceId);
      expect(child.status?.code ?? 0).not.toBe(STATUS_ERROR);
    }
    const bySku = children.find((span) => span.name.endsWith("productsBySkus"))!;
    expect(attributesOf(bySku.attributes)).toEqual({ "connector.name": "erp", "connector.kind": "econnect", "connector.method": "catalog.productsBySkus", "connector.batch_size": 1, "connector.outcome": "ok" });

    // The failed call: ERROR with the reason, under its operation.
    const [failedOperation] = collector.named("graphql query CatalogWhileDown");
    expect(failedOperation).toBeDefined();
    const [failed, ...moreFailed] = collector.spans.filter((span) => span.parentSpanId === failedOperation!.spanId);
    expect(moreFailed).toEqual([]);
    expect(failed!.name).toBe("connector erp catalog.productsBySkus");
    expect(failed!.status).toMatchObject({ code: STATUS_ERROR, message: expect.stringContaining("answered 503") });
    expect(attributesOf(failed!.attributes)).toMatchObject({ "connector.outcome": "error", "error.type": "ConnectorUnavailableError" });
    expect(attributesOf(failedOperation!.attributes)["graphql.error.codes"]).toEqual(["CONNECTOR_UNAVAILABLE"]);

    // One span per delivery.
    const deliveries = collector.named("connector shop-api deliver orderPlace").sort((a, b) => String(attributesOf(a.attributes)["outbox.id"]).localeCompare(String(attributesOf(b.attributes)["outbox.id"])));
    expect(deliveries.map((span) => attributesOf(span.attributes))).toEqual([
      { "connector.name": "shop-api", "connector.kind": "http-commands", "connector.method": "deliver", "connector.command_type": "orderPlace", "outbox.id": "outbox-1", "connector.outcome": "ok" },
      { "connector.name": "shop-api", "connector.kind": "http-commands", "connector.method": "deliver", "connector.command_type": "orderPlace", "outbox.id": "outbox-2", "connector.outcome": "error", "error.type": "PermanentDeliveryError" },
    ]);
    expect(deliveries[1]!.status).toMatchObject({ code: STATUS_ERROR, message: "unknown SKU" });
  });
});
