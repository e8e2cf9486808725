import { badUserInput } from "../../common/errors.js";
import { money, multiply, type MoneyModel } from "../../common/money.js";
import type { AccountModel } from "../../models/account.js";
import type { PriceBreakModel, PriceSourceModel, PriceTiersModel, ProductModel, UnitModel } from "../../models/product.js";

/** A resolved price, as the `ProductPrice` type shows it. */
export interface ProductPriceModel {
  unitPrice: MoneyModel;
  total: MoneyModel;
  listUnitPrice: MoneyModel;
  quantity: number;
  unit: UnitModel;
  source: PriceSourceModel;
  breaks: PriceBreakModel[];
  account: AccountModel | null;
}

/**
 * Picks the price of `quantity` × `unit` from the tiers that apply: the tier with
 * the largest minimum quantity not above the quantity in base units, scaled to
 * the unit. Falls back to the list price when no tier applies.
 */
export function resolvePrice(options: {
  product: ProductModel;
  units: UnitModel[];
  tiers: PriceTiersModel;
  account: AccountModel | null;
  quantity: number;
  unitCode: string | null;
}): ProductPriceModel {
  const { product, units, tiers, quantity } = options;
  if (!Number.isInteger(quantity) || quantity < 1) throw badUserInput(`\`quantity\` must be a whole number of at least 1, got ${quantity}.`, "quantity");
  const unitCode = options.unitCode ?? product.baseUnit;
  const unit = units.find((u) => u.code === unitCode) ?? (unitCode === product.baseUnit ? { code: unitCode, name: unitCode, factor: 1 } : null);
  if (!unit) {
    throw badUserInput(`Product ${product.sku} is not sold in unit "${unitCode}"; use one of ${units.map((u) => u.code).join(", ")}.`, "unit");
  }
  const baseQuantity = quantity * unit.factor;
  const applicable = tiers.tiers.filter((t) => t.minQuantity <= baseQuantity);
  const tier = applicable.reduce<PriceBreakModel | null>((best, t) => (!best || t.minQuantity > best.minQuantity ? t : best), null);
  const basePrice = tier?.unitPrice ?? product.listPrice;
  const currency = basePrice.currencyCode;
  const unitAmount = multiply(basePrice.amount, unit.factor);
  return {
    unitPrice: money(unitAmount, currency),
    total: money(multiply(unitAmount, quantity), currency),
    listUnitPrice: money(multiply(product.listPrice.amount, unit.factor), product.listPrice.currencyCode),
    quantity,
    unit,
    source: tier ? tiers.source : "LIST",
    breaks: tier ? tiers.tiers : [],
    account: options.account,
  };
}
