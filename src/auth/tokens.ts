import { createHash, randomBytes } from "node:crypto";

/** Prefix of API keys. */
export const API_KEY_PREFIX = "cgk_";
/** Prefix of customer access tokens. */
export const CUSTOMER_TOKEN_PREFIX = "cgc_";

/** A new random secret with a prefix: 32 random bytes, base64url. */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

/**
 * The digest stored for a secret. Secrets are 256-bit random strings, so a fast
 * hash is enough (no dictionary to guess from); the database never holds the secret.
 */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
