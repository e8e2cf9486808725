import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DataSource } from "typeorm";
import type { Router } from "../connectors/router.js";
import type { RequestContext } from "../context.js";
import { relayDeliveries } from "../outbox/relay-metrics.js";

/** Distinct operation names counted; further ones count as "other". */
const MAX_OPERATION_LABELS = 200;

/** Circuit states as a number, for graphs and alerts: 0 closed, 0.5 half-open, 1 open. */
const CIRCUIT_VALUE = { CLOSED: 0, HALF_OPEN: 0.5, OPEN: 1 } as const;

/**
 * Prometheus metrics of one server (prom-client, a registry of its own):
 * GraphQL requests and their duration by operation, errors by code; each
 * connector's calls, failures and circuit state; the outbox backlog per
 * connector and the age of its oldest pending command; process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: "commerce_graph_graphql_requests_total", help: "GraphQL operations answered, by operation name.", labelNames: ["operation"], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: "commerce_graph_graphql_request_duration_seconds",
    help: "Time to answer a GraphQL operation, by operation name.",
    labelNames: ["operation"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly errors = new Counter({ name: "commerce_graph_graphql_errors_total", help: "Errors in GraphQL responses, by extensions.code.", labelNames: ["code"], registers: [this.registry] });

  constructor(router: Router, dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: "commerce_graph_" });
    this.registry.registerMetric(relayDeliveries);
    const calls = new Histogram({
      name: "commerce_graph_connector_call_duration_seconds",
      help: "Time of each read call to a connector's backend, by connector and outcome (ok, error).",
      labelNames: ["connector", "outcome"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    router.onConnectorCall((connector, seconds, ok) => calls.observe({ connector, outcome: ok ? "ok" : "error" }, seconds));
    const connectorGauge = (name: string, help: string, value: (connector: string) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ["connector"],
        registers: [this.registry],
        collect() {
          for (const connector of router.all()) {
            const v = value(connector.name);
            if (v !== null) this.set({ connector: connector.name }, v);
          }
        },
      });
    connectorGauge("commerce_graph_connector_calls", "Calls made to each connector's backend since the process started.", (name) => router.healthOf(name)?.calls ?? null);
    connectorGauge("commerce_graph_connector_failures", "Calls to each connector's backend that failed (timeouts and fast fails included) since the process started.", (name) => router.healthOf(name)?.failures ?? null);
    connectorGauge("commerce_graph_connector_circuit_state", "Each connector's read circuit: 0 closed, 0.5 half-open, 1 open.", (name) => {
      const health = router.healthOf(name);
      return health ? CIRCUIT_VALUE[health.circuit] : null;
    });
    const backlog = async () =>
      (await dataSource.query(
        `SELECT connector, count(*) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING'))::int AS pending,
                count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
                coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING'))), 0)::float8 AS oldest
         FROM outbox WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING', 'FAILED') GROUP BY connector`,
      )) as Array<{ connector: string; pending: number; failed: number; oldest: number }>;
    let latest: Promise<Awaited<ReturnType<typeof backlog>>> | null = null;
    const outboxGauge = (name: string, help: string, pick: (row: { pending: number; failed: number; oldest: number }) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["connector"],
        registers: [this.registry],
        async collect() {
          // One query per scrape serves the three gauges.
          latest ??= backlog().finally(() => setTimeout(() => (latest = null), 0));
          this.reset();
          for (const row of await latest) this.set({ connector: row.connector }, pick(row));
        },
      });
    outboxGauge("commerce_graph_outbox_pending", "Commands waiting for delivery (pending, delivering or retrying), by target connector.", (row) => row.pending);
    outboxGauge("commerce_graph_outbox_failed", "Commands that failed and wait for an operator (commandRetry), by target connector.", (row) => row.failed);
    outboxGauge("commerce_graph_outbox_oldest_pending_age_seconds", "Age of the oldest command still on its way, by target connector.", (row) => row.oldest);
  }

  /** Counts every GraphQL operation, its duration and its errors. */
  plugin(): ApolloServerPlugin<RequestContext> {
    const { requests, duration, errors } = this;
    // Clients name their operations: keep the label set bounded.
    const seen = new Set<string>();
    const label = (name: string | null | undefined) => {
      if (!name) return "anonymous";
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS || name.length > 64) return "other";
      seen.add(name);
      return name;
    };
    return {
      async requestDidStart() {
        const end = duration.startTimer();
        return {
          async willSendResponse({ operationName, response }) {
            const operation = label(operationName);
            requests.inc({ operation });
            end({ operation });
            if (response.body.kind === "single") for (const error of response.body.singleResult.errors ?? []) errors.inc({ code: String(error.extensions?.code ?? "UNKNOWN") });
          },
        };
      },
    };
  }
}
