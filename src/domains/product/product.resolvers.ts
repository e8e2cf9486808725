import { exactlyOne } from "../../common/arguments.js";
import { connectionResolvers, globalIdOf } from "../../common/resolvers.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { Resolvers } from "../../generated/graphql.js";
import { syncStatusOf } from "../../models/command.js";
import { lastCommandOf } from "../command/command.service.js";
import { commandPayload, freshEntity } from "../command/mutation-payload.js";
import { setInventory, updateProduct } from "./product.commands.js";
import { relationKindOf } from "./product-relation-kind.js";
import {
  categoryById,
  inventoryLevelsOfProduct,
  listCategories,
  inventorySummary,
  listProducts,
  priceOfProduct,
  productById,
  productOfReference,
  productsOfCategory,
  unitsOfProduct,
} from "./product.service.js";

/** Resolvers of `schema/product.graphql`. */
export const productResolvers: Resolvers = {
  Query: {
    product: (_, args, ctx) => {
      const { name, value } = exactlyOne(args, ["id", "sku", "barcode"]);
      if (name === "id") return productById(ctx, value);
      return (name === "sku" ? ctx.loaders.productBySku : ctx.loaders.productByBarcode).load(value);
    },
    products: (_, args, ctx, info) => listProducts(ctx, args, info.path),
    category: (_, args, ctx) => {
      const { name, value } = exactlyOne(args, ["id", "slug"]);
      return name === "id" ? categoryById(ctx, value) : ctx.loaders.categoryBySlug.load(value);
    },
    categories: (_, args, ctx, info) => listCategories(ctx, args, info.path),
  },
  Mutation: {
    productUpdate: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await updateProduct(ctx, input, idempotencyKey);
      return { product: await freshEntity(ctx, outcome, ctx.loaders.product, outcome.entityKey ? { source: STORE, key: outcome.entityKey } : null), ...(await commandPayload(ctx, outcome)) };
    },
    inventorySet: async (_, { input, idempotencyKey }, ctx) => {
      const outcome = await setInventory(ctx, input, idempotencyKey);
      const [productKey, warehouseKey] = outcome.entityKey?.split("|") ?? [];
      const levels = productKey ? await freshEntity(ctx, outcome, ctx.loaders.inventoryLevels, { source: STORE, key: productKey }) : null;
      return { inventoryLevel: levels?.find((level) => level.warehouseKey === warehouseKey) ?? null, ...(await commandPayload(ctx, outcome)) };
    },
  },
  Product: {
    id: globalIdOf("Product"),
    categories: (product, _, ctx) => ctx.loaders.productCategories.load(product),
    baseUnit: async (product, _, ctx) => (await unitsOfProduct(ctx, product)).find((u) => u.code === product.baseUnit) ?? { code: product.baseUnit, name: product.baseUnit, factor: 1 },
    units: (product, _, ctx) => unitsOfProduct(ctx, product),
    isKit: async (product, _, ctx) => (await ctx.loaders.productKitComponents.load(product)).length > 0,
    kitComponents: (product, _, ctx) => ctx.loaders.productKitComponents.load(product),
    relatedProducts: async (product, { kinds }, ctx) => {
      const related = await ctx.loaders.productRelated.load(product);
      return kinds ? related.filter((r) => kinds.some((kind) => kind === r.kind)) : related;
    },
    priceBreaks: (product, _, ctx) => ctx.loaders.productPriceBreaks.load(product),
    price: (product, args, ctx) => priceOfProduct(ctx, product, args),
    inventory: async (product, _, ctx) => inventorySummary(await inventoryLevelsOfProduct(ctx, product)),
    inventoryLevels: (product, _, ctx) => inventoryLevelsOfProduct(ctx, product),
    syncStatus: async (product, _, ctx) => syncStatusOf(await lastCommandOf(ctx, product.lastCommandId)),
    lastCommand: (product, _, ctx) => lastCommandOf(ctx, product.lastCommandId),
    source: (product) => product.synced ?? null,
  },
  KitComponent: {
    product: async (component, _, ctx) => (await productOfReference(ctx, component))!,
  },
  RelatedProduct: {
    kind: (related) => relationKindOf(related.kind),
    product: async (related, _, ctx) => (await productOfReference(ctx, related))!,
  },
  Category: {
    id: globalIdOf("Category"),
    parent: (category, _, ctx) => (category.parentKey ? ctx.loaders.category.load({ source: category.source, key: category.parentKey }) : null),
    children: (category, _, ctx) => ctx.loaders.categoryChildren.load(category),
    products: (category, args, ctx) => productsOfCategory(ctx, category, args),
  },
  ProductConnection: connectionResolvers,
  CategoryConnection: connectionResolvers,
};
