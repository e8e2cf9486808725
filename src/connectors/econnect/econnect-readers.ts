import { badUserInput } from "../../common/errors.js";
import { money } from "../../common/money.js";
import { emptyPage, type CursorPosition, type Page, type PageRequest } from "../../common/pagination.js";
import type { AccountModel } from "../../models/account.js";
import type { ProductModel } from "../../models/product.js";
import type { InventoryLevelModel } from "../../models/warehouse.js";
import type { ReaderImplementation } from "../reader-parts.js";
import type { EconnectCall, EconnectOptions } from "./econnect-client.js";

/** An account as `account.list` / `account.get` return it. */
interface ErpAccount {
  id: string;
  cid: string;
  name: string;
  email: string;
  phone?: string;
  group?: string;
  created?: string;
}

/** An inventory item as `inventory.list` / `inventory.get` return it. */
interface ErpItem {
  id: string;
  code: string;
  barcode?: string;
  name: string;
  price: string;
  onhand: string;
  created?: string;
}

/** Most records one list call returns. */
const LIST_LIMIT = 100;

/**
 * Fetches the records matching any of `values` of the filter `param`, with one
 * list call per 100 values, and returns one result per value (null when missing).
 */
async function byFilter<T>(
  call: EconnectCall,
  command: string,
  tag: string,
  param: string,
  values: readonly string[],
  keyOf: (record: T) => string,
): Promise<Array<T | null>> {
  // Asked once per value whatever its case (codes are unique either way), as the client wrote it.
  const wanted = [...new Map(values.map((v) => [v.toLowerCase(), v])).values()];
  const found = new Map<string, T>();
  for (let i = 0; i < wanted.length; i += LIST_LIMIT) {
    const chunk = wanted.slice(i, i + LIST_LIMIT);
    const packet = await call(command, [["limit", LIST_LIMIT], ...chunk.map((v): [string, string] => [param, v])]);
    for (const record of ((packet.data as Record<string, T[] | undefined>)[tag] ?? [])) found.set(keyOf(record).toLowerCase(), record);
  }
  return values.map((v) => found.get(v.toLowerCase()) ?? null);
}

/**
 * One page of a list command in the ERP's own order (by CID or Code), paged by
 * `offset`: a cursor carries the record's offset. Only that order is offered.
 */
async function offsetPage<T>(
  call: EconnectCall,
  list: { command: string; tag: string; by: string; sortOf: (record: T) => string; params: Array<[string, string]> },
  page: PageRequest,
): Promise<Page<T>> {
  if (page.reverse) throw badUserInput("This connector lists in its own order only; `reverse` is not supported.", "reverse");
  const offsetOf = (position: CursorPosition | null, argument: string): number | null => {
    if (!position) return null;
    const offset = Number(position.key);
    if (position.by !== list.by || !Number.isInteger(offset) || offset < 0) throw badUserInput(`\`${argument}\` is not a cursor of this list; take cursors from the same query.`, argument);
    return offset;
  };
  const after = offsetOf(page.after, "after");
  let before = offsetOf(page.before, "before");
  if (before !== null && page.before?.inclusive) before += 1;
  const fetchRange = async (offset: number, limit: number) => {
    const packet = await call(list.command, [["offset", offset], ["limit", Math.max(1, Math.min(limit, LIST_LIMIT))], ...list.params]);
    const data = packet.data as Record<string, unknown>;
    return { count: Number(data.count ?? 0), records: limit > 0 ? ((data[list.tag] as T[] | undefined) ?? []) : [] };
  };
  let start: number;
  let records: T[];
  let count: number;
  // At most one call's worth (a merged list asks for one more than the page).
  const size = Math.min(page.size, LIST_LIMIT);
  if (page.direction === "forward") {
    start = after === null ? 0 : after + 1;
    const end = before ?? Number.MAX_SAFE_INTEGER;
    ({ records, count } = await fetchRange(start, Math.min(size, end - start)));
    records = records.slice(0, Math.max(0, end - start));
  } else {
    if (before === null) before = (await fetchRange(0, 0)).count;
    start = Math.max(after === null ? 0 : after + 1, before - size);
    ({ records, count } = await fetchRange(start, before - start));
  }
  return {
    items: records,
    positions: records.map((record, i) => ({ by: list.by, sort: list.sortOf(record), key: String(start + i) })),
    hasNextPage: page.direction === "forward" ? start + records.length < Math.min(count, before ?? count) : before !== null && before < count,
    hasPreviousPage: start > (after === null ? 0 : after + 1) || (page.direction === "forward" && after !== null),
    count: async () => count,
  };
}

/** Refuses filters and sort orders the ERP's list commands cannot do. */
function refuseUnsupported(what: Record<string, unknown>): void {
  for (const [argument, value] of Object.entries(what)) {
    if (value !== null && value !== undefined && value !== false) throw badUserInput(`This connector cannot filter or sort by \`${argument}\`.`, argument);
  }
}

