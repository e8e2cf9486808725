import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { walk } from "./support/paging.js";
import { errorCode, reader } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// product and products (lookups, fields, filters, sorting): the catalog is public, every request in this file is
// anonymous unless it says otherwise. Prices: pricing.test.ts; categories and warehouses: their own files.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const { read, sql, allNodes } = reader(() => server);

/** The SKUs of the whole `products` list with these arguments, in list order. */
async function listedSkus(args: string, variables: Record<string, unknown> = {}, varDefs = ""): Promise<string[]> {
  const nodes = await allNodes(
    `query($after: String${varDefs}) { products(first: 100, after: $after${args ? `, ${args}` : ""}) { nodes { sku } pageInfo { hasNextPage endCursor } } }`,
    "products",
    variables,
  );
  return nodes.map((n) => n.sku);
}

/** Code-unit order, which is the database's (C collation) order for these ASCII strings. */
const sorted = (values: string[]) => [...values].sort();

const RELATION_KINDS = ["COMPANION", "CUSTOMER", "INTERCHANGE", "OPTIONAL", "PURCHASED_TOGETHER", "SUBSTITUTE", "SUPERSEDED", "UPGRADE"];

describe("product lookups", () => {
  // The fields of Product these tests read, spread as ...ProductsFields.
  graphql(`fragment ProductsFields on Product { id sku barcode name description listPrice { amount currencyCode } }`);

  it("product(id), product(sku) and product(barcode) return the same product", async () => {
    const [row] = await sql<{ sku: string; barcode: string; name: string; description: string; list_price: string }>(
      `SELECT sku, barcode, name, description, list_price::text FROM product WHERE barcode IS NOT NULL ORDER BY sku OFFSET 7 LIMIT 1`,
    );
    const bySku = await read(graphql(`query ProductsBProduct($sku: String!) { product(sku: $sku) { ...ProductsFields } }`), { sku: row!.sku }, "product");
    const byBarcode = await read(graphql(`query ProductsBProduct2($b: String!) { product(barcode: $b) { ...ProductsFields } }`), { b: row!.barcode }, "product");
    const byId = await read(graphql(`query ProductsBProduct3($id: ID!) { product(id: $id) { ...ProductsFields } }`), { id: bySku.id }, "product");
    expect(bySku).toEqual({
      id: expect.stringMatching(/^gid:\/\/store\/Product\/./),
      sku: row!.sku,
      barcode: row!.barcode,
      name: row!.name,
      description: row!.description,
      listPrice: { amount: row!.list_price, currencyCode: "USD" },
    });
    expect(byBarcode).toEqual(bySku);
    expect(byId).toEqual(bySku);
  });

  it("an unknown SKU or barcode, and a well-formed ID of nothing, are null without errors", async () => {
    const data = await read(graphql(`query ProductsProduct {
      sku: product(sku: "NO-SUCH-SKU") { id }
      lower: product(sku: "sku-00001") { id }
      barcode: product(barcode: "0000") { id }
      id: product(id: "gid://store/Product/00000000-0000-0000-0000-000000000000") { id } }`));
    expect(data).toEqual({ sku: null, lower: null, barcode: null, id: null });
  });

  it.each([
    ["product(sku)", `query($s: String!) { product(sku: $s) { id } }`, "product"],
    ["product(barcode)", `query($s: String!) { product(barcode: $s) { id } }`, "product"],
    ["category(slug)", `query($s: String!) { category(slug: $s) { id } }`, "category"],
    ["products(filter: { search })", `query($s: String!) { products(filter: { search: $s }) { totalCount } }`, "products"],
  ])("%s with a NUL character finds nothing (or is BAD_USER_INPUT), never an internal error", async (_, query, field) => {
    const response = await server.gql(query, { s: "SKU-00001\u0000" });
    if (response.errors) {
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
    } else {
      expect(response.data?.[field]).toEqual(field === "products" ? { totalCount: 0 } : null);
    }
  });

  it.each([
    ["no argument", ""],
    ["sku and barcode", `sku: "SKU-00001", barcode: "1"`],
    ["id and sku", `id: "gid://store/Product/00000000-0000-0000-0000-000000000000", sku: "SKU-00001"`],
    ["all three", `id: "gid://store/Product/00000000-0000-0000-0000-000000000000", sku: "SKU-00001", barcode: "1"`],
  ])("product() with %s is BAD_USER_INPUT", async (_, args) => {
    const response = await server.gql(`{ product${args ? `(${args})` : ""} { id } }`);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.data?.product).toBeNull();
  });

  it("product(id) with the ID of another type, or a malformed ID, is BAD_USER_INPUT", async () => {
    for (const id of ["gid://store/Order/00000000-0000-0000-0000-000000000000", "abc"]) {
      const response = await server.gql(graphql(`query ProductsProduct2($id: ID!) { product(id: $id) { id } }`), { id });
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
    }
  });
});

