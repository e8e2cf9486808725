import type { CatalogReader } from "../connector.js";
import { money } from "../../common/money.js";
import type { CategoryModel, PriceBreakModel, PriceTiersModel, ProductModel, ProductSort } from "../../models/product.js";
import { keysetPage } from "./keyset.js";
import { isUuid, recordSourceOf, searchCondition, uuidEquals, rowsByKeys, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";

const PRODUCT_SORT: Record<ProductSort, { column: string; type: "text" | "timestamptz" }> = {
  SKU: { column: "p.sku", type: "text" },
  NAME: { column: "p.name", type: "text" },
  CREATED_AT: { column: "p.created_at", type: "timestamptz" },
};

/**
 * What a product search looks in: name and SKU as one text. A search word has
 * no whitespace, so it matches this exactly when it matches the name or the
 * SKU; and the trigram index `product_search_trgm_idx` (migration
 * 1700000000009) is built on this very expression.
 */
const SEARCH_TEXT_SQL = "(p.name || ' ' || p.sku)";

/** Available stock of a product over all warehouses, as an SQL expression on alias `p`. */
const AVAILABLE_SQL = "(SELECT coalesce(sum(greatest(il.on_hand - il.reserved, 0)), 0) FROM inventory_level il WHERE il.product_id = p.id)";


/** Products, categories and contract prices from the store's tables. */
export function storeCatalogReader(query: Query, source: string): CatalogReader {
  const product = (row: Row): ProductModel => ({
    source,
    key: str(row, "id"),
    sku: str(row, "sku"),
    barcode: strOrNull(row, "barcode"),
    name: str(row, "name"),
    description: str(row, "description"),
    images: (row.images as Array<{ url: string; altText?: string }>).map((i) => ({ url: i.url, altText: i.altText ?? null })),
    baseUnit: str(row, "base_unit"),
    listPrice: money(str(row, "list_price"), str(row, "currency_code")),
    specialOrder: Boolean(row.special_order),
    presell: Boolean(row.presell),
    restricted: Boolean(row.restricted),
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    lastCommandId: strOrNull(row, "last_command_id"),
    synced: recordSourceOf(row),
  });
  const category = (row: Row): CategoryModel => ({
    source,
    key: str(row, "id"),
    slug: str(row, "slug"),
    name: str(row, "name"),
    parentKey: strOrNull(row, "parent_id"),
  });
  const priceBreak = (row: Row): PriceBreakModel => ({
    minQuantity: Number(row.min_quantity),
    unitPrice: money(str(row, "unit_price"), str(row, "currency_code")),
  });

  return {
    productsByKeys: (keys) =>
      rowsByKeys(query, "SELECT * FROM product WHERE id = ANY($1::uuid[])", keys, (r) => str(r, "id"), product, { uuidKeys: true }),
    productsBySkus: (skus) => rowsByKeys(query, "SELECT * FROM product WHERE sku = ANY($1::text[])", skus, (r) => str(r, "sku"), product),
    productsByBarcodes: (codes) =>
      rowsByKeys(query, "SELECT * FROM product WHERE barcode = ANY($1::text[])", codes, (r) => str(r, "barcode"), product),

    listProducts: ({ page, sort, filter }) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const bind = (value: unknown) => `$${params.push(value)}`;
      if (filter.search) {
        where.push(searchCondition(filter.search, [SEARCH_TEXT_SQL], bind));
      }
      if (filter.categoryKey !== undefined && filter.categoryKey !== null) {
        where.push(`EXISTS (SELECT 1 FROM product_category pc WHERE pc.product_id = p.id AND ${uuidEquals("pc.category_id", filter.categoryKey, bind)})`);
      }
      if (filter.skus) where.push(`p.sku = ANY(${bind(filter.skus)}::text[])`);
      if (filter.available != null) where.push(`${AVAILABLE_SQL} ${filter.available ? ">" : "="} 0`);
      return keysetPage(query, { select: "p.*", from: "product p", where, params, sort: PRODUCT_SORT[sort], key: "p.id", descending: false, map: product }, page);
    },

    unitsOf: (keys) =>
      rowsByParent(
        query,
        `SELECT u.product_id, u.code, u.name, u.factor FROM product_unit u WHERE u.product_id = ANY($1::uuid[]) ORDER BY u.product_id, u.factor, u.code`,
        keys,
        (r) => str(r, "product_id"),
        (r) => ({ code: str(r, "code"), name: str(r, "name"), factor: Number(r.factor) }),
      ),
    priceBreaksOf: (keys) =>
      rowsByParent(
        query,
        `SELECT b.product_id, b.min_quantity, b.unit_price, p.currency_code FROM product_price_break b JOIN product p ON p.id = b.product_id
         WHERE b.product_id = ANY($1::uuid[]) ORDER BY b.product_id, b.min_quantity`,
        keys,
        (r) => str(r, "product_id"),
        priceBreak,
      ),
    kitComponentsOf: (keys) =>
      rowsByParent(
        query,
        `SELECT k.kit_id, k.component_id, k.quantity FROM kit_component k JOIN product c ON c.id = k.component_id
         WHERE k.kit_id = ANY($1::uuid[]) ORDER BY k.kit_id, c.sku`,
        keys,
        (r) => str(r, "kit_id"),
        (r) => ({ source, productKey: str(r, "component_id"), quantity: Number(r.quantity) }),
      ),
    relatedProductsOf: (keys) =>
      rowsByParent(
        query,
        `SELECT product_id, related_id, kind FROM product_relation WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, kind, position, related_id`,
        keys,
        (r) => str(r, "product_id"),
        (r) => ({ source, kind: str(r, "kind"), productKey: str(r, "related_id") }),
      ),
    categoriesOf: (keys) =>
      rowsByParent(
        query,
        `SELECT pc.product_id, c.* FROM product_category pc JOIN category c ON c.id = pc.category_id
         WHERE pc.product_id = ANY($1::uuid[]) ORDER BY pc.product_id, c.name`,
        keys,
        (r) => str(r, "product_id"),
        category,
      ),
    categoriesByKeys: (keys) =>
      rowsByKeys(query, "SELECT * FROM category WHERE id = ANY($1::uuid[])", keys, (r) => str(r, "id"), category, { uuidKeys: true }),
    categoriesBySlugs: (slugs) =>
      rowsByKeys(query, "SELECT * FROM category WHERE slug = ANY($1::text[])", slugs, (r) => str(r, "slug"), category),
    childCategoriesOf: (keys) =>
      rowsByParent(
        query,
        "SELECT * FROM category WHERE parent_id = ANY($1::uuid[]) ORDER BY parent_id, position, name",
        keys,
        (r) => str(r, "parent_id"),
        category,
      ),
    listCategories: ({ page, filter }) =>
      keysetPage(
        query,
        {
          select: "c.*",
          from: "category c",
          where: filter.topLevel ? ["c.parent_id IS NULL"] : [],
          params: [],
          sort: { column: "c.name", type: "text" },
          key: "c.id",
          descending: false,
          map: category,
        },
        page,
      ),

    priceTiers: async (requests) => {
      const productKeys = requests.map((r) => r.productKey);
      const accountKeys = requests.map((r) => r.accountKey);
      // One statement for all (product, account) pairs: every candidate tier with its
      // source; the most specific source per pair wins below.
      const rows = await query(
        `WITH req AS (
           SELECT DISTINCT r.product_id, r.account_id
           FROM unnest($1::uuid[], $2::uuid[]) AS r(product_id, account_id)
         )
         SELECT req.product_id, req.account_id, 'ACCOUNT' AS source, e.min_quantity, e.unit_price, pl.currency_code
           FROM req JOIN price_list pl ON pl.account_id = req.account_id
           JOIN price_list_entry e ON e.price_list_id = pl.id AND e.product_id = req.product_id
         UNION ALL
         SELECT req.product_id, req.account_id, 'CUSTOMER_GROUP', e.min_quantity, e.unit_price, pl.currency_code
           FROM req JOIN account a ON a.id = req.account_id
           JOIN price_list pl ON pl.customer_group_id = a.customer_group_id
           JOIN price_list_entry e ON e.price_list_id = pl.id AND e.product_id = req.product_id
         UNION ALL
         SELECT req.product_id, req.account_id, 'LIST', 1, p.list_price, p.currency_code
           FROM req JOIN product p ON p.id = req.product_id
         UNION ALL
         SELECT req.product_id, req.account_id, 'LIST', b.min_quantity, b.unit_price, p.currency_code
           FROM req JOIN product p ON p.id = req.product_id JOIN product_price_break b ON b.product_id = p.id
         ORDER BY 1, 2, 3, 4`,
        [productKeys.map((k) => (isUuid(k) ? k : null)), accountKeys.map((k) => (k && isUuid(k) ? k : null))],
      );
      const precedence = ["ACCOUNT", "CUSTOMER_GROUP", "LIST"] as const;
      const byPair = new Map<string, Map<string, PriceBreakModel[]>>();
      for (const row of rows) {
        const pair = `${str(row, "product_id")}|${strOrNull(row, "account_id") ?? ""}`;
        const sources = byPair.get(pair) ?? new Map<string, PriceBreakModel[]>();
        const tiers = sources.get(str(row, "source")) ?? [];
        tiers.push(priceBreak(row));
        sources.set(str(row, "source"), tiers);
        byPair.set(pair, sources);
      }
      return requests.map(({ productKey, accountKey }): PriceTiersModel => {
        const sources = byPair.get(`${productKey}|${accountKey ?? ""}`);
        const chosen = precedence.find((s) => sources?.get(s)?.length);
        return chosen ? { source: chosen, tiers: sources!.get(chosen)! } : { source: "LIST", tiers: [] };
      });
    },
  };
}
