import type { EntityManager } from "typeorm";
import type { TypedCommand } from "../commands/command-payloads.js";
import type { CommandType } from "../commands/command-types.js";
import type { Page, PageRequest } from "../common/pagination.js";
import type { AccountFilterModel, AccountModel, AccountSort, PaymentMethodModel, ShipToModel } from "../models/account.js";
import type { InvoiceFilterModel, InvoiceLineModel, InvoiceModel, InvoicePaymentModel, InvoiceSort } from "../models/invoice.js";
import type { OrderEventModel, OrderFilterModel, OrderLineModel, OrderModel, OrderSort, ShipmentModel } from "../models/order.js";
import type {
  CategoryModel,
  KitComponentModel,
  PriceBreakModel,
  PriceTiersModel,
  ProductFilterModel,
  ProductModel,
  ProductSort,
  RelatedProductModel,
  UnitModel,
} from "../models/product.js";
import type { QuoteFilterModel, QuoteLineModel, QuoteModel, QuoteSort } from "../models/quote.js";
import type { InventoryLevelFilterModel, InventoryLevelModel, WarehouseModel, WarehouseSort } from "../models/warehouse.js";

/**
 * The contract between Commerce Graph and a backend. Every read is a batch:
 * methods take many keys and return one result per key, in the same order
 * (null or an empty list where there is nothing), so that per-request
 * DataLoaders can collapse N lookups into one call.
 */

/** A list read: which page, sorted how, filtered how. */
export interface ListQuery<Filter, Sort> {
  page: PageRequest;
  sort: Sort;
  filter: Filter;
}

/** Reads warehouses. */
export interface WarehouseReader {
  byKeys(keys: readonly string[]): Promise<Array<WarehouseModel | null>>;
  byCodes(codes: readonly string[]): Promise<Array<WarehouseModel | null>>;
  list(query: ListQuery<Record<string, never>, WarehouseSort>): Promise<Page<WarehouseModel>>;
}

/** Reads the catalog: products, their details, categories and prices. */
export interface CatalogReader {
  productsByKeys(keys: readonly string[]): Promise<Array<ProductModel | null>>;
  productsBySkus(skus: readonly string[]): Promise<Array<ProductModel | null>>;
  productsByBarcodes(barcodes: readonly string[]): Promise<Array<ProductModel | null>>;
  listProducts(query: ListQuery<ProductFilterModel, ProductSort>): Promise<Page<ProductModel>>;
  unitsOf(productKeys: readonly string[]): Promise<UnitModel[][]>;
  priceBreaksOf(productKeys: readonly string[]): Promise<PriceBreakModel[][]>;
  kitComponentsOf(productKeys: readonly string[]): Promise<KitComponentModel[][]>;
  relatedProductsOf(productKeys: readonly string[]): Promise<RelatedProductModel[][]>;
  categoriesOf(productKeys: readonly string[]): Promise<CategoryModel[][]>;
  categoriesByKeys(keys: readonly string[]): Promise<Array<CategoryModel | null>>;
  categoriesBySlugs(slugs: readonly string[]): Promise<Array<CategoryModel | null>>;
  childCategoriesOf(categoryKeys: readonly string[]): Promise<CategoryModel[][]>;
  listCategories(query: ListQuery<{ topLevel?: boolean | null }, "NAME">): Promise<Page<CategoryModel>>;
  /**
   * The price tiers (per base unit) that apply to each product for each account:
   * the account's own price list, else its customer group's, else the list price
   * and its breaks. `accountKey` null asks for list prices.
   */
  priceTiers(requests: ReadonlyArray<{ productKey: string; accountKey: string | null }>): Promise<PriceTiersModel[]>;
}

/** Reads stock levels. */
export interface InventoryReader {
  levelsOf(productKeys: readonly string[]): Promise<InventoryLevelModel[][]>;
  listLevelsOfWarehouse(
    warehouseKey: string,
    query: ListQuery<InventoryLevelFilterModel, "SKU">,
  ): Promise<Page<InventoryLevelModel>>;
}

/** Reads accounts and their ship-tos. */
export interface AccountReader {
  byKeys(keys: readonly string[]): Promise<Array<AccountModel | null>>;
  /** Case-insensitive. */
  byEmails(emails: readonly string[]): Promise<Array<AccountModel | null>>;
  byCodes(codes: readonly string[]): Promise<Array<AccountModel | null>>;
  list(query: ListQuery<AccountFilterModel, AccountSort>): Promise<Page<AccountModel>>;
  shipTosOf(accountKeys: readonly string[]): Promise<ShipToModel[][]>;
  shipTosByKeys(keys: readonly string[]): Promise<Array<ShipToModel | null>>;
  subAccountsOf(accountKeys: readonly string[]): Promise<AccountModel[][]>;
  restrictedProductKeysOf(accountKeys: readonly string[]): Promise<string[][]>;
  paymentMethodsOf(accountKeys: readonly string[]): Promise<PaymentMethodModel[][]>;
  paymentMethodsByKeys(keys: readonly string[]): Promise<Array<PaymentMethodModel | null>>;
}

