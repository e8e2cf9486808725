import type { EntityManager } from "typeorm";
import { hashPassword } from "../../auth/password.js";
import { insertRows } from "./bulk-insert.js";
import { cents, type DemoRandom } from "./demo-random.js";
import type { SeededCatalog } from "./seed-catalog.js";

/** A demo customer that can sign in (listed in the README). */
export interface DemoCustomer {
  code: string;
  email: string;
  password: string;
  name: string;
  group: string;
}

/** The demo customer logins. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { code: "C00001", email: "buyer@acme.example", password: "acme-demo-1", name: "Acme Hardware Co.", group: "WHOLESALE" },
  { code: "C00002", email: "buyer@globex.example", password: "globex-demo-2", name: "Globex Supply", group: "CONTRACTOR" },
];

/** What the order stage needs to know about an account. */
export interface SeededAccount {
  id: string;
  code: string;
  paymentDays: number;
  shipToIds: string[];
  warehouseId: string;
}

const GROUPS = [
  ["RETAIL", "Retail"],
  ["WHOLESALE", "Wholesale"],
  ["CONTRACTOR", "Contractors"],
  ["DISTRIBUTOR", "Distributors"],
] as const;
const TERMS: Record<string, number> = { NET15: 15, NET30: 30, NET60: 60, PREPAID: 0 };

function address(r: DemoRandom) {
  return JSON.stringify({
    line1: r.faker.location.streetAddress(),
    ...(r.chance(0.3) ? { line2: r.faker.location.secondaryAddress() } : {}),
    city: r.faker.location.city(),
    region: r.faker.location.state({ abbreviated: true }),
    postalCode: r.faker.location.zipCode("#####"),
    countryCode: "US",
  });
}

/**
 * Seeds customer and corporate groups, accounts (the demo customers first),
 * external references, ship-tos, sub-accounts, restricted products and price lists.
 */
export async function seedAccounts(m: EntityManager, r: DemoRandom, accountCount: number, catalog: SeededCatalog): Promise<SeededAccount[]> {
  const groupIds = new Map<string, string>(GROUPS.map(([code]) => [code, r.uuid()]));
  await insertRows(m, "customer_group", ["id", "code", "name"], GROUPS.map(([code, name]) => [groupIds.get(code), code, name]));
  const corporateIds = Array.from({ length: 5 }, () => r.uuid());
  await insertRows(
    m,
    "corporate_group",
    ["id", "code", "name"],
    corporateIds.map((id, i) => [id, `CORP-${i + 1}`, `${r.faker.company.name()} Group`]),
  );

  const accounts: SeededAccount[] = [];
  const accountRows: unknown[][] = [];
  const refRows: unknown[][] = [];
  const shipToRows: unknown[][] = [];
  const groupOf = new Map<string, string | null>();
  const addAccount = async (options: { code: string; name: string; email: string; group: string | null; parentId: string | null; password?: string }) => {
    const id = r.uuid();
    const terms = r.pick(Object.keys(TERMS));
    const warehouseId = r.pick(catalog.warehouseIds);
    accountRows.push([
      id, options.code, options.name, options.email, r.faker.phone.number({ style: "national" }), options.parentId,
      options.group ? groupIds.get(options.group) : null, r.chance(0.5) ? r.pick(corporateIds) : null, warehouseId, terms, "USD",
      options.password ? await hashPassword(options.password) : null, r.dateAround(1000, -800),
    ]);
    if (r.chance(0.7)) refRows.push([id, "erp", `ERP-${10_000 + accounts.length}`]);
    if (r.chance(0.3)) refRows.push([id, "webstore", `WS-${r.int(100_000, 999_999)}`]);
    const shipToIds: string[] = [];
    for (let n = r.int(1, 3); n > 0; n--) {
      const shipToId = r.uuid();
      shipToIds.push(shipToId);
      shipToRows.push([shipToId, id, `ST-${shipToRows.length + 1}`, `${options.name} — ${r.faker.location.city()}`, address(r), shipToIds.length === 1]);
    }
    groupOf.set(id, options.group);
    const account = { id, code: options.code, paymentDays: TERMS[terms]!, shipToIds, warehouseId };
    accounts.push(account);
    return account;
  };

  for (const demo of DEMO_CUSTOMERS) await addAccount({ ...demo, parentId: null });
  for (let i = DEMO_CUSTOMERS.length + 1; i <= accountCount; i++) {
    const name = r.faker.company.name();
    await addAccount({
      code: `C${String(i).padStart(5, "0")}`,
      name,
      email: `purchasing${i}@${slug(name)}.example`,
      group: r.chance(0.85) ? r.pick(GROUPS)[0] : null,
      parentId: null,
    });
  }
  // Ship-tos as sub-accounts: a few parents get 1–2 child accounts.
  for (const parent of r.sample(accounts.slice(DEMO_CUSTOMERS.length), Math.min(10, accounts.length - DEMO_CUSTOMERS.length))) {
    const children = r.int(1, 2);
    for (let n = 1; n <= children; n++) {
      await addAccount({ code: `${parent.code}-0${n}`, name: `${r.faker.location.city()} branch`, email: `branch${n}.${parent.code.toLowerCase()}@example.com`, group: groupOf.get(parent.id) ?? null, parentId: parent.id });
    }
  }
  await insertRows(
    m,
    "account",
    ["id", "code", "name", "email", "phone", "parent_id", "customer_group_id", "corporate_group_id", "default_warehouse_id", "payment_terms", "currency_code", "password_hash", "created_at"],
    accountRows,
  );
  await insertRows(m, "account_external_ref", ["account_id", "connector", "external_id"], refRows);
  await insertRows(m, "ship_to", ["id", "account_id", "erp_ship_to_id", "name", "address", "is_default"], shipToRows);

  const restrictedRows: unknown[][] = [];
  for (const account of r.sample(accounts.slice(DEMO_CUSTOMERS.length), 20)) {
    for (const product of r.sample(catalog.products, r.int(1, 5))) restrictedRows.push([account.id, product.id]);
  }
  await insertRows(m, "account_restricted_product", ["account_id", "product_id"], restrictedRows);

  await seedPriceLists(m, r, catalog, groupIds, accounts);
  return accounts;
}