/** Accounts from `account.list`: by ID, CID (our account code) or e-mail, and listed by CID. */
export function econnectAccountReader(call: EconnectCall, options: EconnectOptions): ReaderImplementation<"accounts"> {
  const account = (a: ErpAccount): AccountModel => ({
    source: options.name,
    key: String(a.id),
    code: String(a.cid),
    name: String(a.name),
    email: String(a.email),
    phone: a.phone ? String(a.phone) : null,
    externalReferences: [],
    customerGroup: a.group ? { code: String(a.group), name: String(a.group) } : null,
    corporateGroup: null,
    defaultWarehouseKey: null,
    parentKey: null,
    paymentTerms: "",
    currencyCode: options.currencyCode ?? "USD",
    createdAt: new Date(a.created ?? 0),
  });
  const lookup = (param: string, keyOf: (a: ErpAccount) => string) => async (values: readonly string[]) =>
    (await byFilter<ErpAccount>(call, "account.list", "account", param, values, keyOf)).map((a) => (a ? account(a) : null));
  return {
    byKeys: lookup("id", (a) => String(a.id)),
    byEmails: lookup("email", (a) => String(a.email)),
    byCodes: lookup("cid", (a) => String(a.cid)),
    list: async ({ page, sort, filter }) => {
      refuseUnsupported({ search: filter.search, customerGroupCode: filter.customerGroupCode, sortKey: sort === "CODE" ? null : sort });
      // The ERP has no sub-accounts: none of its accounts has a parent.
      if (filter.parentKey != null) return emptyPage<AccountModel>();
      const result = await offsetPage<ErpAccount>(call, { command: "account.list", tag: "account", by: `${options.name}|account.list`, sortOf: (a) => String(a.cid), params: [] }, page);
      return { ...result, items: result.items.map(account) };
    },
    // No ship-tos, sub-accounts, restricted products or payment methods in the ERP: those parts answer empty.
  };
}

/** Products from `inventory.list`: by ID, Code (our SKU) or Barcode, and listed by Code, at the ERP's one price, in one unit. */
export function econnectCatalogReader(call: EconnectCall, options: EconnectOptions): ReaderImplementation<"catalog"> {
  const currency = options.currencyCode ?? "USD";
  const product = (item: ErpItem): ProductModel => ({
    source: options.name,
    key: String(item.id),
    sku: String(item.code),
    barcode: item.barcode ? String(item.barcode) : null,
    name: String(item.name),
    description: "",
    images: [],
    baseUnit: "EA",
    listPrice: money(String(item.price), currency),
    specialOrder: false,
    presell: false,
    restricted: false,
    createdAt: new Date(item.created ?? 0),
    updatedAt: new Date(item.created ?? 0),
  });
  const lookup = (param: string, keyOf: (item: ErpItem) => string) => async (values: readonly string[]) =>
    (await byFilter<ErpItem>(call, "inventory.list", "item", param, values, keyOf)).map((item) => (item ? product(item) : null));
  const productsByKeys = lookup("id", (item) => String(item.id));
  return {
    productsByKeys,
    productsBySkus: lookup("code", (item) => String(item.code)),
    productsByBarcodes: lookup("barcode", (item) => String(item.barcode ?? "")),
    listProducts: async ({ page, sort, filter }) => {
      refuseUnsupported({ search: filter.search, available: filter.available, sortKey: sort === "SKU" ? null : sort });
      // The ERP has no categories: nothing of it is in one. No SKUs asked for: nothing matches.
      if (filter.categoryKey != null || filter.skus?.length === 0) return emptyPage<ProductModel>();
      const params = (filter.skus ?? []).map((sku): [string, string] => ["code", sku]);
      const result = await offsetPage<ErpItem>(call, { command: "inventory.list", tag: "item", by: `${options.name}|inventory.list|${params.map((p) => p[1]).join(",")}`, sortOf: (item) => String(item.code), params }, page);
      return { ...result, items: result.items.map(product) };
    },
    unitsOf: async (keys) => keys.map(() => [{ code: "EA", name: "Each", factor: 1 }]),
    // No price breaks, kits, related products or categories in the ERP: those parts answer empty.
    // The ERP keeps one price per item: every buyer gets it.
    priceTiers: async (requests) => {
      const products = await productsByKeys(requests.map((r) => r.productKey));
      return products.map((p) => ({ source: "LIST" as const, tiers: p ? [{ minQuantity: 1, unitPrice: p.listPrice }] : [] }));
    },
  };
}

/** Stock from `inventory.list`: each item's on-hand quantity, in the configured warehouse. */
export function econnectInventoryReader(call: EconnectCall, options: EconnectOptions): ReaderImplementation<"inventory"> {
  const level = (item: ErpItem): InventoryLevelModel => ({
    source: options.name,
    productKey: String(item.id),
    warehouseKey: "",
    warehouseCode: options.warehouseCode ?? "MAIN",
    onHand: Number(item.onhand),
    reserved: 0,
    restockDate: null,
  });
  return {
    levelsOf: async (productKeys) => (await byFilter<ErpItem>(call, "inventory.list", "item", "id", productKeys, (item) => String(item.id))).map((item) => (item ? [level(item)] : [])),
    // The ERP's warehouses are not readable through eConnect: a warehouse's stock list comes from the warehouse's own connector
    // (the part `warehouseLevels` answers empty).
  };
}
