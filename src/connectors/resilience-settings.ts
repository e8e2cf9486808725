import { z } from "zod";

/** Timeout, circuit breaker, concurrency and quota of every call a connector makes to its backend: settings of every kind. */
export const ResilienceSchema = {
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  circuitBreaker: z
    .object({
      failureThreshold: z.number().int().min(1).max(1000).default(5),
      halfOpenAfterMs: z.number().int().min(100).max(3_600_000).default(10_000),
    })
    .strict()
    .default({ failureThreshold: 5, halfOpenAfterMs: 10_000 }),
  maxConcurrentCalls: z.number().int().min(1).max(1000).optional(),
  rateLimit: z
    .object({ requests: z.number().int().min(1).max(1_000_000), perSeconds: z.number().min(0.001).max(86_400) })
    .strict()
    .optional(),
};

/** Validated resilience settings of one connector. */
export type ResilienceSettings = z.output<z.ZodObject<typeof ResilienceSchema>>;
