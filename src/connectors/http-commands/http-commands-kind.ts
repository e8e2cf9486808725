import { z } from "zod";
import { HttpAuthSchema } from "../http/http-transport.js";
import { defineKind } from "../kind.js";
import { createHttpCommandsConnector } from "./http-commands-connector.js";

/** `http-commands`: any backend that takes commands as JSON over HTTP; it reads nothing. */
export const httpCommandsKind = defineKind({
  name: "http-commands",
  summary: "any backend that takes commands as JSON: `POST {url}/commands/{type}` with an `Idempotency-Key` header; a 2xx answer `{ \"reference\": \"…\" }` is the backend's id",
  settings: z.object({
    url: z.string().url(),
    token: z.string().min(1).optional(),
    auth: HttpAuthSchema.optional(),
    applies: z.array(z.string().min(1)).min(1),
  }),
  capabilities: { reads: {}, applies: "configured", delivery: "push" },
  create: ({ name, settings }) =>
    createHttpCommandsConnector({ name, url: settings.url, auth: settings.auth ?? (settings.token ? { bearer: settings.token } : undefined), timeoutMs: settings.timeoutMs, applies: settings.applies }),
});
