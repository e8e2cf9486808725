import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, nextDelayMs } from "./backoff.js";

describe("nextDelayMs", () => {
  const policy = { ...DEFAULT_BACKOFF, baseMs: 100, maxMs: 1000 };

  it("grows exponentially with jitter, is capped, and never undercuts Retry-After", () => {
    expect(nextDelayMs(policy, 1, undefined, () => 0)).toBe(50);
    expect(nextDelayMs(policy, 1, undefined, () => 1)).toBe(100);
    expect(nextDelayMs(policy, 3, undefined, () => 1)).toBe(400);
    expect(nextDelayMs(policy, 20, undefined, () => 1)).toBe(1000);
    expect(nextDelayMs(policy, 1, 5000, () => 1)).toBe(5000);
  });

  it("doubles the ceiling with every failed attempt: 100, 200, 400, 800, then the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempts) => nextDelayMs(policy, attempts, undefined, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("jitters between half and all of the ceiling", () => {
    expect(nextDelayMs(policy, 3, undefined, () => 0)).toBe(200);
    expect(nextDelayMs(policy, 3, undefined, () => 0.5)).toBe(300);
    expect(nextDelayMs(policy, 20, undefined, () => 0)).toBe(500);
  });

  it("treats zero or negative attempts as the first", () => {
    expect(nextDelayMs(policy, 0, undefined, () => 1)).toBe(100);
    expect(nextDelayMs(policy, -3, undefined, () => 1)).toBe(100);
  });

  it("a Retry-After shorter than the backoff changes nothing", () => {
    expect(nextDelayMs(policy, 3, 10, () => 1)).toBe(400);
    expect(nextDelayMs(policy, 3, 0, () => 0)).toBe(200);
  });

  it("the defaults wait about a second first and never more than five minutes", () => {
    expect(nextDelayMs(DEFAULT_BACKOFF, 1, undefined, () => 1)).toBe(1000);
    expect(nextDelayMs(DEFAULT_BACKOFF, DEFAULT_BACKOFF.maxAttempts * 10, undefined, () => 1)).toBe(300_000);
  });
});
