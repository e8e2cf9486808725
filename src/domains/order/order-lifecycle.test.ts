import { describe, expect, it } from "vitest";
import { canBeCancelled, canBeReturned, canMove, canShip, isOrderStatus, ORDER_TRANSITIONS } from "./order-lifecycle.js";

describe("the order lifecycle", () => {
  it("cancels only what has not shipped, and returns only what has (partly or wholly)", () => {
    const statuses = Object.keys(ORDER_TRANSITIONS);
    expect(statuses.filter(canBeCancelled)).toEqual(["PENDING", "OPEN", "PROCESSING"]);
    expect(statuses.filter(canBeReturned)).toEqual(["PARTIALLY_SHIPPED", "SHIPPED", "COMPLETED"]);
  });

  it("ships while something is left to ship", () => {
    const statuses = Object.keys(ORDER_TRANSITIONS);
    expect(statuses.filter(canShip)).toEqual(["PENDING", "OPEN", "PROCESSING", "PARTIALLY_SHIPPED"]);
  });

  it("moves forward through a partial shipment, never back, and ends at CANCELLED and RETURNED", () => {
    expect(canMove("PENDING", "OPEN")).toBe(true);
    expect(canMove("OPEN", "PROCESSING")).toBe(true);
    expect(canMove("PROCESSING", "PARTIALLY_SHIPPED")).toBe(true);
    expect(canMove("PARTIALLY_SHIPPED", "SHIPPED")).toBe(true);
    expect(canMove("SHIPPED", "COMPLETED")).toBe(true);
    expect(canMove("PENDING", "SHIPPED")).toBe(true);
    expect(canMove("PARTIALLY_SHIPPED", "CANCELLED")).toBe(false);
    expect(canMove("PARTIALLY_SHIPPED", "PROCESSING")).toBe(false);
    expect(canMove("SHIPPED", "OPEN")).toBe(false);
    expect(canMove("SHIPPED", "PARTIALLY_SHIPPED")).toBe(false);
    expect(canMove("COMPLETED", "SHIPPED")).toBe(false);
    expect(canMove("CANCELLED", "COMPLETED")).toBe(false);
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
