/** How the relay spaces out attempts. */
export interface BackoffPolicy {
  /** Delay before the second attempt (default 1 s). */
  baseMs: number;
  /** Longest delay (default 5 min). */
  maxMs: number;
  /** Attempts before a transiently failing command is marked `FAILED` (default 10). */
  maxAttempts: number;
}

/** Defaults for {@link BackoffPolicy}. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60_000, maxAttempts: 10 };

/**
 * Delay before the next attempt after `attempts` failed ones: exponential with
 * jitter (a random delay between half and all of base × 2^(attempts−1),
 * capped), so that many commands failing together do not retry together.
 * A backend's `Retry-After` wins when it asks for longer.
 */
export function nextDelayMs(policy: BackoffPolicy, attempts: number, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
