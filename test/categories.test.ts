import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { errorCode, reader } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// category and categories: the catalog is public, every request here is anonymous.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const { read, sql, allNodes } = reader(() => server);

/** Code-unit order, which is the database's (C collation) order for these ASCII strings. */
const sorted = (values: string[]) => [...values].sort();


describe("categories", () => {
  const CATEGORY = `id slug name parent { slug } children { slug name parent { slug } }`;

  it("category(slug) and category(id) return the same category with its parent, children (by position) and products", async () => {
    const [top] = await sql<{ id: string; slug: string; name: string }>(
      `SELECT c.id, c.slug, c.name FROM category c WHERE c.parent_id IS NULL AND EXISTS (SELECT 1 FROM category k WHERE k.parent_id = c.id) ORDER BY c.slug LIMIT 1`,
    );
    const children = await sql<{ slug: string; name: string }>(`SELECT slug, name FROM category WHERE parent_id = $1 ORDER BY position, name`, [top!.id]);
    const products = await sql<{ sku: string }>(`SELECT p.sku FROM product_category pc JOIN product p ON p.id = pc.product_id WHERE pc.category_id = $1 ORDER BY p.sku`, [top!.id]);
    const bySlug = await read(`query($slug: String!) { category(slug: $slug) { ${CATEGORY} } }`, { slug: top!.slug }, "category");
    expect(bySlug).toEqual({
      id: expect.stringMatching(/^gid:\/\/store\/Category\//),
      slug: top!.slug,
      name: top!.name,
      parent: null,
      children: children.map((c) => ({ slug: c.slug, name: c.name, parent: { slug: top!.slug } })),
    });
    expect(await read(`query($id: ID!) { category(id: $id) { ${CATEGORY} } }`, { id: bySlug.id }, "category")).toEqual(bySlug);

    const skus = await allNodes(graphql(`query CategoriesBCategory($id: ID!, $after: String) { category(id: $id) { products(first: 100, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } } }`), "category.products", {
      id: bySlug.id,
    });
    expect(skus.map((p) => p.sku)).toEqual(products.map((p) => p.sku));

    const child = await read(graphql(`query CategoriesCategory($slug: String!) { category(slug: $slug) { parent { id slug } children { slug } } }`), { slug: children[0]!.slug }, "category");
    expect(child).toEqual({ parent: { id: bySlug.id, slug: top!.slug }, children: [] });
  });

  it("categories lists all 24 by name; topLevel: true only the 8 roots", async () => {
    const rows = await sql<{ name: string; top: boolean }>(`SELECT name, parent_id IS NULL AS top FROM category`);
    const all = await read(graphql(`query CategoriesCategories { categories(first: 100) { totalCount nodes { name parent { id } } } }`), {}, "categories");
    expect(all.totalCount).toBe(24);
    expect(all.nodes.map((c: any) => c.name)).toEqual(sorted(rows.map((r) => r.name)));
    const top = await read(graphql(`query CategoriesCategories2 { categories(first: 100, topLevel: true) { totalCount nodes { name parent { id } } } }`), {}, "categories");
    expect(top.totalCount).toBe(8);
    expect(top.nodes.map((c: any) => c.name)).toEqual(sorted(rows.filter((r) => r.top).map((r) => r.name)));
    expect(top.nodes.every((c: any) => c.parent === null)).toBe(true);
  });

  it("an unknown slug is null; no argument or two arguments are BAD_USER_INPUT", async () => {
    expect(await read(graphql(`query CategoriesCategory2 { category(slug: "no-such-category") { id } }`), {}, "category")).toBeNull();
    expect(errorCode(await server.gql(graphql(`query CategoriesCategory3 { category { id } }`)))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(graphql(`query CategoriesCategory4 { category(slug: "tools", id: "gid://store/Category/x") { id } }`)))).toBe("BAD_USER_INPUT");
  });
});
