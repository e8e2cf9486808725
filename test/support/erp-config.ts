import { connectorsConfig, type ConnectorsConfig } from "../../src/connectors/connectors-config.js";
import { ALL_COMMAND_TYPES } from "../../src/commands/command-types.js";

/** A config that sends every command to the store and to the fake ERP. */
export function configWithErp(erpUrl: string, types: readonly string[] = ALL_COMMAND_TYPES): ConnectorsConfig {
  return connectorsConfig({
    connectors: { store: { kind: "store" }, erp: { kind: "http-commands", url: erpUrl, applies: [...types], timeoutMs: 2000 } },
    writes: Object.fromEntries(types.map((type) => [type, ["store", "erp"]])),
  });
}
