import type { DataSource } from "typeorm";
import { returnedRows } from "../db/returning.js";
import { forgetVerifiedCredentials } from "./credential-cache.js";
import { verifyPassword } from "./password.js";
import type { Principal } from "./principal.js";
import { CUSTOMER_TOKEN_PREFIX, digest, newSecret } from "./tokens.js";

/** How long a customer access token works. */
export const CUSTOMER_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Checks a customer's e-mail (case-insensitive) and password and issues an access
 * token; null when they do not match (the caller does not learn which was wrong).
 */
export async function createCustomerToken(
  dataSource: DataSource,
  email: string,
  password: string,
): Promise<{ accessToken: string; expiresAt: Date } | null> {
  const [account] = (await dataSource.query(`SELECT id, password_hash FROM account WHERE lower(email) = lower($1) AND deleted_at IS NULL`, [email.trim()])) as Array<{
    id: string;
    password_hash: string | null;
  }>;
  if (!account?.password_hash || !(await verifyPassword(password, account.password_hash))) return null;
  const accessToken = newSecret(CUSTOMER_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + CUSTOMER_TOKEN_TTL_MS);
  await dataSource.query(`INSERT INTO customer_access_token (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
    account.id,
    digest(accessToken),
    expiresAt,
  ]);
  return { accessToken, expiresAt };
}

/** Revokes a customer token; true when it was valid until now. Knowing the token is the authority to revoke it. */
export async function revokeCustomerToken(dataSource: DataSource, token: string): Promise<boolean> {
  const result: unknown = await dataSource.query(`UPDATE customer_access_token SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id`, [digest(token)]);
  forgetVerifiedCredentials();
  return returnedRows(result).length > 0;
}

/** Revokes every token of an account (it was deleted). */
export async function revokeTokensOfAccount(dataSource: Pick<DataSource, "query">, accountKey: string): Promise<void> {
  await dataSource.query(`UPDATE customer_access_token SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountKey]);
  forgetVerifiedCredentials();
}

/** The principal of a customer token and when the token expires, or null when it is unknown, expired or revoked. */
export async function principalOfCustomerToken(dataSource: DataSource, token: string, storeName: string): Promise<{ principal: Principal; expiresAt: Date } | null> {
  const [row] = (await dataSource.query(
    `SELECT id, account_id, expires_at FROM customer_access_token WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [digest(token)],
  )) as Array<{ id: string; account_id: string; expires_at: Date }>;
  return row ? { principal: { kind: "CUSTOMER", tokenId: row.id, account: { source: storeName, key: row.account_id }, scopes: ["customer"] }, expiresAt: row.expires_at } : null;
}
