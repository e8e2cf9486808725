import type { Queryable } from "../auth/api-keys.js";

/** One connector's deliveries as the outbox shows them. */
export interface DeliveryStats {
  connector: string;
  /** Pending or being delivered. */
  pending: number;
  retrying: number;
  failed: number;
  /** When the oldest command still on its way was created. */
  oldest: Date | null;
  /** The latest successful delivery. */
  last_success: Date | null;
  last_error_at: Date | null;
  last_error: string | null;
}

/**
 * Each named connector's backlog, latest delivery and latest delivery error, in
 * one statement whose cost does not grow with the delivered history: it counts
 * only rows not yet delivered (the status index), and reads the latest success
 * and the latest error with one `LIMIT 1` each per connector (partial indexes of
 * migration 1700000000013; a delivery clears its row's `last_error`).
 */
export async function readDeliveryStats(db: Queryable, connectors: string[]): Promise<Map<string, DeliveryStats>> {
  const rows = (await db.query(
    `WITH open AS (
       SELECT connector,
              count(*) FILTER (WHERE status IN ('PENDING', 'DELIVERING'))::int AS pending,
              count(*) FILTER (WHERE status = 'RETRYING')::int AS retrying,
              count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
              min(created_at) FILTER (WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING')) AS oldest
       FROM outbox WHERE status IN ('PENDING', 'DELIVERING', 'RETRYING', 'FAILED') GROUP BY connector)
     SELECT c.name AS connector, coalesce(o.pending, 0) AS pending, coalesce(o.retrying, 0) AS retrying, coalesce(o.failed, 0) AS failed, o.oldest,
            s.delivered_at AS last_success, e.updated_at AS last_error_at, e.last_error
     FROM unnest($1::text[]) AS c(name)
     LEFT JOIN open o ON o.connector = c.name
     LEFT JOIN LATERAL (SELECT delivered_at FROM outbox WHERE connector = c.name AND delivered_at IS NOT NULL ORDER BY delivered_at DESC LIMIT 1) s ON true
     LEFT JOIN LATERAL (SELECT updated_at, last_error FROM outbox WHERE connector = c.name AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1) e ON true`,
    [connectors],
  )) as DeliveryStats[];
  return new Map(rows.map((row) => [row.connector, row]));
}
