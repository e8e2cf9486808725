import type { MoneyModel, RecordSourceModel, SourceRef } from "./common.js";

/** A catalog product as connectors return it (without its sub-lists, which load separately). */
export interface ProductModel extends SourceRef {
  sku: string;
  barcode: string | null;
  name: string;
  description: string;
  images: Array<{ url: string; altText: string | null }>;
  baseUnit: string;
  listPrice: MoneyModel;
  specialOrder: boolean;
  presell: boolean;
  restricted: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** The latest command a mutation made for it, if any. */
  lastCommandId?: string | null;
  /** The connector whose sync or pushed change last wrote it, and when; null when none did (or the reader does not know). */
  synced?: RecordSourceModel | null;
}

/** A unit a product is sold in. */
export interface UnitModel {
  code: string;
  name: string;
  factor: number;
}

/** A quantity price break, per base unit. */
export interface PriceBreakModel {
  minQuantity: number;
  unitPrice: MoneyModel;
}

/** One component of a kit (keys refer to the kit's connector). */
export interface KitComponentModel {
  source: string;
  productKey: string;
  quantity: number;
}

/** A related product (keys refer to the product's connector). */
export interface RelatedProductModel {
  source: string;
  kind: string;
  productKey: string;
}

/** A category. */
export interface CategoryModel extends SourceRef {
  slug: string;
  name: string;
  parentKey: string | null;
}

/** Where a contract price comes from. */
export type PriceSourceModel = "LIST" | "CUSTOMER_GROUP" | "ACCOUNT";

/**
 * The price tiers that apply to one product for one account, per base unit:
 * the chosen price list's entries (min quantity 1 and breaks), smallest first.
 */
export interface PriceTiersModel {
  source: PriceSourceModel;
  tiers: PriceBreakModel[];
}

/** Filter of the product list. */
export interface ProductFilterModel {
  search?: string | null;
  /** Category key in the same connector. */
  categoryKey?: string | null;
  skus?: string[] | null;
  available?: boolean | null;
}

/** Sort keys of the product list. */
export type ProductSort = "SKU" | "NAME" | "CREATED_AT";