/**
 * One price list per customer group (~30% of products, some with quantity
 * breaks) and account-specific lists for ~15 accounts, the first demo customer
 * included — with products that also have a group price and list breaks, so
 * that price precedence shows.
 */
async function seedPriceLists(m: EntityManager, r: DemoRandom, catalog: SeededCatalog, groupIds: Map<string, string>, accounts: SeededAccount[]): Promise<void> {
  const listRows: unknown[][] = [];
  const entryRows: unknown[][] = [];
  const addEntries = (listId: string, products: SeededCatalog["products"], fromPercent: number, toPercent: number) => {
    for (const product of products) {
      const unitCents = Math.floor((product.listCents * r.int(fromPercent, toPercent)) / 100);
      entryRows.push([listId, product.id, 1, cents(unitCents)]);
      if (r.chance(0.4)) {
        entryRows.push([listId, product.id, 10, cents(Math.floor((unitCents * 96) / 100))]);
        entryRows.push([listId, product.id, 50, cents(Math.floor((unitCents * 92) / 100))]);
      }
    }
  };
  // The first products are in every group list, so the demo customers' group prices overlap their own.
  const shared = catalog.products.slice(0, 20);
  for (const [code, groupId] of groupIds) {
    const listId = r.uuid();
    listRows.push([listId, `${code} prices`, groupId, null, "USD"]);
    const others = r.sample(catalog.products.slice(20), Math.round(catalog.products.length * 0.3));
    addEntries(listId, [...shared, ...others], 85, 95);
  }
  const contractAccounts = [accounts[0]!, ...r.sample(accounts.slice(2), 14)];
  for (const account of contractAccounts) {
    const listId = r.uuid();
    listRows.push([listId, `Contract ${account.code}`, null, account.id, "USD"]);
    addEntries(listId, [...shared.slice(0, 10), ...r.sample(catalog.products.slice(20), 30)], 75, 88);
  }
  await insertRows(m, "price_list", ["id", "name", "customer_group_id", "account_id", "currency_code"], listRows);
  await insertRows(m, "price_list_entry", ["price_list_id", "product_id", "min_quantity", "unit_price"], entryRows);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "company";
}
