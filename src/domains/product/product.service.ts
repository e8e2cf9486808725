import { pricingAccountOf } from "../../auth/access.js";
import type { Path } from "graphql/jsutils/Path.js";
import type { PageRequest } from "../../common/pagination.js";
import { reportMissingSource } from "../../connectors/partial-errors.js";
import type { CatalogReader } from "../../connectors/connector.js";
import { badUserInput } from "../../common/errors.js";
import { atMost } from "../../common/arguments.js";
import { clampToInt32 } from "../../common/int32.js";
import { searchWords } from "../../common/search-words.js";
import { expectGlobalId } from "../../common/ids.js";
import type { ConnectionModel } from "../../common/pagination.js";
import { toConnection, toPageRequest } from "../../common/pagination.js";
import type { RequestContext } from "../../context.js";
import type { CategoryProductsArgs, ProductPriceArgs, QueryCategoriesArgs, QueryProductsArgs } from "../../generated/graphql.js";
import type { AccountModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";
import type { CategoryModel, ProductModel } from "../../models/product.js";
import type { InventoryLevelModel } from "../../models/warehouse.js";
import { availableOf } from "../warehouse/warehouse.service.js";
import { resolvePrice, type ProductPriceModel } from "./product-price.js";

/** A product by global ID; null when not found. The catalog is public. */
export async function productById(ctx: RequestContext, id: string): Promise<ProductModel | null> {
  const gid = expectGlobalId(id, "Product");
  if (!ctx.router.serves("catalog", gid.connector)) return null;
  return ctx.loaders.product.load({ source: gid.connector, key: gid.key });
}

/**
 * The product a reference points at: by key when its connector is one the
 * catalog is read from, else by SKU in the catalog's connectors (an ERP order
 * line names a SKU; the product may live in the web store).
 */
export async function productOfReference(ctx: RequestContext, ref: { source: string; productKey: string | null; sku?: string | null }): Promise<ProductModel | null> {
  if (ref.productKey && ctx.router.readsFrom("catalog", ref.source)) return ctx.loaders.product.load({ source: ref.source, key: ref.productKey });
  return ref.sku ? ctx.loaders.productBySku.load(ref.sku) : null;
}

/** A page of the catalog. */
export async function listProducts(ctx: RequestContext, args: QueryProductsArgs, path?: Path): Promise<ConnectionModel<ProductModel>> {
  const page = toPageRequest(args);
  const filter = args.filter ?? {};
  const category = filter.categoryId != null ? expectGlobalId(filter.categoryId, "Category", "filter.categoryId") : null;
  const skus = atMost(filter.skus, 100, "filter.skus");
  // A search over its limits is refused before any connector is asked.
  searchWords(filter.search);
  // Which products are in stock changes with every order: such a page is never cached.
  if (filter.available != null) ctx.cachePolicy?.restrict({ maxAge: 0 });
  const fetch = (reader: CatalogReader, source: string, request: PageRequest) =>
    reader.listProducts({
      page: request,
      sort: args.sortKey ?? "SKU",
      filter: {
        search: filter.search,
        categoryKey: category ? (category.connector === source ? category.key : "") : undefined,
        skus: skus ? [...skus] : null,
        available: filter.available,
      },
    });
  const sameProduct = (args.sortKey ?? "SKU") === "SKU" ? (product: ProductModel) => product.sku : undefined;
  return toConnection(await ctx.router.list("catalog", page, fetch, reportMissingSource(ctx, path), sameProduct));
}

/** A page of the products of a category. */
export async function productsOfCategory(
  ctx: RequestContext,
  category: CategoryModel,
  args: CategoryProductsArgs,
): Promise<ConnectionModel<ProductModel>> {
  const page = toPageRequest(args);
  const reader = ctx.router.readerOf("catalog", category.source);
  return toConnection(await reader.listProducts({ page, sort: args.sortKey ?? "SKU", filter: { categoryKey: category.key } }));
}

/** Stock summed over warehouses, each sum at most 2,147,483,647 (the largest `Int`). */
export function inventorySummary(levels: InventoryLevelModel[]): { onHand: number; reserved: number; available: number } {
  const sum = levels.reduce(
    (total, level) => ({ onHand: total.onHand + level.onHand, reserved: total.reserved + level.reserved, available: total.available + availableOf(level) }),
    { onHand: 0, reserved: 0, available: 0 },
  );
  return { onHand: clampToInt32(sum.onHand), reserved: clampToInt32(sum.reserved), available: clampToInt32(sum.available) };
}

/** The stock levels of a product, per warehouse. */
export function inventoryLevelsOfProduct(ctx: RequestContext, product: ProductModel): Promise<InventoryLevelModel[]> {
  return ctx.router.serves("inventory", product.source) ? ctx.loaders.inventoryLevels.load(product) : Promise.resolve([]);
}

/** The units a product is sold in, base unit first. */
export async function unitsOfProduct(ctx: RequestContext, product: ProductModel) {
  const units = await ctx.loaders.productUnits.load(product);
  return units.length > 0 ? units : [{ code: product.baseUnit, name: product.baseUnit, factor: 1 }];
}

/**
 * The price of a product for the buyer: the account given (API keys), or the
 * signed-in customer's own, or list prices when there is no account.
 */
export async function priceOfProduct(
  ctx: RequestContext,
  product: ProductModel,
  args: ProductPriceArgs,
): Promise<ProductPriceModel> {
  const requested: SourceRef | null = args.accountId != null ? toRef(expectGlobalId(args.accountId, "Account", "accountId")) : null;
  const accountRef = pricingAccountOf(ctx.principal, requested);
  // Reading the account itself is allowed here: pricing rights were checked above.
  const account = accountRef && ctx.router.serves("accounts", accountRef.source) ? await ctx.loaders.account.load(accountRef) : null;
  if (accountRef && !account) throw badUserInput("`accountId` does not name an existing account.", "accountId");
  const accountKey = account && account.source === product.source ? account.key : null;
  const [units, tiers] = await Promise.all([
    unitsOfProduct(ctx, product),
    ctx.loaders.priceTiers.load({ product, accountKey }),
  ]);
  return resolvePrice({ product, units, tiers, account, quantity: args.quantity ?? 1, unitCode: args.unit ?? null });
}

/** The products an account may not buy (the account was authorised when it was read). */
export async function restrictedProductsOf(ctx: RequestContext, account: AccountModel): Promise<ProductModel[]> {
  const keys = await ctx.loaders.restrictedProductKeys.load(account);
  const products = await Promise.all(keys.map((key) => ctx.loaders.product.load({ source: account.source, key })));
  return products.filter((p): p is ProductModel => p !== null);
}

function toRef(gid: { connector: string; key: string }): SourceRef {
  return { source: gid.connector, key: gid.key };
}

/** A category by global ID; null when not found. */
export async function categoryById(ctx: RequestContext, id: string): Promise<CategoryModel | null> {
  const gid = expectGlobalId(id, "Category");
  return ctx.router.serves("catalog", gid.connector) ? ctx.loaders.category.load({ source: gid.connector, key: gid.key }) : null;
}

/** A page of categories by name, optionally only the top level. */
export async function listCategories(ctx: RequestContext, args: QueryCategoriesArgs, path?: Path): Promise<ConnectionModel<CategoryModel>> {
  const page = toPageRequest(args);
  const fetch = (reader: CatalogReader, _: string, request: PageRequest) => reader.listCategories({ page: request, sort: "NAME", filter: { topLevel: args.topLevel } });
  return toConnection(await ctx.router.list("catalog", page, fetch, reportMissingSource(ctx, path)));
}
