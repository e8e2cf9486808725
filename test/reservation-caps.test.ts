import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { DEFAULT_LIMITS } from "../src/common/input-limits.js";
import { loadConfig } from "../src/config.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

/** Small caps, so that the test can reach them: customers 60 minutes, 2 reservations, 30 units; storefront keys a day, 100, 40 units. */
const CAPS = {
  customer: { maxMinutes: 60, maxActive: 2, maxUnits: 30 },
  storefront: { maxMinutes: 1440, maxActive: 100, maxUnits: 40 },
  admin: DEFAULT_LIMITS.reservations.admin,
};

let h: WriteHarness;
let ids: { p1: string; p2: string; p3: string; wh: string };
let customerA: string;
let customerB: string;
beforeAll(async () => {
  h = await startWriteHarness({ limits: { reservations: CAPS } });
  const data = dataAt<any>(await h.server.gql(`{ p1: product(sku: "SKU-00301") { id } p2: product(sku: "SKU-00302") { id } p3: product(sku: "SKU-00303") { id } wh: warehouse(code: "WH-CENTRAL") { id } }`), "");
  ids = { p1: data.p1.id, p2: data.p2.id, p3: data.p3.id, wh: data.wh.id };
  for (const sku of ["SKU-00301", "SKU-00302", "SKU-00303"]) {
    await h.server.dataSource.query(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, reserved) SELECT p.id, w.id, 50, 0 FROM product p, warehouse w WHERE p.sku = $1 AND w.code = 'WH-CENTRAL'
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 50, reserved = 0`,
      [sku],
    );
  }
  [customerA, customerB] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

let n = 0;
const key = () => `caps-${Date.now()}-${n++}`;
const RESERVE = graphql(`mutation ReservationCapsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code field } } }`);
const RELEASE = graphql(`mutation ReservationCapsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { userErrors { code } } }`);
const ALLOWANCE = graphql(`query ReservationCapsAllowance { stockReservationAllowance { activeReservations unitsHeld maxActiveReservations maxUnitsHeld maxMinutes } }`);

async function reserve(token: string, productId: string, quantity: number, expiresInMinutes?: number): Promise<any> {
  return dataAt<any>(await h.server.gql(RESERVE, { input: { expiresInMinutes, lines: [{ productId, warehouseId: ids.wh, quantity }] }, key: key() }, token), "stockReserve");
}

async function available(productId: string): Promise<number> {
  const levels = dataAt<any[]>(await h.server.gql(graphql(`query ReservationCapsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }`), { id: productId }), "product.inventoryLevels");
  return levels.find((l) => l.warehouse.code === "WH-CENTRAL").available;
}

describe("reservation caps", () => {
  it("a customer cannot take a product off sale for a week: too long is INVALID, more than its units or reservations is LIMIT_REACHED, and its allowance shows what it holds", async () => {
    expect((await reserve(customerA, ids.p1, 50, 10_080)).userErrors).toEqual([{ code: "INVALID", field: ["input", "expiresInMinutes"] }]);
    expect((await reserve(customerA, ids.p1, 50, 60)).userErrors).toEqual([{ code: "LIMIT_REACHED", field: ["input", "lines"] }]);
    expect(await available(ids.p1)).toBe(50);

    const first = await reserve(customerA, ids.p1, 20);
    expect(first.userErrors).toEqual([]);
    expect(dataAt<any>(await h.server.gql(ALLOWANCE, {}, customerA), "stockReservationAllowance")).toEqual({ activeReservations: 1, unitsHeld: 20, maxActiveReservations: 2, maxUnitsHeld: 30, maxMinutes: 60 });
    expect((await reserve(customerA, ids.p1, 11)).userErrors).toEqual([{ code: "LIMIT_REACHED", field: ["input", "lines"] }]);
    expect((await reserve(customerA, ids.p1, 10)).userErrors).toEqual([]);
    expect((await reserve(customerA, ids.p1, 1)).userErrors.map((e: any) => e.code)).toEqual(["LIMIT_REACHED", "LIMIT_REACHED"]);
    expect(await available(ids.p1)).toBe(20);
    expect(dataAt<any>(await h.server.gql(ALLOWANCE, {}, customerA), "stockReservationAllowance")).toMatchObject({ activeReservations: 2, unitsHeld: 30 });

    // Another customer has its own allowance.
    expect((await reserve(customerB, ids.p1, 5)).userErrors).toEqual([]);
    // Releasing gives the allowance back.
    expect(dataAt<any>(await h.server.gql(RELEASE, { id: first.reservation.id, key: key() }, customerA), "stockReservationRelease").userErrors).toEqual([]);
    expect((await reserve(customerA, ids.p1, 20)).userErrors).toEqual([]);
  });

  it("storefront keys hold more for longer; admin keys have no caps but a week", async () => {
    const storefront = h.server.storefrontKey;
    expect((await reserve(storefront, ids.p2, 1, 10_080)).userErrors).toEqual([{ code: "INVALID", field: ["input", "expiresInMinutes"] }]);
    expect((await reserve(storefront, ids.p2, 40, 1440)).userErrors).toEqual([]);
    expect((await reserve(storefront, ids.p2, 1)).userErrors).toEqual([{ code: "LIMIT_REACHED", field: ["input", "lines"] }]);
    expect((await reserve(h.server.adminKey, ids.p2, 10, 10_080)).userErrors).toEqual([]);
    expect((await reserve(h.server.adminKey, ids.p2, 1, 10_081)).userErrors).toEqual([{ code: "INVALID", field: ["input", "expiresInMinutes"] }]);
    expect(dataAt<any>(await h.server.gql(ALLOWANCE, {}, h.server.adminKey), "stockReservationAllowance")).toMatchObject({ maxActiveReservations: null, maxUnitsHeld: null, maxMinutes: 10_080 });
    expect((await h.server.gql(ALLOWANCE)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("concurrent reservations cannot pass the caps together", async () => {
    const held = dataAt<any>(await h.server.gql(ALLOWANCE, {}, customerB), "stockReservationAllowance").activeReservations;
    expect(held).toBe(1);
    const answers = await Promise.all([1, 2, 3].map(() => reserve(customerB, ids.p3, 5)));
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors[0]?.code === "LIMIT_REACHED")).toHaveLength(2);
    expect(await available(ids.p3)).toBe(45);
  });
});

describe("reservation caps and sign-in throttling are configured by environment variables", () => {
  it("reads them, and refuses a value out of range naming it", () => {
    const config = loadConfig({ RESERVATION_CUSTOMER_MAX_MINUTES: "15", RESERVATION_STOREFRONT_MAX_UNITS: "500", SIGNIN_ACCOUNT_FAILURES: "5", AUTH_ADDRESS_FAILURES: "20" });
    expect(config.limits.reservations.customer).toEqual({ ...DEFAULT_LIMITS.reservations.customer, maxMinutes: 15 });
    expect(config.limits.reservations.storefront.maxUnits).toBe(500);
    expect(config.limits.signIn).toEqual({ ...DEFAULT_LIMITS.signIn, accountFailures: 5, credentialFailures: 20 });
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(() => loadConfig({ RESERVATION_CUSTOMER_MAX_MINUTES: "20000" })).toThrow(/RESERVATION_CUSTOMER_MAX_MINUTES/);
  });
});
