import { emptyPage, type Page } from "../common/pagination.js";
import { DOMAINS, type Domain, type DomainReaders } from "./connector.js";

/** One empty list per key: nothing of that kind here. */
const noLists = async (keys: readonly string[]): Promise<never[][]> => keys.map(() => []);
/** Null per key: no such record here. */
const noneFound = async (keys: readonly string[]): Promise<null[]> => keys.map(() => null);
/** An empty page. */
const noPage = async (): Promise<Page<never>> => emptyPage<never>();

/**
 * The optional parts of each domain's reader, and the empty answers a
 * connector that does not serve a part gives for it. A kind declares the parts
 * it serves (`capabilities.reads`) and implements only their methods; the
 * others are filled in from here, so no kind writes stub methods.
 */
export const OPTIONAL_READER_PARTS = {
  warehouses: {},
  catalog: {
    units: { unitsOf: noLists },
    priceBreaks: { priceBreaksOf: noLists },
    kitComponents: { kitComponentsOf: noLists },
    relatedProducts: { relatedProductsOf: noLists },
    categories: { categoriesOf: noLists, categoriesByKeys: noneFound, categoriesBySlugs: noneFound, childCategoriesOf: noLists, listCategories: noPage },
  },
  inventory: {
    warehouseLevels: { listLevelsOfWarehouse: noPage },
  },
  accounts: {
    shipTos: { shipTosOf: noLists, shipTosByKeys: noneFound },
    subAccounts: { subAccountsOf: noLists },
    restrictedProducts: { restrictedProductKeysOf: noLists },
    paymentMethods: { paymentMethodsOf: noLists, paymentMethodsByKeys: noneFound },
  },
  orders: {
    shipments: { shipmentsOf: noLists },
    events: { eventsOf: noLists },
  },
  invoices: {
    payments: { paymentsOf: noLists },
    invoicesOfOrders: { invoicesOfOrders: noLists },
  },
  quotes: {},
} as const satisfies { [D in Domain]: Record<string, Partial<DomainReaders[D]>> };

type PartsOf<D extends Domain> = (typeof OPTIONAL_READER_PARTS)[D];

/** The name of an optional part of domain `D`'s reader, for example `categories` of `catalog`. */
export type ReaderPart<D extends Domain> = keyof PartsOf<D> & string;

/** The methods of domain `D`'s reader that belong to an optional part. */
type OptionalMethod<D extends Domain> = { [P in keyof PartsOf<D>]: keyof PartsOf<D>[P] }[keyof PartsOf<D>] & keyof DomainReaders[D];

/** What a kind implements for domain `D`: every required method, and the methods of the optional parts it serves. */
export type ReaderImplementation<D extends Domain> = Omit<DomainReaders[D], OptionalMethod<D>> & Partial<Pick<DomainReaders[D], OptionalMethod<D>>>;

/** A kind's readers, by domain, optional parts left out where it does not serve them. */
export type ReaderImplementations = { [D in Domain]?: ReaderImplementation<D> };

/** The domains a kind reads, each with the optional parts it serves (`[]`: the required methods only). */
export type ReadCapabilities = { readonly [D in Domain]?: ReadonlyArray<ReaderPart<D>> };

/**
 * Complete readers from a kind's implementations: every declared domain has a
 * reader; a declared part's methods must be implemented; an undeclared part's
 * methods must not be (its empty answers are filled in). A mismatch is the
 * kind's bug and stops start-up with a message naming it.
 */
export function completeReaders(kind: string, declared: ReadCapabilities, readers: ReaderImplementations): Partial<DomainReaders> {
  const complete: Partial<Record<Domain, object>> = {};
  for (const domain of DOMAINS) {
    const reader = readers[domain] as Record<string, unknown> | undefined;
    const served = declared[domain] as readonly string[] | undefined;
    if (!reader && !served) continue;
    if (!served) throw new Error(`connector kind "${kind}": offers a reader of ${domain} that it does not declare`);
    if (!reader) throw new Error(`connector kind "${kind}": declares that it reads ${domain} but offers no reader of it`);
    const parts = OPTIONAL_READER_PARTS[domain] as Record<string, Record<string, unknown>>;
    const filled = Object.create(reader) as Record<string, unknown>;
    for (const [part, defaults] of Object.entries(parts)) {
      for (const [method, empty] of Object.entries(defaults)) {
        const implemented = typeof reader[method] === "function";
        if (served.includes(part) !== implemented) {
          throw new Error(`connector kind "${kind}": ${domain}.${method} ${implemented ? "is implemented but" : "is missing, yet"} the part "${part}" is ${implemented ? "not declared" : "declared"}`);
        }
        if (!implemented) filled[method] = empty;
      }
    }
    complete[domain] = filled;
  }
  return complete as Partial<DomainReaders>;
}

/** Every domain with every optional part: what a connector that serves everything (the store) declares. */
export const EVERY_DOMAIN_AND_PART: ReadCapabilities = Object.fromEntries(DOMAINS.map((domain) => [domain, Object.keys(OPTIONAL_READER_PARTS[domain])]));
