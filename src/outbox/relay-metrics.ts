import { Counter } from "prom-client";

/**
 * Deliveries made by the relay in this process, by connector and outcome:
 * `delivered`, `retrying` (a transient failure, tried again later) or `failed`.
 * Registered in no registry of its own: each server's metrics include it.
 */
export const relayDeliveries = new Counter({
  name: "commerce_graph_relay_deliveries_total",
  help: "Delivery attempts of the relay in this process, by connector and outcome (delivered, retrying, failed).",
  labelNames: ["connector", "outcome"],
  registers: [],
});
