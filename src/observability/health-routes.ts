import type { FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { readStateOf } from "../connectors/resilience.js";
import type { Router } from "../connectors/router.js";
import type { Metrics } from "./metrics.js";

/** A connector's state as its reads show it in this process (UP when it is not guarded). */
function readStatus(router: Router, name: string): "UP" | "DEGRADED" | "DOWN" {
  const health = router.healthOf(name);
  return health ? readStateOf(health) : "UP";
}

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the database answers
 * (else 503), and each connector's state — `degraded` when one is not up, still
 * 200: the API serves what it can. `GET /metrics`: Prometheus text, behind
 * `Authorization: Bearer <METRICS_TOKEN>` when that is set.
 */
export function registerHealthRoutes(fastify: FastifyInstance, deps: { dataSource: DataSource; router: Router; metrics: Metrics; metricsToken?: string }): void {
  fastify.get("/healthz", async () => ({ status: "ok" }));
  fastify.get("/readyz", async (_, reply) => {
    const database = await deps.dataSource.query("SELECT 1").then(
      () => "up",
      () => "down",
    );
    const connectors = Object.fromEntries(deps.router.all().map((c) => [c.name, readStatus(deps.router, c.name)]));
    const degraded = Object.values(connectors).some((status) => status !== "UP");
    await reply.code(database === "up" ? 200 : 503).send({ status: database !== "up" ? "unavailable" : degraded ? "degraded" : "ready", database, connectors });
  });
  fastify.get("/metrics", async (request, reply) => {
    if (deps.metricsToken && request.headers.authorization !== `Bearer ${deps.metricsToken}`) return reply.code(401).send({ error: "Send Authorization: Bearer <METRICS_TOKEN>." });
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
