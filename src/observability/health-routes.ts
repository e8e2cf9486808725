import type { FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import type { Router } from "../connectors/router.js";
import { connectorStatuses } from "../domains/connector/connector.service.js";
import type { Metrics } from "./metrics.js";

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the database answers
 * (else 503), and each connector's state judged from its reads and its
 * deliveries (as `Query.connectors` judges it) — `degraded` when one is not
 * up, still 200: the API serves what it can. `GET /metrics`: Prometheus text,
 * behind `Authorization: Bearer <METRICS_TOKEN>` when that is set.
 */
export function registerHealthRoutes(fastify: FastifyInstance, deps: { dataSource: DataSource; router: Router; metrics: Metrics; metricsToken?: string }): void {
  fastify.get("/healthz", async () => ({ status: "ok" }));
  fastify.get("/readyz", async (_, reply) => {
    // One statement: it checks the database and reads the deliveries' state.
    const statuses = await connectorStatuses(deps.dataSource, deps.router).catch(() => null);
    if (!statuses) return reply.code(503).send({ status: "unavailable", database: "down", connectors: {} });
    const connectors = Object.fromEntries(statuses.map((c) => [c.name, c.status]));
    const degraded = statuses.some((c) => c.status !== "UP");
    return reply.code(200).send({ status: degraded ? "degraded" : "ready", database: "up", connectors });
  });
  fastify.get("/metrics", async (request, reply) => {
    if (deps.metricsToken && request.headers.authorization !== `Bearer ${deps.metricsToken}`) return reply.code(401).send({ error: "Send Authorization: Bearer <METRICS_TOKEN>." });
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
