import type { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { PriceTiersModel, ProductModel, UnitModel } from "../../models/product.js";
import { resolvePrice } from "./product-price.js";

const usd = (amount: string) => ({ amount, currencyCode: "USD" });

const product: ProductModel = {
  source: "store",
  key: "p-1",
  sku: "BOLT-10",
  barcode: null,
  name: "Bolt",
  description: "",
  images: [],
  baseUnit: "EA",
  listPrice: usd("2.50"),
  specialOrder: false,
  presell: false,
  restricted: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const units: UnitModel[] = [
  { code: "EA", name: "Each", factor: 1 },
  { code: "BOX", name: "Box of 12", factor: 12 },
];

/** An account's tiers per base unit: 2.00 from 1, 1.80 from 10, 1.50 from 50. */
const accountTiers: PriceTiersModel = {
  source: "ACCOUNT",
  tiers: [
    { minQuantity: 1, unitPrice: usd("2.00") },
    { minQuantity: 10, unitPrice: usd("1.80") },
    { minQuantity: 50, unitPrice: usd("1.50") },
  ],
};

const price = (quantity: number, unitCode: string | null, tiers: PriceTiersModel = accountTiers) =>
  resolvePrice({ product, units, tiers, account: null, quantity, unitCode });

/** The GraphQL error `run` throws. */
function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("expected an error");
}

describe("resolvePrice", () => {
  it("takes the tier with the largest minimum quantity not above the quantity", () => {
    expect(price(1, null).unitPrice).toEqual(usd("2.00"));
    expect(price(9, null).unitPrice).toEqual(usd("2.00"));
    expect(price(10, null).unitPrice).toEqual(usd("1.80"));
    expect(price(49, null).unitPrice).toEqual(usd("1.80"));
    expect(price(50, null).unitPrice).toEqual(usd("1.50"));
    expect(price(1000, null).unitPrice).toEqual(usd("1.50"));
  });

  it("does not depend on the order the tiers come in", () => {
    const shuffled: PriceTiersModel = { source: "ACCOUNT", tiers: [accountTiers.tiers[2]!, accountTiers.tiers[0]!, accountTiers.tiers[1]!] };
    expect(price(12, null, shuffled).unitPrice).toEqual(usd("1.80"));
  });

  it("the total is the unit price × quantity, exact in cents", () => {
    const resolved = price(3, null, { source: "LIST", tiers: [{ minQuantity: 1, unitPrice: usd("0.10") }] });
    expect(resolved.total).toEqual(usd("0.30"));
    expect(price(10, null).total).toEqual(usd("18.00"));
  });

  it("a pack unit costs the base price × its factor, and its quantity in base units picks the tier", () => {
    // 1 BOX = 12 EA: the 10+ tier (1.80 × 12); 5 BOX = 60 EA: the 50+ tier (1.50 × 12).
    expect(price(1, "BOX")).toMatchObject({ unitPrice: usd("21.60"), total: usd("21.60"), listUnitPrice: usd("30.00"), unit: units[1] });
    expect(price(5, "BOX")).toMatchObject({ unitPrice: usd("18.00"), total: usd("90.00") });
  });

  it("with no tier that applies, the list price, source LIST and no breaks", () => {
    const fromTen: PriceTiersModel = { source: "CUSTOMER_GROUP", tiers: [{ minQuantity: 10, unitPrice: usd("1.00") }] };
    expect(price(9, null, fromTen)).toMatchObject({ unitPrice: usd("2.50"), source: "LIST", breaks: [] });
    expect(price(10, null, fromTen)).toMatchObject({ unitPrice: usd("1.00"), source: "CUSTOMER_GROUP", breaks: fromTen.tiers });
    expect(price(1, null, { source: "ACCOUNT", tiers: [] })).toMatchObject({ unitPrice: usd("2.50"), total: usd("2.50"), source: "LIST", breaks: [] });
  });

  it("the base unit is priced even when the product lists no units", () => {
    const resolved = resolvePrice({ product, units: [], tiers: accountTiers, account: null, quantity: 2, unitCode: "EA" });
    expect(resolved.unit).toEqual({ code: "EA", name: "EA", factor: 1 });
    expect(resolved.total).toEqual(usd("4.00"));
  });

  it.each([0, -1, 1.5, Number.NaN])("quantity %s is BAD_USER_INPUT naming quantity", (quantity) => {
    const error = errorOf(() => price(quantity, null));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "quantity" });
  });

  it("a unit the product is not sold in is BAD_USER_INPUT naming unit and the units it is sold in", () => {
    const error = errorOf(() => price(1, "PALLET"));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "unit" });
    expect(error.message).toContain("EA, BOX");
  });
});
