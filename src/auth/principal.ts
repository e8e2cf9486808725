import type { SourceRef } from "../models/common.js";

/** Scopes an API key can carry. `storefront` reads catalog and prices; `admin` reads everything. */
export type ApiKeyScope = "storefront" | "admin";

/** Every API key scope, for validation. */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ["storefront", "admin"];

/** Who is making a request. Resolved once per request from the `Authorization` header. */
export type Principal =
  | { kind: "ANONYMOUS"; scopes: [] }
  | { kind: "API_KEY"; keyId: string; scopes: ApiKeyScope[] }
  | { kind: "CUSTOMER"; tokenId: string; account: SourceRef; scopes: ["customer"] };

/** The principal of a request without credentials. */
export const ANONYMOUS: Principal = { kind: "ANONYMOUS", scopes: [] };

/** True for an API key with the `admin` scope. */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === "API_KEY" && principal.scopes.includes("admin");
}
