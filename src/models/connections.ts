import type { ConnectionModel } from "../common/pagination.js";
import type { AccountModel } from "./account.js";
import type { CommandModel } from "./command.js";
import type { InvoiceModel } from "./invoice.js";
import type { OrderModel } from "./order.js";
import type { CategoryModel, ProductModel } from "./product.js";
import type { QuoteModel } from "./quote.js";
import type { InventoryLevelModel, WarehouseModel } from "./warehouse.js";

/** Connection models per type, for the generated resolver types. */
export type AccountConnectionModel = ConnectionModel<AccountModel>;
export type ProductConnectionModel = ConnectionModel<ProductModel>;
export type CategoryConnectionModel = ConnectionModel<CategoryModel>;
export type WarehouseConnectionModel = ConnectionModel<WarehouseModel>;
export type InventoryLevelConnectionModel = ConnectionModel<InventoryLevelModel>;
export type OrderConnectionModel = ConnectionModel<OrderModel>;
export type InvoiceConnectionModel = ConnectionModel<InvoiceModel>;
export type QuoteConnectionModel = ConnectionModel<QuoteModel>;
export type CommandConnectionModel = ConnectionModel<CommandModel>;