describe("product fields", () => {
  it("images, categories, units and base unit are the stored ones", async () => {
    const [row] = await sql<{ id: string; sku: string; images: Array<{ url: string; altText: string }> }>(
      `SELECT p.id, p.sku, p.images FROM product p WHERE EXISTS (SELECT 1 FROM product_unit u WHERE u.product_id = p.id AND u.code = 'CASE') ORDER BY p.sku LIMIT 1`,
    );
    const units = await sql<{ code: string; name: string; factor: number }>(`SELECT code, name, factor FROM product_unit WHERE product_id = $1 ORDER BY factor`, [row!.id]);
    const categories = await sql<{ slug: string }>(
      `SELECT c.slug FROM product_category pc JOIN category c ON c.id = pc.category_id WHERE pc.product_id = $1 ORDER BY c.slug`,
      [row!.id],
    );
    const product = await read(
      graphql(`query ProductsProduct3($sku: String!) { product(sku: $sku) { images { url altText } categories { slug } baseUnit { code name factor } units { code name factor } } }`),
      { sku: row!.sku },
      "product",
    );
    expect(product.images).toEqual(row!.images.map((i) => ({ url: i.url, altText: i.altText })));
    expect(product.images.length).toBeGreaterThan(0);
    expect(product.categories.map((c: any) => c.slug).sort()).toEqual(categories.map((c) => c.slug));
    expect(product.units).toEqual(units.map((u) => ({ code: u.code, name: u.name, factor: Number(u.factor) })));
    expect(product.units.map((u: any) => u.code)).toEqual(["EA", "BOX", "CASE"]);
    expect(product.baseUnit).toEqual({ code: "EA", name: "Each", factor: 1 });
  });

  it("specialOrder, presell and restricted are the stored flags", async () => {
    const rows = await sql<{ sku: string; special_order: boolean; presell: boolean; restricted: boolean }>(
      `(SELECT sku, special_order, presell, restricted FROM product WHERE special_order ORDER BY sku LIMIT 1)
       UNION ALL (SELECT sku, special_order, presell, restricted FROM product WHERE presell ORDER BY sku LIMIT 1)
       UNION ALL (SELECT sku, special_order, presell, restricted FROM product WHERE restricted ORDER BY sku LIMIT 1)
       UNION ALL (SELECT sku, special_order, presell, restricted FROM product WHERE NOT (special_order OR presell OR restricted) ORDER BY sku LIMIT 1)`,
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const flags = await read(graphql(`query ProductsProduct4($sku: String!) { product(sku: $sku) { specialOrder presell restricted } }`), { sku: row.sku }, "product");
      expect(flags, row.sku).toEqual({ specialOrder: row.special_order, presell: row.presell, restricted: row.restricted });
    }
  });

  it("a kit lists its components with quantities; a product that is no kit has none", async () => {
    const [kit] = await sql<{ id: string; sku: string }>(`SELECT p.id, p.sku FROM product p WHERE EXISTS (SELECT 1 FROM kit_component k WHERE k.kit_id = p.id) ORDER BY p.sku LIMIT 1`);
    const components = await sql<{ sku: string; quantity: number }>(
      `SELECT c.sku, k.quantity FROM kit_component k JOIN product c ON c.id = k.component_id WHERE k.kit_id = $1 ORDER BY c.sku`,
      [kit!.id],
    );
    const [plain] = await sql<{ sku: string }>(`SELECT p.sku FROM product p WHERE NOT EXISTS (SELECT 1 FROM kit_component k WHERE k.kit_id = p.id) ORDER BY p.sku LIMIT 1`);
    const query = `query($sku: String!) { product(sku: $sku) { isKit kitComponents { quantity product { sku } } } }`;
    const product = await read(query, { sku: kit!.sku }, "product");
    expect(product.isKit).toBe(true);
    expect(components.length).toBeGreaterThanOrEqual(2);
    expect(product.kitComponents).toEqual(components.map((c) => ({ quantity: Number(c.quantity), product: { sku: c.sku } })));
    expect(await read(query, { sku: plain!.sku }, "product")).toEqual({ isKit: false, kitComponents: [] });
  });

  it("every relation kind occurs; relatedProducts lists all relations and `kinds` keeps only those kinds", async () => {
    const rows = await sql<{ kind: string; sku: string }>(`SELECT DISTINCT ON (r.kind) r.kind, p.sku FROM product_relation r JOIN product p ON p.id = r.product_id ORDER BY r.kind, p.sku`);
    expect(rows.map((r) => r.kind)).toEqual(RELATION_KINDS);
    for (const { kind, sku } of rows) {
      const relations = await sql<{ kind: string; sku: string }>(
        `SELECT r.kind, rp.sku FROM product_relation r JOIN product p ON p.id = r.product_id JOIN product rp ON rp.id = r.related_id WHERE p.sku = $1`,
        [sku],
      );
      const other = RELATION_KINDS.find((k) => k !== kind)!;
      const product = await read(
        graphql(`query ProductsProduct5($sku: String!, $one: [ProductRelationKind!], $two: [ProductRelationKind!]) { product(sku: $sku) {
          all: relatedProducts { kind product { sku } }
          one: relatedProducts(kinds: $one) { kind product { sku } }
          two: relatedProducts(kinds: $two) { kind product { sku } } } }`),
        { sku, one: [kind], two: [kind, other] },
        "product",
      );
      const keys = (list: Array<{ kind: string; product?: { sku: string }; sku?: string }>) => list.map((r) => `${r.kind}:${r.product?.sku ?? r.sku}`).sort();
      expect(keys(product.all)).toEqual(keys(relations));
      expect(keys(product.one)).toEqual(keys(relations.filter((r) => r.kind === kind)));
      expect(product.one.length).toBeGreaterThan(0);
      expect(keys(product.two)).toEqual(keys(relations.filter((r) => r.kind === kind || r.kind === other)));
    }
  });

  it("listPrice is the stored list price; priceBreaks are its quantity breaks, smallest quantity first", async () => {
    const [withBreaks] = await sql<{ id: string; sku: string; list_price: string }>(
      `SELECT p.id, p.sku, p.list_price::text FROM product p WHERE EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id) ORDER BY p.sku LIMIT 1`,
    );
    const [withoutBreaks] = await sql<{ sku: string; list_price: string }>(
      `SELECT p.sku, p.list_price::text FROM product p WHERE NOT EXISTS (SELECT 1 FROM product_price_break b WHERE b.product_id = p.id) ORDER BY p.sku LIMIT 1`,
    );
    const breaks = await sql<{ min_quantity: number; unit_price: string }>(
      `SELECT min_quantity, unit_price::text FROM product_price_break WHERE product_id = $1 ORDER BY min_quantity`,
      [withBreaks!.id],
    );
    const query = `query($sku: String!) { product(sku: $sku) { listPrice { amount currencyCode } priceBreaks { minQuantity unitPrice { amount currencyCode } } } }`;
    expect(await read(query, { sku: withBreaks!.sku }, "product")).toEqual({
      listPrice: { amount: withBreaks!.list_price, currencyCode: "USD" },
      priceBreaks: breaks.map((b) => ({ minQuantity: Number(b.min_quantity), unitPrice: { amount: b.unit_price, currencyCode: "USD" } })),
    });
    expect(breaks.map((b) => Number(b.min_quantity))).toEqual([10, 50, 100]);
    expect(await read(query, { sku: withoutBreaks!.sku }, "product")).toEqual({ listPrice: { amount: withoutBreaks!.list_price, currencyCode: "USD" }, priceBreaks: [] });
  });

  it("inventoryLevels are the stored levels; inventory is their sum; available is on hand minus reserved, never below zero", async () => {
    const levels = await sql<{ sku: string; code: string; on_hand: number; reserved: number; restock_date: string | null }>(
      `SELECT p.sku, w.code, il.on_hand, il.reserved, il.restock_date::text AS restock_date
       FROM inventory_level il JOIN product p ON p.id = il.product_id JOIN warehouse w ON w.id = il.warehouse_id ORDER BY p.sku, w.code`,
    );
    const expected = new Map<string, any[]>();
    for (const l of levels) {
      const list = expected.get(l.sku) ?? [];
      list.push({ warehouse: { code: l.code }, onHand: l.on_hand, reserved: l.reserved, available: Math.max(l.on_hand - l.reserved, 0), restockDate: l.restock_date });
      expected.set(l.sku, list);
    }
    const products = await allNodes(
      graphql(`query ProductsBProducts($after: String) { products(first: 100, after: $after) { nodes { sku
        inventory { onHand reserved available } inventoryLevels { warehouse { code } onHand reserved available restockDate } } pageInfo { hasNextPage endCursor } } }`),
      "products",
    );
    expect(products).toHaveLength(500);
    let restockDates = 0;
    for (const p of products) {
      const mine = expected.get(p.sku) ?? [];
      expect(p.inventoryLevels, p.sku).toEqual(mine);
      const sum = (key: "onHand" | "reserved" | "available") => mine.reduce((total, level) => total + level[key], 0);
      expect(p.inventory, p.sku).toEqual({ onHand: sum("onHand"), reserved: sum("reserved"), available: sum("available") });
      for (const level of p.inventoryLevels) {
        if (level.restockDate === null) continue;
        restockDates++;
        expect(level.restockDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${level.restockDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(level.restockDate);
      }
    }
    expect(restockDates).toBeGreaterThan(0);
  });
});

describe("product list filters", () => {
  let catalog: Array<{ sku: string; name: string }>;
  /** The search oracle: `text` occurs in the name or the SKU, ignoring case. */
  const contains = (p: { sku: string; name: string }, text: string) => `${p.name}\n${p.sku}`.toLowerCase().includes(text.toLowerCase());
  beforeAll(async () => {
    catalog = await sql<{ sku: string; name: string }>(`SELECT sku, name FROM product ORDER BY sku`);
  });

  it("search matches the name case-insensitively", async () => {
    const word = catalog.find((p) => p.sku === "SKU-00007")!.name.split(" ").at(-1)!;
    const expected = catalog.filter((p) => contains(p, word)).map((p) => p.sku);
    expect(expected.length).toBeGreaterThan(1);
    for (const search of [word.toUpperCase(), word.toLowerCase()]) {
      expect(await listedSkus(`filter: { search: $search }`, { search }, ", $search: String")).toEqual(expected);
    }
  });

  it("search matches the SKU case-insensitively", async () => {
    const expected = catalog.filter((p) => contains(p, "sku-0001")).map((p) => p.sku);
    expect(expected).toHaveLength(10);
    expect(await listedSkus(`filter: { search: "sku-0001" }`)).toEqual(expected);
    expect(await listedSkus(`filter: { search: "SKU-00042" }`)).toEqual(["SKU-00042"]);
  });

  it("search takes % and _ literally, not as wildcards", async () => {
    for (const search of ["%", "_", "SKU_0001%"]) {
      const page = await read(graphql(`query ProductsProducts($search: String) { products(filter: { search: $search }) { totalCount } }`), { search }, "products");
      expect(page.totalCount, search).toBe(0);
    }
  });

  it("search finds a product when every word appears in its name or SKU, in any order (schema: “Words that must appear”)", async () => {
    const product = catalog.find((p) => p.sku === "SKU-00007")!;
    const words = product.name.toLowerCase().split(" ");
    const search = [...words].reverse().join(" ");
    const expected = catalog.filter((p) => words.every((w) => contains(p, w))).map((p) => p.sku);
    expect(expected).toContain(product.sku);
    expect(await listedSkus(`filter: { search: $search }`, { search }, ", $search: String")).toEqual(expected);
  });

  it("categoryId lists exactly the category's products, the same as category.products", async () => {
    const [category] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM category WHERE parent_id IS NOT NULL ORDER BY slug LIMIT 1`);
    const expected = await sql<{ sku: string }>(`SELECT p.sku FROM product_category pc JOIN product p ON p.id = pc.product_id WHERE pc.category_id = $1 ORDER BY p.sku`, [category!.id]);
    const id = await read(graphql(`query ProductsCategory($slug: String!) { category(slug: $slug) { id } }`), { slug: category!.slug }, "category.id");
    const skus = await listedSkus(`filter: { categoryId: $id }`, { id }, ", $id: ID");
    expect(skus).toEqual(expected.map((r) => r.sku));

    const PAGE = `edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
    const viaFilter = await walk(
      (vars) => server.gql(`query($id: ID!, $first: Int, $after: String) { products(first: $first, after: $after, filter: { categoryId: $id }) { ${PAGE} } }`, { id, ...vars }),
      "products",
      "forward",
      10,
    );
    const viaCategory = await walk(
      (vars) => server.gql(`query($id: ID!, $first: Int, $after: String) { category(id: $id) { products(first: $first, after: $after) { ${PAGE} } } }`, { id, ...vars }),
      "category.products",
      "forward",
      10,
    );
    expect(viaCategory.ids).toEqual(viaFilter.ids);
    expect(viaFilter.totalCount).toBe(expected.length);
    expect(viaCategory.totalCount).toBe(expected.length);
  });

  it("skus returns exactly the named products, in SKU order, ignoring unknown SKUs", async () => {
    expect(await listedSkus(`filter: { skus: ["SKU-00003", "SKU-00001", "NOPE", "SKU-00250"] }`)).toEqual(["SKU-00001", "SKU-00003", "SKU-00250"]);
    expect(await listedSkus(`filter: { skus: [] }`)).toEqual([]);
  });

  it("available: true lists the products with stock available somewhere, available: false the others", async () => {
    const rows = await sql<{ sku: string; available: number }>(
      `SELECT p.sku, coalesce(sum(greatest(il.on_hand - il.reserved, 0)), 0)::int AS available
       FROM product p LEFT JOIN inventory_level il ON il.product_id = p.id GROUP BY p.sku ORDER BY p.sku`,
    );
    const inStock = rows.filter((r) => r.available > 0).map((r) => r.sku);
    const outOfStock = rows.filter((r) => r.available === 0).map((r) => r.sku);
    expect(inStock.length).toBeGreaterThan(0);
    expect(outOfStock.length).toBeGreaterThan(0);
    expect(await listedSkus(`filter: { available: true }`)).toEqual(inStock);
    expect(await listedSkus(`filter: { available: false }`)).toEqual(outOfStock);
  });

  it("filters combine: search, category and availability must all hold", async () => {
    const [category] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM category WHERE parent_id IS NULL ORDER BY slug LIMIT 1`);
    const rows = await sql<{ sku: string }>(
      `SELECT p.sku FROM product p JOIN product_category pc ON pc.product_id = p.id AND pc.category_id = $1
       WHERE (SELECT coalesce(sum(greatest(il.on_hand - il.reserved, 0)), 0) FROM inventory_level il WHERE il.product_id = p.id) > 0
         AND (position('a' in lower(p.name)) > 0 OR position('a' in lower(p.sku)) > 0) ORDER BY p.sku`,
      [category!.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    const id = await read(graphql(`query ProductsCategory2($slug: String!) { category(slug: $slug) { id } }`), { slug: category!.slug }, "category.id");
    expect(await listedSkus(`filter: { search: "A", categoryId: $id, available: true }`, { id }, ", $id: ID")).toEqual(rows.map((r) => r.sku));
  });

  it("more than 100 SKUs is BAD_USER_INPUT naming the filter field", async () => {
    const skus = Array.from({ length: 101 }, (_, i) => `SKU-${String(i + 1).padStart(5, "0")}`);
    const response = await server.gql(graphql(`query ProductsProducts2($skus: [String!]) { products(filter: { skus: $skus }) { totalCount } }`), { skus });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.skus" });
    expect(await listedSkus(`filter: { skus: $skus }`, { skus: skus.slice(1) }, ", $skus: [String!]")).toEqual(skus.slice(1));
  });

  it("a categoryId of another type is BAD_USER_INPUT naming the filter field", async () => {
    const response = await server.gql(graphql(`query ProductsProducts3 { products(filter: { categoryId: "gid://store/Product/x" }) { totalCount } }`));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.categoryId" });
  });
});

describe("product sorting", () => {
  const listed = (args: string, field: string) =>
    allNodes(`query($after: String) { products(first: 100, after: $after, ${args}) { nodes { ${field} } pageInfo { hasNextPage endCursor } } }`, "products").then((nodes) =>
      nodes.map((n) => n[field] as string),
    );

  it("the default order is by SKU", async () => {
    const rows = await sql<{ sku: string }>(`SELECT sku FROM product`);
    const skus = await listedSkus("");
    expect(skus).toHaveLength(500);
    expect(skus).toEqual(sorted(rows.map((r) => r.sku)));
  });

  it("sortKey NAME orders by name; reverse gives the opposite order", async () => {
    const names = sorted((await sql<{ name: string }>(`SELECT name FROM product`)).map((r) => r.name));
    expect(await listed("sortKey: NAME", "name")).toEqual(names);
    expect(await listed("sortKey: NAME, reverse: true", "name")).toEqual([...names].reverse());
  });

  it("sortKey CREATED_AT orders by creation time; reverse gives the newest first", async () => {
    const created = sorted((await sql<{ created_at: Date }>(`SELECT created_at FROM product`)).map((r) => r.created_at.toISOString()));
    expect(await listed("sortKey: CREATED_AT", "createdAt")).toEqual(created);
    expect(await listed("sortKey: CREATED_AT, reverse: true", "createdAt")).toEqual([...created].reverse());
  });
});

describe("product cursors", () => {
  it("a cursor taken from the list in another sort order is BAD_USER_INPUT naming `after`, not an internal error", async () => {
    const cursor = await read(graphql(`query ProductsProducts4 { products(first: 1) { edges { cursor } } }`), {}, "products.edges.0.cursor");
    const response = await server.gql(graphql(`query ProductsProducts5($after: String) { products(first: 5, after: $after, sortKey: CREATED_AT) { nodes { sku } } }`), { after: cursor });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
    expect(response.errors?.[0]?.message).not.toMatch(/invalid input syntax|timestamp/);
  });
});

describe("anonymous access", () => {
  it("every catalog read works without credentials, including node(id) of catalog objects", async () => {
    const data = await read(graphql(`query ProductsViewer {
      viewer { kind }
      products(first: 3) { totalCount nodes { id sku price(quantity: 10) { source unitPrice { amount } } inventory { available } relatedProducts { kind } kitComponents { quantity } } }
      product(sku: "SKU-00001") { sku categories { id } }
      categories(topLevel: true) { totalCount nodes { id } }
      category(slug: "tools") { slug children { slug } products(first: 1) { totalCount } }
      warehouses { totalCount nodes { id } }
      warehouse(code: "WH-EAST") { code inventoryLevels(first: 1) { totalCount } } }`));
    expect(data.viewer.kind).toBe("ANONYMOUS");
    expect(data.products.totalCount).toBe(500);
    expect(data.products.nodes.every((p: any) => p.price.source === "LIST")).toBe(true);
    expect(data.product.sku).toBe("SKU-00001");
    expect(data.categories.totalCount).toBe(8);
    expect(data.category.slug).toBe("tools");
    expect(data.warehouses.totalCount).toBe(3);
    expect(data.warehouse.inventoryLevels.totalCount).toBeGreaterThan(0);

    const ids = [data.products.nodes[0].id, data.categories.nodes[0].id, data.warehouses.nodes[0].id];
    const nodes = await read(graphql(`query ProductsNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`), { ids }, "nodes");
    expect(nodes).toEqual([
      { __typename: "Product", id: ids[0] },
      { __typename: "Category", id: ids[1] },
      { __typename: "Warehouse", id: ids[2] },
    ]);
  });
});
