import type { FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import type { Router } from "../connectors/router.js";
import { judgeConnectors } from "../domains/connector/connector.service.js";
import { readDeliveryStats } from "../outbox/outbox-store.js";
import { ReadinessProbe } from "./readiness.js";
import type { Metrics } from "./metrics.js";

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the database answers and
 * each connector's state, judged from its reads (current) and its deliveries
 * (refreshed at most every `refreshMs`, see {@link ReadinessProbe}), as
 * `Query.connectors` judges them. 200 `ready`, or `degraded` when a connector is
 * not up or our pool is full (`database: "busy"`: the API still serves, slower,
 * and answers DATABASE_BUSY where it must); 503 `unavailable` only when the
 * database does not answer (`database: "down"`). `GET /metrics`: Prometheus
 * text, behind `Authorization: Bearer <METRICS_TOKEN>` when that is set.
 */
export function registerHealthRoutes(fastify: FastifyInstance, deps: { dataSource: DataSource; router: Router; metrics: Metrics; metricsToken?: string; readyzRefreshMs?: number }): void {
  const probe = new ReadinessProbe(() => readDeliveryStats(deps.dataSource, deps.router.all().map((c) => c.name)), deps.readyzRefreshMs);
  fastify.get("/healthz", async () => ({ status: "ok" }));
  fastify.get("/readyz", async (_, reply) => {
    const { database, deliveries } = await probe.snapshot();
    if (database === "down") return reply.code(503).send({ status: "unavailable", database, connectors: {} });
    const statuses = judgeConnectors(deps.router, deliveries);
    const connectors = Object.fromEntries(statuses.map((c) => [c.name, c.status]));
    const degraded = database === "busy" || statuses.some((c) => c.status !== "UP");
    return reply.code(200).send({ status: degraded ? "degraded" : "ready", database, connectors });
  });
  fastify.get("/metrics", async (request, reply) => {
    if (deps.metricsToken && request.headers.authorization !== `Bearer ${deps.metricsToken}`) return reply.code(401).send({ error: "Send Authorization: Bearer <METRICS_TOKEN>." });
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
