import { z } from "zod";
import { defineKind } from "../kind.js";
import { createEconnectConnector, ECONNECT_APPLIES } from "./econnect-connector.js";

/** `econnect`: the Nikrad eConnect XML command API. */
export const econnectKind = defineKind({
  name: "econnect",
  summary: "the Nikrad eConnect XML command API (form-encoded POSTs with the `apikey`, XML `packet` answers)",
  settings: z.object({
    url: z.string().url(),
    apiKey: z.string().min(1),
    warehouseCode: z.string().min(1).default("MAIN"),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code").default("USD"),
  }),
  capabilities: { reads: { accounts: [], catalog: ["units"], inventory: [] }, applies: ECONNECT_APPLIES, delivery: "push" },
  create: ({ name, settings }) =>
    createEconnectConnector({ name, url: settings.url, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, warehouseCode: settings.warehouseCode, currencyCode: settings.currencyCode }),
});
