import { z } from "zod";
import { defineKind } from "../kind.js";
import { createEconnectConnector, ECONNECT_APPLIES } from "./econnect-connector.js";
import { EconnectWalkSchema } from "./econnect-walk-settings.js";

/** `econnect`: the Nikrad eConnect XML command API. */
export const econnectKind = defineKind({
  name: "econnect",
  summary: "the Nikrad eConnect XML command API (form-encoded POSTs with the `apikey`, XML `packet` answers)",
  settings: z.object({
    url: z.string().url(),
    apiKey: z.string().min(1),
    warehouseCode: z.string().min(1).default("MAIN"),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code").default("USD"),
    /** How the scheduled walk of `inventory.list` pages, paces and reads the server (see `econnect-walk-settings.ts`). */
    walk: EconnectWalkSchema,
  }),
  // The guide's items are "updated at scheduled times": stock and names/prices are walked from `inventory.list`.
  capabilities: { reads: { accounts: [], catalog: ["units"], inventory: [] }, applies: ECONNECT_APPLIES, delivery: "push", sync: ["catalog", "inventory"] },
  create: ({ name, settings, dataSource }) =>
    createEconnectConnector(
      { name, url: settings.url, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, warehouseCode: settings.warehouseCode, currencyCode: settings.currencyCode },
      { walk: settings.walk, dataSource },
    ),
});
