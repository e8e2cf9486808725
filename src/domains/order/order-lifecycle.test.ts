import { describe, expect, it } from "vitest";
import { canBeCancelled, canBeReturned, canMove, isOrderStatus, ORDER_TRANSITIONS } from "./order-lifecycle.js";

describe("the order lifecycle", () => {
  it("cancels only what has not shipped, and returns only what has", () => {
    const statuses = Object.keys(ORDER_TRANSITIONS);
    expect(statuses.filter(canBeCancelled)).toEqual(["PENDING", "OPEN", "PROCESSING"]);
    expect(statuses.filter(canBeReturned)).toEqual(["SHIPPED", "COMPLETED"]);
  });

  it("moves forward, never back, and ends at CANCELLED and RETURNED", () => {
    expect(canMove("PENDING", "OPEN")).toBe(true);
    expect(canMove("SHIPPED", "SHIPPED")).toBe(true);
    expect(canMove("SHIPPED", "OPEN")).toBe(false);
    expect(canMove("COMPLETED", "SHIPPED")).toBe(false);
    expect(ORDER_TRANSITIONS.CANCELLED).toEqual([]);
    expect(ORDER_TRANSITIONS.RETURNED).toEqual([]);
  });

  it("knows no other status, including an object's own property names", () => {
    expect(isOrderStatus("SHIPPED")).toBe(true);
    expect(isOrderStatus("shipped")).toBe(false);
    expect(isOrderStatus("constructor")).toBe(false);
    expect(canBeCancelled("gone")).toBe(false);
  });
});
