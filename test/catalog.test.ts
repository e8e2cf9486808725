import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await server.dataSource.query(query, params)) as T[];
}

const PRODUCT = `id sku barcode name description images { url altText } categories { id slug name }
  baseUnit { code factor } units { code name factor } specialOrder presell restricted isKit
  kitComponents { quantity product { sku } } relatedProducts { kind product { sku } }
  listPrice { amount currencyCode } priceBreaks { minQuantity unitPrice { amount } }
  inventory { onHand reserved available } inventoryLevels { onHand reserved available restockDate warehouse { code } }`;

describe("products", () => {
  it("product(id), product(sku) and product(barcode) find the same product", async () => {
    const [row] = await sql<{ sku: string; barcode: string }>(`SELECT sku, barcode FROM product WHERE barcode IS NOT NULL ORDER BY sku LIMIT 1 OFFSET 7`);
    const bySku = dataAt<any>(await server.gql(`query($sku: String!) { product(sku: $sku) { ${PRODUCT} } }`, { sku: row!.sku }), "product");
    const byBarcode = dataAt<any>(await server.gql(`query($b: String!) { product(barcode: $b) { ${PRODUCT} } }`, { b: row!.barcode }), "product");
    const byId = dataAt<any>(await server.gql(`query($id: ID!) { product(id: $id) { ${PRODUCT} } }`, { id: bySku.id }), "product");
    expect(byBarcode).toEqual(bySku);
    expect(byId).toEqual(bySku);
    expect(bySku.id).toMatch(/^gid:\/\/store\/Product\//);
    expect(bySku.units[0]).toEqual({ code: "EA", name: "Each", factor: 1 });
    expect(bySku.baseUnit).toEqual({ code: "EA", factor: 1 });
    expect(bySku.images.length).toBeGreaterThan(0);
  });

  it("an unknown SKU is null; zero or two lookup arguments are BAD_USER_INPUT", async () => {
    expect(dataAt<any>(await server.gql(`{ product(sku: "NOPE") { id } }`), "product")).toBeNull();
    for (const args of ["", `sku: "SKU-00001", barcode: "1"`]) {
      const response = await server.gql(`{ product${args ? `(${args})` : ""} { id } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("inventory is the sum of the levels; available is on hand minus reserved, never negative", async () => {
    const nodes = dataAt<any[]>(await server.gql(`{ products(first: 100) { nodes { ${PRODUCT} } } }`), "products.nodes");
    for (const p of nodes) {
      const sum = (key: string) => p.inventoryLevels.reduce((total: number, level: any) => total + level[key], 0);
      expect(p.inventory).toEqual({ onHand: sum("onHand"), reserved: sum("reserved"), available: sum("available") });
      for (const level of p.inventoryLevels) {
        expect(level.available).toBe(Math.max(level.onHand - level.reserved, 0));
        if (level.restockDate) expect(level.restockDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const breaks = p.priceBreaks.map((b: any) => b.minQuantity);
      expect(breaks).toEqual([...breaks].sort((x: number, y: number) => x - y));
    }
  });

  it("kits list their components and every relation kind occurs, filterable by kind", async () => {
    const [kit] = await sql<{ sku: string; n: number }>(`SELECT p.sku, count(*)::int AS n FROM kit_component k JOIN product p ON p.id = k.kit_id GROUP BY p.sku ORDER BY p.sku LIMIT 1`);
    const product = dataAt<any>(await server.gql(`query($sku: String!) { product(sku: $sku) { isKit kitComponents { quantity product { sku } } } }`, { sku: kit!.sku }), "product");
    expect(product.isKit).toBe(true);
    expect(product.kitComponents).toHaveLength(kit!.n);

    const kinds = await sql<{ kind: string; sku: string }>(`SELECT DISTINCT ON (r.kind) r.kind, p.sku FROM product_relation r JOIN product p ON p.id = r.product_id ORDER BY r.kind, p.sku`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["COMPANION", "CUSTOMER", "INTERCHANGE", "OPTIONAL", "PURCHASED_TOGETHER", "SUBSTITUTE", "SUPERSEDED", "UPGRADE"]);
    for (const { kind, sku } of kinds) {
      const related = dataAt<any[]>(
        await server.gql(`query($sku: String!, $kinds: [ProductRelationKind!]) { product(sku: $sku) { relatedProducts(kinds: $kinds) { kind product { sku } } } }`, { sku, kinds: [kind] }),
        "product.relatedProducts",
      );
      expect(related.length).toBeGreaterThan(0);
      expect(related.every((r) => r.kind === kind && r.product.sku !== sku)).toBe(true);
    }
  });
});

describe("product filters and sorting", () => {
  const list = async (args: string) =>
    dataAt<any>(await server.gql(`{ products(first: 100, ${args}) { totalCount nodes { sku name createdAt inventory { available } categories { id } } } }`), "products");

  it("search matches name or SKU, case-insensitively", async () => {
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM product WHERE name ILIKE '%steel%' OR sku ILIKE '%steel%'`);
    const page = await list(`filter: { search: "STEEL" }`);
    expect(page.totalCount).toBe(row!.n);
    expect(page.nodes.every((p: any) => /steel/i.test(p.name))).toBe(true);
    expect((await list(`filter: { search: "sku-0000" }`)).totalCount).toBe(9);
  });

  it("categoryId, skus and available filter the list", async () => {
    const category = dataAt<any>(await server.gql(`{ categories(first: 1) { nodes { id } } }`), "categories.nodes.0");
    const inCategory = await list(`filter: { categoryId: "${category.id}" }`);
    expect(inCategory.totalCount).toBeGreaterThan(0);
    expect(inCategory.nodes.every((p: any) => p.categories.some((c: any) => c.id === category.id))).toBe(true);

    const bySkus = await list(`filter: { skus: ["SKU-00003", "SKU-00001", "NOPE"] }`);
    expect(bySkus.nodes.map((p: any) => p.sku)).toEqual(["SKU-00001", "SKU-00003"]);

    const available = await list(`filter: { available: true }`);
    const unavailable = await list(`filter: { available: false }`);
    expect(available.totalCount + unavailable.totalCount).toBe(500);
    expect(unavailable.totalCount).toBeGreaterThan(0);
    expect(available.nodes.every((p: any) => p.inventory.available > 0)).toBe(true);
    expect(unavailable.nodes.every((p: any) => p.inventory.available === 0)).toBe(true);
  });

  it("sorts by NAME and CREATED_AT, and reverse flips the order", async () => {
    const byName = (await list(`sortKey: NAME`)).nodes.map((p: any) => p.name);
    expect(byName).toEqual([...byName].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const created = (await list(`sortKey: CREATED_AT, reverse: true`)).nodes.map((p: any) => p.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it("an ID of the wrong type in a filter is BAD_USER_INPUT", async () => {
    const response = await server.gql(`{ products(filter: { categoryId: "gid://store/Product/x" }) { totalCount } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.categoryId" });
  });
});

describe("categories and warehouses", () => {
  it("category(slug) and category(id) agree; the tree links parents, children and products", async () => {
    const top = dataAt<any[]>(await server.gql(`{ categories(topLevel: true, first: 100) { nodes { id slug parent { id } children { id slug parent { id } } } } }`), "categories.nodes");
    expect(top).toHaveLength(8);
    expect(top.every((c) => c.parent === null)).toBe(true);
    const withChildren = top.find((c) => c.children.length > 0)!;
    expect(withChildren.children.every((c: any) => c.parent.id === withChildren.id)).toBe(true);
    const child = withChildren.children[0];
    const bySlug = dataAt<any>(await server.gql(`query($s: String!) { category(slug: $s) { id name products(first: 5) { totalCount nodes { categories { id } } } } }`, { s: child.slug }), "category");
    const byId = dataAt<any>(await server.gql(`query($id: ID!) { category(id: $id) { id name } }`, { id: child.id }), "category");
    expect(byId).toEqual({ id: bySlug.id, name: bySlug.name });
    expect(bySlug.products.totalCount).toBeGreaterThan(0);
    expect(bySlug.products.nodes.every((p: any) => p.categories.some((c: any) => c.id === child.id))).toBe(true);
  });

  it("warehouse(code) and warehouse(id) agree; inventory levels filter on availability", async () => {
    const warehouses = dataAt<any[]>(await server.gql(`{ warehouses { nodes { id code name address { line1 city postalCode countryCode } } } }`), "warehouses.nodes");
    expect(warehouses.map((w) => w.code)).toEqual(["WH-CENTRAL", "WH-EAST", "WH-WEST"]);
    const east = dataAt<any>(await server.gql(`{ warehouse(code: "WH-EAST") { id code address { countryCode } } }`), "warehouse");
    expect(dataAt<any>(await server.gql(`query($id: ID!) { warehouse(id: $id) { code } }`, { id: east.id }), "warehouse.code")).toBe("WH-EAST");
    const levels = async (available: boolean) =>
      dataAt<any>(await server.gql(`query($id: ID!, $a: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, filter: { available: $a }) { totalCount nodes { available warehouse { code } } } } }`, { id: east.id, a: available }), "warehouse.inventoryLevels");
    const yes = await levels(true);
    const no = await levels(false);
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM inventory_level il JOIN warehouse w ON w.id = il.warehouse_id WHERE w.code = 'WH-EAST'`);
    expect(yes.totalCount + no.totalCount).toBe(row!.n);
    expect(yes.nodes.every((l: any) => l.available > 0 && l.warehouse.code === "WH-EAST")).toBe(true);
    expect(no.nodes.every((l: any) => l.available === 0)).toBe(true);
    expect(dataAt<any>(await server.gql(`{ warehouse(code: "NOPE") { id } }`), "warehouse")).toBeNull();
  });
});
