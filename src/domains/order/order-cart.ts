/** The cart an order or a quote is made from: who buys, which products and units, from which warehouse, at what price. */
import { badUserInput, forbidden, unauthenticated } from "../../common/errors.js";
import { expectGlobalId, toGlobalId } from "../../common/ids.js";
import { toCents } from "../../common/money.js";
import { computedAmountError, INPUT_LIMITS } from "../../common/input-limits.js";
import type { RequestContext } from "../../context.js";
import type { AccountModel, ShipToModel } from "../../models/account.js";
import type { SourceRef } from "../../models/common.js";
import type { ProductModel } from "../../models/product.js";
import type { OrderLineInput, OrderPlaceInput } from "../../generated/graphql.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { isAdmin } from "../../auth/principal.js";
import { resolvePrice } from "../product/product-price.js";
import { unitsOfProduct } from "../product/product.service.js";

/** A validated, priced line. */
export interface PricedLine {
  product: ProductModel;
  quantity: number;
  unit: string;
  factor: number;
  unitPrice: string;
  lineTotal: string;
  currency: string;
  warehouseKey: string | null;
  checkStock: boolean;
}

/** The account an order is placed for: a customer's own; for admin keys the one named. */
export function buyerOf(ctx: RequestContext, accountId: string | null | undefined): SourceRef {
  const requested = accountId != null ? expectGlobalId(accountId, "Account", "input.accountId") : null;
  const ref = requested ? { source: requested.connector, key: requested.key } : null;
  const principal = ctx.principal;
  if (principal.kind === "ANONYMOUS") throw unauthenticated("Sign in to place orders.");
  if (principal.kind === "CUSTOMER") {
    if (ref && (ref.source !== principal.account.source || ref.key !== principal.account.key)) throw forbidden("Customers may only order for their own account.");
    return principal.account;
  }
  if (!isAdmin(principal)) throw forbidden("Ordering and asking for quotes need a customer access token or an admin API key.");
  if (!ref) throw badUserInput("`input.accountId` is required when ordering with an API key.", "input.accountId");
  return ref;
}

async function productOfLine(ctx: RequestContext, line: OrderLineInput, field: string[]): Promise<ProductModel | UserErrorModel> {
  if ((line.productId == null) === (line.sku == null)) return userError("INVALID", field, "Give either productId or sku.");
  const product = await productNamed(ctx, line);
  if (product) return product;
  return line.productId != null
    ? userError("NOT_FOUND", [...field, "productId"], `No product with ID ${line.productId}.`)
    : userError("NOT_FOUND", [...field, "sku"], `No product with SKU ${line.sku}.`);
}

/** The warehouse a line ships from: the one asked for, the account's default, or the one with most stock. */
async function warehouseOfLine(ctx: RequestContext, line: OrderLineInput, account: AccountModel, product: ProductModel, field: string[]): Promise<string | null | UserErrorModel> {
  if (line.warehouseId != null) {
    const warehouse = await warehouseNamed(ctx, line.warehouseId);
    return warehouse && warehouse.source === product.source ? warehouse.key : userError("NOT_FOUND", [...field, "warehouseId"], `No warehouse with ID ${line.warehouseId}.`);
  }
  return defaultWarehouseFor(ctx, account, product);
}

/** Where a line ships from when it names no warehouse: the account's default, else the warehouse with most stock available. */
export async function defaultWarehouseFor(ctx: RequestContext, account: AccountModel, product: ProductModel): Promise<string | null> {
  if (account.defaultWarehouseKey) return account.defaultWarehouseKey;
  const levels = await ctx.loaders.inventoryLevels.load(product);
  const best = [...levels].sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved))[0];
  return best?.warehouseKey ?? null;
}

/** Validates and prices every line; collects every problem, each naming its line. */
export async function priceLines(ctx: RequestContext, input: Pick<OrderPlaceInput, "lines" | "kind">, account: AccountModel): Promise<PricedLine[]> {
  const errors: UserErrorModel[] = [];
  if (input.lines.length < 1 || input.lines.length > 100) failWith("INVALID", ["input", "lines"], "An order needs 1 to 100 lines.");
  const restricted = new Set(await ctx.loaders.restrictedProductKeys.load(account));
  const priced: PricedLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    const field = ["input", "lines", String(index)];
    const product = await productOfLine(ctx, line, field);
    if ("code" in product) {
      errors.push(product);
      continue;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      errors.push(userError("INVALID", [...field, "quantity"], `Line ${index + 1}: quantity must be a whole number of at least 1.`));
      continue;
    }
    if (restricted.has(product.key) && product.source === account.source) {
      errors.push(userError("PRODUCT_RESTRICTED", field, `Line ${index + 1}: ${product.sku} may not be sold to this account.`));
      continue;
    }
    const units = await unitsOfProduct(ctx, product);
    const unit = units.find((u) => u.code === (line.unit ?? product.baseUnit));
    if (!unit) {
      errors.push(userError("INVALID", [...field, "unit"], `Line ${index + 1}: ${product.sku} is sold in ${units.map((u) => u.code).join(", ")}, not ${line.unit}.`));
      continue;
    }
    const warehouseKey = await warehouseOfLine(ctx, line, account, product, field);
    if (warehouseKey !== null && typeof warehouseKey === "object") {
      errors.push(warehouseKey);
      continue;
    }
    if (line.quantity * unit.factor > INPUT_LIMITS.quantity) {
      errors.push(userError("INVALID", [...field, "quantity"], `Line ${index + 1}: ${line.quantity} ${unit.code} is ${line.quantity * unit.factor} base units; a line holds at most ${INPUT_LIMITS.quantity}.`));
      continue;
    }
    const tiers = await ctx.loaders.priceTiers.load({ product, accountKey: account.source === product.source ? account.key : null });
    const price = resolvePrice({ product, units, tiers, account, quantity: line.quantity, unitCode: unit.code });
    const tooMuch = computedAmountError(toCents(price.total.amount), [...field, "quantity"], `Line ${index + 1}'s total`);
    if (tooMuch) {
      errors.push(tooMuch);
      continue;
    }
    priced.push({
      product,
      quantity: line.quantity,
      unit: unit.code,
      factor: unit.factor,
      unitPrice: price.unitPrice.amount,
      lineTotal: price.total.amount,
      currency: price.unitPrice.currencyCode,
      warehouseKey,
      checkStock: input.kind !== "PREORDER" && !product.specialOrder,
    });
  }
  const total = computedAmountError(
    priced.reduce((sum, line) => sum + toCents(line.lineTotal), 0n),
    ["input", "lines"],
    "The total",
  );
  if (total) errors.push(total);
  if (errors.length > 0) throw new UserErrors(errors);
  return priced;
}

/** The ship-to of an order: the one named (it must be the account's), else the account's default. */
export async function shipToFor(ctx: RequestContext, account: AccountModel, shipToId: string | null | undefined): Promise<ShipToModel | null> {
  const shipTos = await ctx.loaders.shipTosOfAccount.load(account);
  if (shipToId == null) return shipTos.find((s) => s.isDefault) ?? shipTos[0] ?? null;
  const shipTo = shipTos.find((s) => toGlobalId(s.source, "ShipTo", s.key) === shipToId);
  if (!shipTo) failWith("INVALID", ["input", "shipToId"], "This ship-to does not belong to the account.");
  return shipTo;
}
