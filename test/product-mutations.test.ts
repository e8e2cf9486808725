import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// productUpdate and inventorySet (product reads: products.test.ts).

let h: WriteHarness;
let tokenA: string;
beforeAll(async () => {
  h = await startWriteHarness();
  tokenA = await h.server.customerToken(0);
});
afterAll(() => h.close());

let n = 0;
const key = () => `product-${Date.now()}-${n++}`;

describe("catalog and stock changes", () => {
  it("productUpdate changes only the given fields; prices follow; bad prices are user errors", async () => {
    const UPDATE = graphql(`mutation ProductMutationsUpdate($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) {
      product { name description listPrice { amount } priceBreaks { minQuantity unitPrice { amount } } presell syncStatus } command { id } userErrors { code field } } }`);
    const product = dataAt<any>(await h.server.gql(graphql(`query ProductMutationsProduct { product(sku: "SKU-00123") { id description } }`)), "product");
    const payload = dataAt<any>(
      await h.server.gql(UPDATE, { input: { productId: product.id, name: "Renamed Widget", listPrice: "12.50", priceBreaks: [{ minQuantity: 10, unitPrice: "11.00" }], presell: true }, key: key() }, h.server.adminKey),
      "productUpdate",
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.product).toMatchObject({ name: "Renamed Widget", description: product.description, listPrice: { amount: "12.50" }, priceBreaks: [{ minQuantity: 10, unitPrice: { amount: "11.00" } }], presell: true, syncStatus: "PENDING" });
    const price = dataAt<any>(await h.server.gql(graphql(`query ProductMutationsProduct2 { product(sku: "SKU-00123") { one: price { unitPrice { amount } } ten: price(quantity: 10) { unitPrice { amount } } } }`)), "product");
    expect([price.one.unitPrice.amount, price.ten.unitPrice.amount]).toEqual(["12.50", "11.00"]);
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const bad = dataAt<any>(await h.server.gql(UPDATE, { input: { productId: product.id, listPrice: "-1", priceBreaks: [{ minQuantity: 1, unitPrice: "1.234" }] }, key: key() }, h.server.adminKey), "productUpdate");
    expect(bad.userErrors.map((e: any) => e.field.join("."))).toEqual(["input.listPrice", "input.priceBreaks.0.minQuantity", "input.priceBreaks.0.unitPrice"]);
    expect((await h.server.gql(UPDATE, { input: { productId: product.id, name: "x" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("inventorySet sets the quantity on hand; availability follows; a negative quantity is a user error", async () => {
    const SET = graphql(`mutation ProductMutationsSet($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { inventoryLevel { onHand reserved available restockDate warehouse { code } } command { id } userErrors { code field } } }`);
    const ids = dataAt<any>(await h.server.gql(graphql(`query ProductMutationsProduct3 { product(sku: "SKU-00200") { id } warehouse(code: "WH-WEST") { id } }`)), "");
    const payload = dataAt<any>(await h.server.gql(SET, { input: { productId: ids.product.id, warehouseId: ids.warehouse.id, onHand: 777, restockDate: "2027-01-15" }, key: key() }, h.server.adminKey), "inventorySet");
    expect(payload.userErrors).toEqual([]);
    expect(payload.inventoryLevel).toMatchObject({ onHand: 777, restockDate: "2027-01-15", warehouse: { code: "WH-WEST" } });
    expect(payload.inventoryLevel.available).toBe(777 - payload.inventoryLevel.reserved);
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const bad = dataAt<any>(await h.server.gql(SET, { input: { productId: ids.product.id, warehouseId: ids.warehouse.id, onHand: -1 }, key: key() }, h.server.adminKey), "inventorySet");
    expect(bad.userErrors).toEqual([{ code: "INVALID", field: ["input", "onHand"] }]);
  });
});
