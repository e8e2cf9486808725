/**
 * Requests in flight per principal in this process, each principal bounded.
 * A request over its principal's bound is refused at once rather than queued:
 * a queue would hold sockets and memory for a client that already uses its
 * share, and hide why it is slow; a refusal costs nothing and says when to
 * come back. Kept per process: it protects this replica's connection pool,
 * while the cost buckets (shared in PostgreSQL) bound the work over time.
 */
export class ConcurrencyLimit {
  private readonly inFlight = new Map<string, number>();

  /** Takes a slot for `key` when it has fewer than `limit` in flight; false when it has not. */
  tryAcquire(key: string, limit: number): boolean {
    const current = this.inFlight.get(key) ?? 0;
    if (current >= limit) return false;
    this.inFlight.set(key, current + 1);
    return true;
  }

  /** Gives back a slot taken by {@link tryAcquire}. */
  release(key: string): void {
    const current = this.inFlight.get(key) ?? 0;
    if (current <= 1) this.inFlight.delete(key);
    else this.inFlight.set(key, current - 1);
  }

  /** Requests `key` has in flight now. */
  count(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }
}
