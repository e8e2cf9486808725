import type { Router } from "../../connectors/router.js";
import { keyLoader, refLoader, sourceGroupedLoader } from "../../common/loaders.js";
import type { SourceRef } from "../../models/common.js";
import type {
  CategoryModel,
  KitComponentModel,
  PriceBreakModel,
  PriceTiersModel,
  ProductModel,
  RelatedProductModel,
  UnitModel,
} from "../../models/product.js";

/** A request for the price tiers of one product for one account (null: list prices). */
export interface PriceTiersKey {
  product: SourceRef;
  accountKey: string | null;
}

/** Per-request loaders for the catalog. */
export function createProductLoaders(router: Router) {
  const catalog = (source: string) => router.readerOf("catalog", source);
  return {
    product: refLoader<ProductModel | null>((source, keys) => catalog(source).productsByKeys(keys)),
    productBySku: keyLoader<ProductModel | null>((skus) => router.firstFound("catalog", skus, (reader, keys) => reader.productsBySkus(keys))),
    /** By SKU in one named connector: `{ source, key: sku }` (the store's record of a product, for mutations). */
    productBySkuIn: refLoader<ProductModel | null>((source, skus) => catalog(source).productsBySkus(skus)),
    productByBarcode: keyLoader<ProductModel | null>((codes) => router.firstFound("catalog", codes, (reader, keys) => reader.productsByBarcodes(keys))),
    productUnits: refLoader<UnitModel[]>((source, keys) => catalog(source).unitsOf(keys)),
    productPriceBreaks: refLoader<PriceBreakModel[]>((source, keys) => catalog(source).priceBreaksOf(keys)),
    productKitComponents: refLoader<KitComponentModel[]>((source, keys) => catalog(source).kitComponentsOf(keys)),
    productRelated: refLoader<RelatedProductModel[]>((source, keys) => catalog(source).relatedProductsOf(keys)),
    productCategories: refLoader<CategoryModel[]>((source, keys) => catalog(source).categoriesOf(keys)),
    category: refLoader<CategoryModel | null>((source, keys) => catalog(source).categoriesByKeys(keys)),
    categoryBySlug: keyLoader<CategoryModel | null>((slugs) => router.firstFound("catalog", slugs, (reader, keys) => reader.categoriesBySlugs(keys))),
    categoryChildren: refLoader<CategoryModel[]>((source, keys) => catalog(source).childCategoriesOf(keys)),
    priceTiers: sourceGroupedLoader<PriceTiersKey, PriceTiersModel>({
      sourceOf: (request) => request.product.source,
      cacheKey: (request) => `${request.product.source}\u0000${request.product.key}\u0000${request.accountKey ?? ""}`,
      fetch: (source, requests) => catalog(source).priceTiers(requests.map((r) => ({ productKey: r.product.key, accountKey: r.accountKey }))),
    }),
  };
}
