import type { EntityManager } from "typeorm";
import { insertRows } from "./bulk-insert.js";
import { cents, isoDate, percentOf, REFERENCE_DATE, type DemoRandom } from "./demo-random.js";

/** What later stages of the seed need to know about a product. */
export interface SeededProduct {
  id: string;
  sku: string;
  name: string;
  listCents: number;
  /** EA first, then any BOX and CASE, by factor. */
  units: Array<{ code: string; factor: number }>;
  /** Whether the product has list price breaks (10, 50, 100). */
  listBreaks: boolean;
  specialOrder: boolean;
  presell: boolean;
}

/** The seeded catalog. */
export interface SeededCatalog {
  warehouseIds: string[];
  categoryCount: number;
  products: SeededProduct[];
}

const WAREHOUSES = [
  { code: "WH-EAST", name: "East Distribution Center", city: "Newark", region: "NJ", postalCode: "07102" },
  { code: "WH-WEST", name: "West Distribution Center", city: "Reno", region: "NV", postalCode: "89502" },
  { code: "WH-CENTRAL", name: "Central Warehouse", city: "Columbus", region: "OH", postalCode: "43215" },
];

/** 8 top-level categories with 16 subcategories: 24 in all. */
const CATEGORY_TREE: Record<string, string[]> = {
  Tools: ["Hand Tools", "Power Tools", "Measuring"],
  Fasteners: ["Screws", "Bolts", "Anchors"],
  Electrical: ["Wire & Cable", "Switches"],
  Plumbing: ["Pipe & Fittings", "Valves"],
  Safety: ["Gloves", "Eye Protection"],
  Paint: ["Brushes", "Coatings"],
  Lighting: ["LED Bulbs"],
  Outdoor: ["Garden"],
};

/** Every kind of product relation the API knows. */
export const RELATION_KINDS = ["SUBSTITUTE", "INTERCHANGE", "SUPERSEDED", "COMPANION", "UPGRADE", "OPTIONAL", "PURCHASED_TOGETHER", "CUSTOMER"];

/** List price breaks: minimum quantity and the percentage of the list price. */
const LIST_BREAKS = [
  [10, 95],
  [50, 90],
  [100, 85],
] as const;

