import type { EntityManager } from "typeorm";
import { insertRows } from "./bulk-insert.js";
import { cents, isoDate, REFERENCE_DATE, type DemoRandom } from "./demo-random.js";

/** What later stages of the seed need to know about a product. */
export interface SeededProduct {
  id: string;
  sku: string;
  name: string;
  listCents: number;
  units: Array<{ code: string; factor: number }>;
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

const TOP_CATEGORIES = ["Tools", "Fasteners", "Electrical", "Plumbing", "Safety", "Paint", "Lighting", "Outdoor"];
const SUB_CATEGORIES: Record<string, string[]> = {
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

function slugify(text: string): string {
  return text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Seeds warehouses, categories, products with units, breaks, kits, relations and stock. */
export async function seedCatalog(m: EntityManager, r: DemoRandom, productCount: number): Promise<SeededCatalog> {
  const warehouseIds = WAREHOUSES.map(() => r.uuid());
  await insertRows(
    m,
    "warehouse",
    ["id", "code", "name", "address", "created_at"],
    WAREHOUSES.map((w, i) => [
      warehouseIds[i],
      w.code,
      w.name,
      JSON.stringify({ line1: r.faker.location.streetAddress(), city: w.city, region: w.region, postalCode: w.postalCode, countryCode: "US" }),
      REFERENCE_DATE,
    ]),
  );

  const categoryRows: unknown[][] = [];
  const leafCategoryIds: string[] = [];
  const allCategoryIds: string[] = [];
  TOP_CATEGORIES.forEach((top, position) => {
    const topId = r.uuid();
    categoryRows.push([topId, slugify(top), top, null, position]);
    allCategoryIds.push(topId);
    (SUB_CATEGORIES[top] ?? []).forEach((sub, subPosition) => {
      const subId = r.uuid();
      categoryRows.push([subId, slugify(`${top}-${sub}`), sub, topId, subPosition]);
      allCategoryIds.push(subId);
      leafCategoryIds.push(subId);
    });
  });
  await insertRows(m, "category", ["id", "slug", "name", "parent_id", "position"], categoryRows);

  const products: SeededProduct[] = [];
  const productRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const breakRows: unknown[][] = [];
  const categoryLinks: unknown[][] = [];
  for (let i = 1; i <= productCount; i++) {
    const id = r.uuid();
    const sku = `SKU-${String(i).padStart(5, "0")}`;
    const name = `${r.faker.commerce.productAdjective()} ${r.faker.commerce.productMaterial()} ${r.faker.commerce.product()}`;
    const listCents = r.int(199, 49_999);
    const specialOrder = r.chance(0.05);
    const presell = !specialOrder && r.chance(0.05);
    const units = [{ code: "EA", name: "Each", factor: 1 }];
    if (r.chance(0.4)) {
      const box = r.pick([6, 12]);
      units.push({ code: "BOX", name: `Box of ${box}`, factor: box });
      if (r.chance(0.5)) {
        const caseSize = r.pick([24, 48]);
        units.push({ code: "CASE", name: `Case of ${caseSize}`, factor: caseSize });
      }
    }
    const barcode = r.chance(0.97) ? `0${String(700_000_000_000 + i * 7919).padStart(12, "0")}` : null;
    const createdAt = r.dateAround(900, -30);
    const imageCount = r.int(1, 3);
    const images = Array.from({ length: imageCount }, (_, n) => ({ url: `https://images.example.com/${sku}-${n + 1}.jpg`, altText: `${name}, view ${n + 1}` }));
    productRows.push([
      id, sku, barcode, name, r.faker.commerce.productDescription(), JSON.stringify(images), "EA", cents(listCents), "USD",
      specialOrder, presell, r.chance(0.03), createdAt, createdAt,
    ]);
    for (const unit of units) unitRows.push([id, unit.code, unit.name, unit.factor]);
    if (r.chance(0.5)) {
      for (const [minQuantity, percent] of [[10, 95], [50, 90], [100, 85]] as const) {
        breakRows.push([id, minQuantity, cents(Math.floor((listCents * percent) / 100))]);
      }
    }
    // Every leaf category gets products: the first ones are dealt round-robin.
    const categories = new Set<string>([leafCategoryIds[(i - 1) % leafCategoryIds.length]!]);
    for (const extra of r.sample(allCategoryIds, r.int(0, 2))) categories.add(extra);
    for (const categoryId of categories) categoryLinks.push([id, categoryId]);
    products.push({ id, sku, name, listCents, units, specialOrder, presell });
  }
  await insertRows(
    m,
    "product",
    ["id", "sku", "barcode", "name", "description", "images", "base_unit", "list_price", "currency_code", "special_order", "presell", "restricted", "created_at", "updated_at"],
    productRows,
  );
  await insertRows(m, "product_unit", ["product_id", "code", "name", "factor"], unitRows);
  await insertRows(m, "product_price_break", ["product_id", "min_quantity", "unit_price"], breakRows);
  await insertRows(m, "product_category", ["product_id", "category_id"], categoryLinks);

  // Kits: about 3% of products, each made of 2–4 other products.
  const kitRows: unknown[][] = [];
  const kits = r.sample(products, Math.max(1, Math.round(productCount * 0.03)));
  for (const kit of kits) {
    for (const component of r.sample(products.filter((p) => p.id !== kit.id), r.int(2, 4))) kitRows.push([kit.id, component.id, r.int(1, 4)]);
  }
  await insertRows(m, "kit_component", ["kit_id", "component_id", "quantity"], kitRows);

  // Relations: every kind, several times; never a product related to itself.
  const relationRows: unknown[][] = [];
  const seen = new Set<string>();
  for (const product of products) {
    for (let n = r.int(0, 4); n > 0; n--) {
      const related = r.pick(products);
      const kind = r.pick(RELATION_KINDS);
      const key = `${product.id}|${related.id}|${kind}`;
      if (related.id === product.id || seen.has(key)) continue;
      seen.add(key);
      relationRows.push([product.id, related.id, kind, n]);
    }
  }
  await insertRows(m, "product_relation", ["product_id", "related_id", "kind", "position"], relationRows);

  // Stock: most products in most warehouses; special orders usually have none.
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

  return { warehouseIds, categoryCount: categoryRows.length, products };
}
