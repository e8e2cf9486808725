import { requireAdmin } from "../../auth/access.js";
import { badUserInput } from "../../common/errors.js";
import { DEFAULT_PAGE_SIZE, decodeCursor, MAX_PAGE_SIZE, toConnection, type ConnectionModel } from "../../common/pagination.js";
import type { RequestContext } from "../../context.js";
import type { InboundChange, InboundChangeStatus, InboundStats } from "../../generated/graphql.js";
import * as inboundEvents from "./tables/inbound-events.js";

/** Longest connector name `inboundChanges` takes. */
const MAX_CONNECTOR_NAME = 100;
/** Most statuses `inboundChanges` filters on (there are four). */
const MAX_STATUSES = 4;
/** The ordering of `inboundChanges`' cursors. */
const CURSOR_ORDER = "inbound_event.id";

/** Arguments of `Query.inboundChanges`. */
export interface InboundChangesArgs {
  connector: string;
  statuses?: readonly InboundChangeStatus[] | null;
  first?: number | null;
  after?: string | null;
}

/** A page of a connector's inbound changes, newest first (admin). */
export async function listInboundChanges(ctx: RequestContext, args: InboundChangesArgs): Promise<ConnectionModel<InboundChange>> {
  requireAdmin(ctx.principal, "read inbound changes");
  if (args.connector.length > MAX_CONNECTOR_NAME) throw badUserInput(`\`connector\` is at most ${MAX_CONNECTOR_NAME} characters.`, "connector");
  if ((args.statuses?.length ?? 0) > MAX_STATUSES) throw badUserInput(`\`statuses\` lists at most ${MAX_STATUSES} statuses.`, "statuses");
  const statuses = args.statuses ? [...new Set(args.statuses)] : null;
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`, "first");
  let afterId: string | null = null;
  if (args.after != null) {
    const position = decodeCursor(args.after, "after");
    if (position.by !== CURSOR_ORDER) throw badUserInput("`after` is a cursor of another list; take cursors from `inboundChanges`.", "after");
    afterId = position.key;
  }
  const rows = await inboundEvents.page(ctx.dataSource, args.connector, statuses, afterId, size + 1);
  const items = rows.slice(0, size);
  return toConnection({
    items: items.map(changeOf),
    positions: items.map((row) => ({ by: CURSOR_ORDER, sort: row.id, key: row.id })),
    hasNextPage: rows.length > size,
    hasPreviousPage: afterId !== null,
    descending: true,
    count: async () => null,
  });
}

/** A stored change as the API shows it. */
function changeOf(row: inboundEvents.InboundEventRow): InboundChange {
  return {
    eventId: row.event_id,
    type: row.type,
    aggregate: row.aggregate_key,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    appliedAt: row.applied_at,
  };
}

/** Each request's statistics of every connector, read once (one statement) however many connectors the page shows. */
const statsByRequest = new WeakMap<RequestContext, Promise<Map<string, InboundStats>>>();

/** The inbound statistics of one connector of `Query.connectors` (all connectors read in one statement per request). */
export async function inboundStatsOf(ctx: RequestContext, connector: string): Promise<InboundStats> {
  let all = statsByRequest.get(ctx);
  if (!all) {
    all = inboundEvents
      .statsOf(ctx.dataSource, ctx.router.all().map((c) => c.name))
      .then((rows) => new Map(rows.map((r) => [r.connector, { received: r.received, waiting: r.waiting, applied: r.applied, parked: r.parked, rejected: r.rejected, lastAppliedAt: r.last_applied_at }])));
    statsByRequest.set(ctx, all);
  }
  return (await all).get(connector) ?? { received: 0, waiting: 0, applied: 0, parked: 0, rejected: 0, lastAppliedAt: null };
}
