import type { DataSource } from "typeorm";
import { characters, TEXT_LIMITS } from "../common/input-limits.js";
import { userError, type UserErrorModel } from "../common/user-errors.js";
import { queryCount, queryRow, type Queryable } from "../db/query-rows.js";
import type { CustomerAccessTokenCreateInput } from "../generated/graphql.js";
import { forgetVerifiedCredentials } from "./credential-cache.js";
import { verifyAgainstNothing, verifyPassword } from "./password.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import type { Principal } from "./principal.js";
import { CUSTOMER_TOKEN_PREFIX, digest, newSecret } from "./tokens.js";

/** How long a customer access token works. */
export const CUSTOMER_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Whom a sign-in is for: the live account its e-mail finds, if any, and whose allowance of failures it draws on. */
export interface SignInAccount {
  id: string | null;
  passwordHash: string | null;
  /**
   * The account's id when the e-mail finds one — every spelling that finds it
   * (any case, any Unicode folding PostgreSQL's `lower()` does) shares one
   * allowance — and otherwise the e-mail as `lower()` folds it.
   */
  throttleKey: string;
}

/**
 * Looks up the live account of an e-mail, case-insensitively as the unique
 * index on `lower(email)` compares: one statement, whether or not it exists.
 */
export async function findSignInAccount(dataSource: DataSource, email: string): Promise<SignInAccount> {
  const row = (await queryRow<{ folded: string; id: string | null; password_hash: string | null }>(
    dataSource,
    `SELECT lower($1::text) AS folded, account.id, account.password_hash
       FROM (VALUES (1)) AS one LEFT JOIN account ON lower(account.email) = lower($1::text) AND account.deleted_at IS NULL`,
    [email.trim()],
  ))!;
  return { id: row.id, passwordHash: row.password_hash, throttleKey: row.id ? `id:${row.id}` : `email:${digest(row.folded)}` };
}

/**
 * Checks a password against the account {@link findSignInAccount} found and
 * issues an access token; null when there is no such account or the password
 * is wrong (the caller does not learn which). An unknown e-mail costs the same
 * scrypt work as a wrong password.
 */
export async function createCustomerToken(dataSource: DataSource, account: SignInAccount, password: string): Promise<{ accessToken: string; expiresAt: Date } | null> {
  if (!account.id || !account.passwordHash) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, account.passwordHash))) return null;
  const accessToken = newSecret(CUSTOMER_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + CUSTOMER_TOKEN_TTL_MS);
  await queryCount(dataSource, `INSERT INTO customer_access_token (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [account.id, digest(accessToken), expiresAt]);
  return { accessToken, expiresAt };
}

/** What `customerAccessTokenCreate` answers. */
export interface SignInResult {
  customerAccessToken: { accessToken: string; expiresAt: Date } | null;
  userErrors: UserErrorModel[];
}

/**
 * `customerAccessTokenCreate`: checks the input's maxima, looks the account
 * up, takes the attempt from the throttle (per account — per e-mail when none
 * is found — and per client address; `THROTTLED` when spent), checks the
 * credentials, and gives the attempt back when they were right.
 */
export async function signInCustomer(dataSource: DataSource, throttle: SignInThrottle, clientIp: string, input: CustomerAccessTokenCreateInput): Promise<SignInResult> {
  if (characters(input.email) > TEXT_LIMITS.email) return { customerAccessToken: null, userErrors: [userError("INVALID", ["input", "email"], `At most ${TEXT_LIMITS.email} characters.`)] };
  if (characters(input.password) > TEXT_LIMITS.password) return { customerAccessToken: null, userErrors: [userError("INVALID", ["input", "password"], `At most ${TEXT_LIMITS.password} characters.`)] };
  const account = await findSignInAccount(dataSource, input.email);
  const succeeded = await throttle.attempt(account.throttleKey, clientIp);
  const token = await createCustomerToken(dataSource, account, input.password);
  if (!token) return { customerAccessToken: null, userErrors: [userError("INVALID_CREDENTIALS", ["input", "email"], "The e-mail or password is wrong.")] };
  await succeeded();
  return { customerAccessToken: token, userErrors: [] };
}

/** The most characters an access token may have (ours have 47): a longer one is refused before it is hashed. */
const TOKEN_MAX_CHARACTERS = 200;

/** `customerAccessTokenDelete`: revokes the token; a token longer than any is `INVALID`. */
export async function signOutCustomer(dataSource: DataSource, token: string): Promise<{ deleted: boolean; userErrors: UserErrorModel[] }> {
  if (characters(token) > TOKEN_MAX_CHARACTERS) return { deleted: false, userErrors: [userError("INVALID", ["accessToken"], `At most ${TOKEN_MAX_CHARACTERS} characters.`)] };
  return { deleted: await revokeCustomerToken(dataSource, token), userErrors: [] };
}

/** Revokes a customer token; true when it was valid until now. Knowing the token is the authority to revoke it. */
export async function revokeCustomerToken(dataSource: DataSource, token: string): Promise<boolean> {
  const revoked = await queryCount(dataSource, `UPDATE customer_access_token SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id`, [digest(token)]);
  forgetVerifiedCredentials();
  return revoked > 0;
}

/** Revokes every token of an account (it was deleted). */
export async function revokeTokensOfAccount(dataSource: Queryable, accountKey: string): Promise<void> {
  await queryCount(dataSource, `UPDATE customer_access_token SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountKey]);
  forgetVerifiedCredentials();
}

/** The principal of a customer token and when the token expires, or null when it is unknown, expired or revoked. */
export async function principalOfCustomerToken(dataSource: DataSource, token: string, storeName: string): Promise<{ principal: Principal; expiresAt: Date } | null> {
  const row = await queryRow<{ id: string; account_id: string; expires_at: Date }>(
    dataSource,
    `SELECT id, account_id, expires_at FROM customer_access_token WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [digest(token)],
  );
  return row ? { principal: { kind: "CUSTOMER", tokenId: row.id, account: { source: storeName, key: row.account_id }, scopes: ["customer"] }, expiresAt: row.expires_at } : null;
}
