import type { Router } from "../../connectors/router.js";
import { refLoader } from "../../common/loaders.js";
import type { OrderEventModel, OrderLineModel, OrderModel, ShipmentModel } from "../../models/order.js";

/** Per-request loaders for orders. */
export function createOrderLoaders(router: Router) {
  const orders = (source: string) => router.readerOf("orders", source);
  return {
    order: refLoader<OrderModel | null>((source, keys) => orders(source).byKeys(keys)),
    orderLines: refLoader<OrderLineModel[]>((source, keys) => orders(source).linesOf(keys)),
    orderShipments: refLoader<ShipmentModel[]>((source, keys) => orders(source).shipmentsOf(keys)),
    orderEvents: refLoader<OrderEventModel[]>((source, keys) => orders(source).eventsOf(keys)),
  };
}
