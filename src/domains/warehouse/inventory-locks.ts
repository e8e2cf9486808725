/**
 * Locking of stock rows moved to the store's inventory table module; this
 * name stays for the callers that still import it from here.
 */
export { lockLevels as lockInventoryRows } from "../../connectors/store/tables/inventory.js";