function slugify(text: string): string {
  return text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A unique 13-digit EAN-like barcode for the n-th product, with a valid EAN-13 check digit. */
function barcodeFor(n: number): string {
  const body = String(400_000_000_000 + n * 7_919);
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function unitName(code: string, factor: number): string {
  if (code === "EA") return "Each";
  return `${code === "BOX" ? "Box" : "Case"} of ${factor}`;
}

/**
 * Seeds warehouses, categories and products with their categories, pack units,
 * price breaks, kits, relations and stock levels.
 */
export async function seedCatalog(m: EntityManager, r: DemoRandom, productCount: number, progress: (message: string) => void): Promise<SeededCatalog> {
  const warehouseIds = WAREHOUSES.map(() => r.uuid());
  await insertRows(
    m,
    "warehouse",
    ["id", "code", "name", "address", "created_at"],
    WAREHOUSES.map((w, i) => [
      warehouseIds[i],
      w.code,
      w.name,
      JSON.stringify({ line1: r.faker.location.streetAddress(), ...(i === 0 ? { line2: "Dock 4" } : {}), city: w.city, region: w.region, postalCode: w.postalCode, countryCode: "US" }),
      REFERENCE_DATE,
    ]),
  );
  progress(`warehouses ${warehouseIds.length}`);

  const categoryRows: unknown[][] = [];
  const subcategories: Array<{ id: string; parentId: string }> = [];
  Object.entries(CATEGORY_TREE).forEach(([top, subs], position) => {
    const topId = r.uuid();
    categoryRows.push([topId, slugify(top), top, null, position]);
    subs.forEach((sub, subPosition) => {
      const subId = r.uuid();
      categoryRows.push([subId, slugify(`${top}-${sub}`), sub, topId, subPosition]);
      subcategories.push({ id: subId, parentId: topId });
    });
  });
  const categoryIds = categoryRows.map((row) => row[0] as string);
  await insertRows(m, "category", ["id", "slug", "name", "parent_id", "position"], categoryRows);
  progress(`categories ${categoryRows.length}`);

  // Products, drawn first so that kits can be priced from their components.
  const products: SeededProduct[] = [];
  const drafts: Array<{ product: SeededProduct; barcode: string | null; description: string; images: string; restricted: boolean; createdAt: Date; categories: Set<string> }> = [];
  for (let n = 1; n <= productCount; n++) {
    const sku = `SKU-${String(n).padStart(5, "0")}`;
    const name = `${r.faker.commerce.productAdjective()} ${r.faker.commerce.productMaterial()} ${r.faker.commerce.product()}`;
    const specialOrder = r.chance(0.05);
    const product: SeededProduct = {
      id: r.uuid(),
      sku,
      name,
      listCents: r.int(199, 49_999),
      units: [{ code: "EA", factor: 1 }],
      listBreaks: r.chance(0.5),
      specialOrder,
      presell: !specialOrder && r.chance(0.05),
    };
    if (r.chance(0.4)) {
      product.units.push({ code: "BOX", factor: r.pick([6, 12]) });
      if (r.chance(0.5)) product.units.push({ code: "CASE", factor: r.pick([24, 48]) });
    }
    // Each product sits in one subcategory (dealt round-robin, so all get products),
    // often also in its parent, sometimes in one more category.
    const home = subcategories[(n - 1) % subcategories.length]!;
    const categories = new Set([home.id]);
    if (r.chance(0.4)) categories.add(home.parentId);
    if (r.chance(0.2)) categories.add(r.pick(categoryIds));
    const images = Array.from({ length: r.int(1, 3) }, (_, i) => ({ url: `https://images.example.com/${sku}-${i + 1}.jpg`, altText: `${name}, view ${i + 1}` }));
    drafts.push({
      product,
      barcode: r.chance(0.97) ? barcodeFor(n) : null,
      description: r.faker.commerce.productDescription(),
      images: JSON.stringify(images),
      restricted: r.chance(0.03),
      createdAt: r.dateBetween(-900, -30),
      categories,
    });
    products.push(product);
  }

  // Kits: about 3% of products, each made of 2–4 products that are no kits; a kit costs 90% of its parts.
  const kitRows: unknown[][] = [];
  const kits = r.sample(products, Math.max(1, Math.round(productCount * 0.03)));
  const kitIds = new Set(kits.map((kit) => kit.id));
  const parts = products.filter((p) => !kitIds.has(p.id));
  for (const kit of kits) {
    let partsCents = 0;
    for (const component of r.sample(parts, r.int(2, 4))) {
      const quantity = r.int(1, 4);
      partsCents += component.listCents * quantity;
      kitRows.push([kit.id, component.id, quantity]);
    }
    if (partsCents > 0) kit.listCents = percentOf(partsCents, 90);
  }

  const productRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const breakRows: unknown[][] = [];
  const categoryLinks: unknown[][] = [];
  for (const { product: p, barcode, description, images, restricted, createdAt, categories } of drafts) {
    productRows.push([p.id, p.sku, barcode, p.name, description, images, "EA", cents(p.listCents), "USD", p.specialOrder, p.presell, restricted, createdAt, createdAt]);
    for (const unit of p.units) unitRows.push([p.id, unit.code, unitName(unit.code, unit.factor), unit.factor]);
    if (p.listBreaks) for (const [minQuantity, percent] of LIST_BREAKS) breakRows.push([p.id, minQuantity, cents(percentOf(p.listCents, percent))]);
    for (const categoryId of categories) categoryLinks.push([p.id, categoryId]);
  }
  await insertRows(
    m,
    "product",
    ["id", "sku", "barcode", "name", "description", "images", "base_unit", "list_price", "currency_code", "special_order", "presell", "restricted", "created_at", "updated_at"],
    productRows,
  );
  await insertRows(m, "product_category", ["product_id", "category_id"], categoryLinks);
  await insertRows(m, "product_unit", ["product_id", "code", "name", "factor"], unitRows);
  await insertRows(m, "product_price_break", ["product_id", "min_quantity", "unit_price"], breakRows);
  await insertRows(m, "kit_component", ["kit_id", "component_id", "quantity"], kitRows);
  progress(`products ${products.length} (units ${unitRows.length}, price breaks ${breakRows.length}, kits ${kits.length})`);

  // Relations: every kind, many times; never a product related to itself.
  const relationRows: unknown[][] = [];
  const seen = new Set<string>();
  for (const product of products) {
    for (let position = 1, n = r.int(0, 4); position <= n; position++) {
      const related = r.pick(products);
      const kind = r.pick(RELATION_KINDS);
      const key = `${product.id}|${related.id}|${kind}`;
      if (related.id === product.id || seen.has(key)) continue;
      seen.add(key);
      relationRows.push([product.id, related.id, kind, position]);
    }
  }
  await insertRows(m, "product_relation", ["product_id", "related_id", "kind", "position"], relationRows);
  progress(`product relations ${relationRows.length}`);

  // Stock: most products in most warehouses; special orders have none. Empty
  // shelves usually have a restock date, stocked ones sometimes.
  const levelRows: unknown[][] = [];
  for (const product of products) {
    for (const warehouseId of warehouseIds) {
      if (!r.chance(0.92)) continue;
      const onHand = product.specialOrder || r.chance(0.12) ? 0 : r.int(1, 500);
      const reserved = onHand > 0 ? r.int(0, Math.floor(onHand / 4)) : 0;
      const restock = onHand === 0 ? r.chance(0.8) : r.chance(0.2);
      levelRows.push([product.id, warehouseId, onHand, reserved, restock ? isoDate(REFERENCE_DATE, r.int(3, 60)) : null, REFERENCE_DATE]);
    }
  }
  await insertRows(m, "inventory_level", ["product_id", "warehouse_id", "on_hand", "reserved", "restock_date", "updated_at"], levelRows);
  progress(`inventory levels ${levelRows.length}`);

  return { warehouseIds, categoryCount: categoryRows.length, products };
}
