import type { EntityManager } from "typeorm";
import { hashPassword } from "../../auth/password.js";
import { insertRows } from "./bulk-insert.js";
import { cents, percentOf, type DemoRandom } from "./demo-random.js";
import type { SeededCatalog, SeededProduct } from "./seed-catalog.js";

/** A demo customer that can sign in (listed in the README). */
export interface DemoCustomer {
  code: string;
  email: string;
  password: string;
  name: string;
  /** Code of its customer group. */
  group: string;
}

/** The demo customer logins: accounts C00001 (with its own price list) and C00002. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { code: "C00001", email: "buyer@acme.example", password: "acme-demo-1", name: "Acme Hardware Co.", group: "WHOLESALE" },
  { code: "C00002", email: "buyer@globex.example", password: "globex-demo-2", name: "Globex Supply", group: "CONTRACTOR" },
];

/** What the order stage needs to know about an account. */
export interface SeededAccount {
  id: string;
  code: string;
  /** Days from invoice to due date, from the payment terms. */
  paymentDays: number;
  shipToIds: string[];
  warehouseId: string;
  /** Whether this is a ship-to sub-account of another account. */
  isSubAccount: boolean;
}

/** How many of each the account stage seeds (already scaled). */
export interface AccountCounts {
  /** Top-level accounts, the demo customers included. */
  accounts: number;
  /** Accounts that get 1–2 ship-to sub-accounts. */
  withSubAccounts: number;
  /** Accounts that may not buy 1–5 products. */
  withRestrictions: number;
  /** Accounts with their own price list, C00001 included. */
  withContracts: number;
}

const GROUPS = [
  ["RETAIL", "Retail"],
  ["WHOLESALE", "Wholesale"],
  ["CONTRACTOR", "Contractors"],
  ["DISTRIBUTOR", "Distributors"],
] as const;
const TERMS: Record<string, number> = { NET15: 15, NET30: 30, NET60: 60, PREPAID: 0 };

function address(r: DemoRandom): string {
  return JSON.stringify({
    line1: r.faker.location.streetAddress(),
    ...(r.chance(0.3) ? { line2: r.faker.location.secondaryAddress() } : {}),
    city: r.faker.location.city(),
    region: r.faker.location.state({ abbreviated: true }),
    postalCode: r.faker.location.zipCode("#####"),
    countryCode: "US",
  });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "company";
}

/**
 * Seeds customer and corporate groups, accounts (the demo customers first, then
 * ship-to sub-accounts), external references, ship-tos, restricted products and
 * price lists.
 */
