import { requireAdmin } from "../../auth/access.js";
import { DOMAINS } from "../../connectors/connector.js";
import { readStateOf } from "../../connectors/resilience.js";
import type { Queryable } from "../../db/query-rows.js";
import type { Router } from "../../connectors/router.js";
import type { RequestContext } from "../../context.js";
import { ALL_COMMAND_TYPES } from "../../commands/command-types.js";
import { readDeliveryStats, type DeliveryStats } from "../../outbox/outbox-store.js";
import { syncsOfConnectors, type ConnectorSyncModel } from "../inbound/sync/sync-status.js";

/** A connector as `Query.connectors` shows it. */
export interface ConnectorInfoModel {
  name: string;
  kind: string;
  status: "UP" | "DEGRADED" | "DOWN";
  circuit: "CLOSED" | "OPEN" | "HALF_OPEN";
  reads: string[];
  receives: string[];
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSuccessAt: Date | null;
  backlog: { pending: number; retrying: number; failed: number; oldestPendingAt: Date | null };
  /** Its syncs, read when asked for (one statement for every connector of the list). */
  loadSyncs?: () => Promise<ConnectorSyncModel[]>;
}

/** The later of two dates (null when both are). */
function latest(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a || !b) return a ?? b ?? null;
  return a > b ? a : b;
}

/** Every connector with its routes, backlog, status (admin; see {@link connectorStatuses}) and syncs, read when asked for. */
export async function listConnectors(ctx: RequestContext): Promise<ConnectorInfoModel[]> {
  requireAdmin(ctx.principal, "see connectors");
  const connectors = await connectorStatuses(ctx.dataSource, ctx.router);
  let syncs: Promise<Map<string, ConnectorSyncModel[]>> | undefined;
  const loadSyncs = (name: string) => async () => ((await (syncs ??= syncsOfConnectors(ctx.dataSource, ctx.router))).get(name) ?? []);
  return connectors.map((connector) => ({ ...connector, loadSyncs: loadSyncs(connector.name) }));
}

/**
 * Every connector with its routes, outbox backlog and a status judged from its
 * reads in this process and from its deliveries, read fresh (one statement).
 * No access check: `listConnectors` calls it; `/readyz` judges through
 * {@link judgeConnectors} with delivery figures it refreshes at most every few seconds.
 */
export async function connectorStatuses(dataSource: Queryable, router: Router): Promise<ConnectorInfoModel[]> {
  return judgeConnectors(router, await readDeliveryStats(dataSource, router.all().map((c) => c.name)));
}

/**
 * Every connector with its routes and a status judged from its reads in this
 * process (circuit breaker, last error, always current) and from `stats`, its
 * deliveries (so that a connector that only receives commands and fails them is
 * not UP). Without `stats` (the database did not answer) only the reads count.
 */
export function judgeConnectors(router: Router, stats: ReadonlyMap<string, DeliveryStats> | null): ConnectorInfoModel[] {
  return router.all().map((connector): ConnectorInfoModel => {
    const s = stats?.get(connector.name);
    const reads = router.healthOf(connector.name);
    const deliveriesFailing = Boolean(s?.retrying) && (!s?.last_success || (s.last_error_at !== null && s.last_error_at > s.last_success));
    const readState = reads ? readStateOf(reads) : "UP";
    const down = readState === "DOWN" || deliveriesFailing;
    const degraded = readState === "DEGRADED" || (s !== undefined && (s.retrying > 0 || s.failed > 0));
    const readErrorIsLater = reads?.lastErrorAt != null && (!s?.last_error_at || reads.lastErrorAt > s.last_error_at);
    return {
      name: connector.name,
      kind: connector.kind,
      status: down ? "DOWN" : degraded ? "DEGRADED" : "UP",
      circuit: reads?.circuit ?? "CLOSED",
      reads: DOMAINS.filter((domain) => router.readsFrom(domain, connector.name)),
      receives: ALL_COMMAND_TYPES.filter((type) => router.targetsOf(type).includes(connector.name)),
      lastError: (readErrorIsLater ? reads?.lastError : s?.last_error) ?? null,
      lastErrorAt: latest(reads?.lastErrorAt, s?.last_error_at),
      lastSuccessAt: latest(reads?.lastSuccessAt, s?.last_success),
      backlog: { pending: s?.pending ?? 0, retrying: s?.retrying ?? 0, failed: s?.failed ?? 0, oldestPendingAt: s?.oldest ?? null },
    };
  });
}