/** Reads orders. */
export interface OrderReader {
  byKeys(keys: readonly string[]): Promise<Array<OrderModel | null>>;
  list(query: ListQuery<OrderFilterModel, OrderSort>): Promise<Page<OrderModel>>;
  linesOf(orderKeys: readonly string[]): Promise<OrderLineModel[][]>;
  shipmentsOf(orderKeys: readonly string[]): Promise<ShipmentModel[][]>;
  /** Each order's history, oldest first (optional part `events`). */
  eventsOf(orderKeys: readonly string[]): Promise<OrderEventModel[][]>;
}

/** Reads invoices. */
export interface InvoiceReader {
  byKeys(keys: readonly string[]): Promise<Array<InvoiceModel | null>>;
  list(query: ListQuery<InvoiceFilterModel, InvoiceSort>): Promise<Page<InvoiceModel>>;
  linesOf(invoiceKeys: readonly string[]): Promise<InvoiceLineModel[][]>;
  paymentsOf(invoiceKeys: readonly string[]): Promise<InvoicePaymentModel[][]>;
  invoicesOfOrders(orderKeys: readonly string[]): Promise<InvoiceModel[][]>;
}

/** Reads quotes. */
export interface QuoteReader {
  byKeys(keys: readonly string[]): Promise<Array<QuoteModel | null>>;
  list(query: ListQuery<QuoteFilterModel, QuoteSort>): Promise<Page<QuoteModel>>;
  linesOf(quoteKeys: readonly string[]): Promise<QuoteLineModel[][]>;
}

/** The readers a connector may offer, by domain. */
export interface DomainReaders {
  warehouses: WarehouseReader;
  catalog: CatalogReader;
  inventory: InventoryReader;
  accounts: AccountReader;
  orders: OrderReader;
  invoices: InvoiceReader;
  quotes: QuoteReader;
}

/** A domain name: a key of {@link DomainReaders}. */
export type Domain = keyof DomainReaders;

/** Every domain, in a stable order. */
export const DOMAINS: readonly Domain[] = ["warehouses", "catalog", "inventory", "accounts", "orders", "invoices", "quotes"];

/**
 * A backend. A connector offers a reader for each domain it can serve; the
 * config decides which connector serves which domain.
 */
export interface Connector {
  /** Unique name from the config; appears in global IDs. */
  readonly name: string;
  /** Implementation kind, for example `store`. */
  readonly kind: string;
  /** The domains this connector can read. */
  readonly readers: Partial<DomainReaders>;
  /** Applies commands from the outbox, when the connector accepts writes. */
  readonly writer?: CommandWriter;
  /** Releases connections and timers. */
  close?(): Promise<void>;
  /**
   * Only connectors over Commerce Graph's own database: the same connector
   * reading through a mutation's transaction (`manager`), so that what the
   * mutation decides on is consistent with its writes and takes no second
   * connection from the pool. These reads are statements of the transaction:
   * no timeout or circuit breaker of their own.
   */
  inTransaction?(manager: EntityManager): Connector;
}

/** What every outbox command carries besides its type and payload. */
export interface OutboxCommandEnvelope {
  /** The outbox row id. */
  id: string;
  /** What the command is about, for example `Order` and the order's key. */
  aggregateType: string;
  aggregateId: string;
  /**
   * Sent with every delivery of this command to this connector; a backend that
   * deduplicates by it applies the command once however often it is delivered.
   */
  idempotencyKey: string;
  /**
   * The reference this connector returned for the latest command of the same
   * aggregate it applied (the ERP's invoice id when a payment follows), if any.
   */
  previousReference?: string | null;
}

/**
 * A command as the relay hands it to a connector: one outbox row. A union on
 * `type` (see `CommandPayloads`): `if (command.type === "orderPlace")` narrows
 * `command.payload` to that command's payload type.
 */
export type OutboxCommand<T extends CommandType = CommandType> = OutboxCommandEnvelope & TypedCommand<T>;

/** What a backend returned for an applied command. */
export interface ApplyResult {
  /** The backend's reference for the entity (its order number, customer id…). */
  reference?: string | null;
  /** Anything else worth keeping from the answer. */
  details?: Record<string, unknown>;
}


/** Applies commands to a backend. */
export interface CommandWriter {
  /** The command types this connector can apply. */
  readonly applies: readonly string[];
  /**
   * Applies one command. Throws `PermanentDeliveryError` or
   * `TransientDeliveryError` (see `errors.ts`); any other error counts as transient.
   */
  apply(command: OutboxCommand): Promise<ApplyResult>;
}