export async function seedAccounts(m: EntityManager, r: DemoRandom, counts: AccountCounts, catalog: SeededCatalog, progress: (message: string) => void): Promise<SeededAccount[]> {
  const groupIds = new Map<string, string>(GROUPS.map(([code]) => [code, r.uuid()]));
  await insertRows(m, "customer_group", ["id", "code", "name"], GROUPS.map(([code, name]) => [groupIds.get(code), code, name]));
  const corporateIds = Array.from({ length: 5 }, () => r.uuid());
  await insertRows(
    m,
    "corporate_group",
    ["id", "code", "name"],
    corporateIds.map((id, i) => [id, `CORP-${i + 1}`, `${r.faker.company.name()} Group`]),
  );
  progress(`customer groups ${groupIds.size}, corporate groups ${corporateIds.length}`);

  const accounts: SeededAccount[] = [];
  const accountRows: unknown[][] = [];
  const refRows: unknown[][] = [];
  const shipToRows: unknown[][] = [];
  const details = new Map<string, { name: string; domain: string; group: string | null }>();
  const addAccount = async (a: { code: string; name: string; email: string; domain: string; group: string | null; parentId: string | null; password?: string }) => {
    const id = r.uuid();
    const terms = r.pick(Object.keys(TERMS));
    const warehouseId = r.pick(catalog.warehouseIds);
    const createdAt = r.dateBetween(-1000, -800);
    accountRows.push([
      id, a.code, a.name, a.email, r.faker.phone.number({ style: "national" }), a.parentId,
      a.group ? groupIds.get(a.group) : null, r.chance(0.5) ? r.pick(corporateIds) : null, warehouseId, terms, "USD",
      a.password ? await hashPassword(a.password) : null, createdAt, r.later(createdAt, 0, 700),
    ]);
    if (r.chance(0.7)) refRows.push([id, "erp", `ERP-${10_000 + accounts.length + 1}`]);
    if (r.chance(0.3)) refRows.push([id, "webstore", `WS-${r.int(100_000, 999_999)}`]);
    const shipToIds: string[] = [];
    for (let n = r.int(1, 3); n > 0; n--) {
      const shipToId = r.uuid();
      shipToIds.push(shipToId);
      shipToRows.push([shipToId, id, `ST-${shipToRows.length + 1}`, `${a.name} — ${r.faker.location.city()}`, address(r), shipToIds.length === 1]);
    }
    details.set(id, { name: a.name, domain: a.domain, group: a.group });
    accounts.push({ id, code: a.code, paymentDays: TERMS[terms]!, shipToIds, warehouseId, isSubAccount: a.parentId !== null });
  };

  for (const demo of DEMO_CUSTOMERS) await addAccount({ ...demo, domain: demo.email.split("@")[1]!, parentId: null });
  for (let n = DEMO_CUSTOMERS.length + 1; n <= counts.accounts; n++) {
    const name = r.faker.company.name();
    const domain = `${slug(name)}.example`;
    await addAccount({ code: `C${String(n).padStart(5, "0")}`, name, email: `purchasing${n}@${domain}`, domain, group: r.chance(0.85) ? r.pick(GROUPS)[0] : null, parentId: null });
  }
  // Ship-tos as sub-accounts: a few accounts get 1–2 child accounts.
  const customers = accounts.slice(DEMO_CUSTOMERS.length);
  for (const parent of r.sample(customers, counts.withSubAccounts)) {
    const { name, domain, group } = details.get(parent.id)!;
    for (let n = 1, children = r.int(1, 2); n <= children; n++) {
      const code = `${parent.code}-${String(n).padStart(2, "0")}`;
      await addAccount({ code, name: `${name} (${r.faker.location.city()})`, email: `branch${n}.${code.toLowerCase()}@${domain}`, domain, group, parentId: parent.id });
    }
  }
  await insertRows(
    m,
    "account",
    ["id", "code", "name", "email", "phone", "parent_id", "customer_group_id", "corporate_group_id", "default_warehouse_id", "payment_terms", "currency_code", "password_hash", "created_at", "updated_at"],
    accountRows,
  );
  await insertRows(m, "account_external_ref", ["account_id", "connector", "external_id"], refRows);
  await insertRows(m, "ship_to", ["id", "account_id", "erp_ship_to_id", "name", "address", "is_default"], shipToRows);
  progress(`accounts ${accounts.length} (sub-accounts ${accounts.length - counts.accounts}, ship-tos ${shipToRows.length}, external refs ${refRows.length})`);

  const restrictedRows: unknown[][] = [];
  for (const account of r.sample(accounts.slice(DEMO_CUSTOMERS.length), counts.withRestrictions)) {
    for (const product of r.sample(catalog.products, r.int(1, 5))) restrictedRows.push([account.id, product.id]);
  }
  await insertRows(m, "account_restricted_product", ["account_id", "product_id"], restrictedRows);
  progress(`restricted products ${restrictedRows.length}`);

  const contractAccounts = [accounts[0]!, ...r.sample(customers, counts.withContracts - 1)];
  await seedPriceLists(m, r, catalog, groupIds, contractAccounts, progress);
  return accounts;
}

/**
 * One price list per customer group (~30% of products at 85–95% of list) and a
 * list of ~40 products at 75–88% for each contract account. Every entry has a
 * quantity-1 row; some add breaks at 10 and 50. The first 20 products with list
 * breaks are in every group list, and the first 10 of them in every account
 * list too (the first 3 with breaks), so that C00001 shows price precedence.
 */
async function seedPriceLists(
  m: EntityManager,
  r: DemoRandom,
  catalog: SeededCatalog,
  groupIds: Map<string, string>,
  contractAccounts: SeededAccount[],
  progress: (message: string) => void,
): Promise<void> {
  const listRows: unknown[][] = [];
  const entryRows: unknown[][] = [];
  const addEntries = (listId: string, products: SeededProduct[], fromPercent: number, toPercent: number, alwaysBreaks: number) => {
    products.forEach((product, index) => {
      const unitCents = percentOf(product.listCents, r.int(fromPercent, toPercent));
      entryRows.push([listId, product.id, 1, cents(unitCents)]);
      if (index < alwaysBreaks || r.chance(0.4)) {
        entryRows.push([listId, product.id, 10, cents(percentOf(unitCents, 96))]);
        entryRows.push([listId, product.id, 50, cents(percentOf(unitCents, 92))]);
      }
    });
  };
  const shared = catalog.products.filter((p) => p.listBreaks).slice(0, 20);
  const sharedIds = new Set(shared.map((p) => p.id));
  const others = catalog.products.filter((p) => !sharedIds.has(p.id));
  for (const [code, groupId] of groupIds) {
    const listId = r.uuid();
    listRows.push([listId, `${code} prices`, groupId, null, "USD"]);
    addEntries(listId, [...shared, ...r.sample(others, Math.round(catalog.products.length * 0.3))], 85, 95, 0);
  }
  for (const account of contractAccounts) {
    const listId = r.uuid();
    listRows.push([listId, `Contract ${account.code}`, null, account.id, "USD"]);
    addEntries(listId, [...shared.slice(0, 10), ...r.sample(others, 30)], 75, 88, 3);
  }
  await insertRows(m, "price_list", ["id", "name", "customer_group_id", "account_id", "currency_code"], listRows);
  await insertRows(m, "price_list_entry", ["price_list_id", "product_id", "min_quantity", "unit_price"], entryRows);
  progress(`price lists ${listRows.length} (entries ${entryRows.length})`);
}
