import type { DataSource } from "typeorm";
import { returnedRows } from "../db/returning.js";
import { forgetVerifiedCredentials } from "./credential-cache.js";
import { characters, TEXT_LIMITS } from "../common/input-limits.js";
import { verifyAgainstNothing, verifyPassword } from "./password.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import type { Principal } from "./principal.js";
import { CUSTOMER_TOKEN_PREFIX, digest, newSecret } from "./tokens.js";

/** How long a customer access token works. */
export const CUSTOMER_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Checks a customer's e-mail (case-insensitive) and password and issues an access
 * token; null when they do not match (the caller does not learn which was wrong).
 * An unknown e-mail costs the same scrypt work as a wrong password.
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
  if (!account?.password_hash) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, account.password_hash))) return null;
  const accessToken = newSecret(CUSTOMER_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + CUSTOMER_TOKEN_TTL_MS);
  await dataSource.query(`INSERT INTO customer_access_token (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
    account.id,
    digest(accessToken),
    expiresAt,
  ]);
  return { accessToken, expiresAt };
}

/** What `customerAccessTokenCreate` answers. */
export interface SignInResult {
  customerAccessToken: { accessToken: string; expiresAt: Date } | null;
  userErrors: Array<{ field: string[]; message: string; code: "INVALID" | "INVALID_CREDENTIALS" }>;
}

/**
 * `customerAccessTokenCreate`: checks the input's maxima, takes the attempt
 * from the throttle (per e-mail and per client address; `THROTTLED` when
 * spent), checks the credentials, and gives the attempt back when they were right.
 */
export async function signInCustomer(dataSource: DataSource, throttle: SignInThrottle, clientIp: string, input: { email: string; password: string }): Promise<SignInResult> {
  if (characters(input.email) > TEXT_LIMITS.email) return { customerAccessToken: null, userErrors: [{ field: ["input", "email"], message: `At most ${TEXT_LIMITS.email} characters.`, code: "INVALID" }] };
  if (characters(input.password) > TEXT_LIMITS.password) return { customerAccessToken: null, userErrors: [{ field: ["input", "password"], message: `At most ${TEXT_LIMITS.password} characters.`, code: "INVALID" }] };
  const succeeded = await throttle.attempt(input.email, clientIp);
  const token = await createCustomerToken(dataSource, input.email, input.password);
  if (!token) return { customerAccessToken: null, userErrors: [{ field: ["input", "email"], message: "The e-mail or password is wrong.", code: "INVALID_CREDENTIALS" }] };
  await succeeded();
  return { customerAccessToken: token, userErrors: [] };
}

/** The most characters an access token may have (ours have 47): a longer one is refused before it is hashed. */
const TOKEN_MAX_CHARACTERS = 200;

/** `customerAccessTokenDelete`: revokes the token; a token longer than any is `INVALID`. */
export async function signOutCustomer(dataSource: DataSource, token: string): Promise<{ deleted: boolean; userErrors: Array<{ field: string[]; message: string; code: "INVALID" }> }> {
  if (characters(token) > TOKEN_MAX_CHARACTERS) return { deleted: false, userErrors: [{ field: ["accessToken"], message: `At most ${TOKEN_MAX_CHARACTERS} characters.`, code: "INVALID" }] };
  return { deleted: await revokeCustomerToken(dataSource, token), userErrors: [] };
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
