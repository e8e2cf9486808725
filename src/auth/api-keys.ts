import { isIP } from "node:net";
import type { DataSource } from "typeorm";
import { queryCount, queryRow, queryRows, type Queryable } from "../db/query-rows.js";
import { API_KEY_PREFIX, digest, newSecret } from "./tokens.js";
import { forgetVerifiedCredentials } from "./credential-cache.js";
import type { ApiKeyScope, Principal } from "./principal.js";

/** An API key as operators see it: never the secret, only its first characters. */
export interface ApiKeyModel {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Networks (CIDR) it may be used from; empty: anywhere. */
  allowedIps: string[];
  /** The secret's first characters, to recognise it (`cgk_Ab12…`). */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KEY_COLUMNS = `id, name, scopes, allowed_ips::text[] AS allowed_ips, key_prefix, created_at, last_used_at, revoked_at`;

/** An `api_key` row as {@link KEY_COLUMNS} selects it. */
interface ApiKeyRow {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  allowed_ips: string[];
  key_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function keyOf(row: ApiKeyRow): ApiKeyModel {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    allowedIps: row.allowed_ips,
    prefix: row.key_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at ?? null,
    revokedAt: row.revoked_at ?? null,
  };
}

/** What is displayed of a secret. */
function prefixOf(secret: string): string {
  return `${secret.slice(0, API_KEY_PREFIX.length + 4)}…`;
}

/**
 * A network in CIDR notation (IPv4 or IPv6; a bare address is one host), or
 * null when it is not one. An IPv6 zone (`fe80::1%eth0`) names an interface
 * of one machine, not part of an address: it is refused too.
 */
export function normaliseNetwork(value: string): string | null {
  const [address, bits, ...rest] = value.trim().split("/");
  const version = isIP(address ?? "");
  if (!version || rest.length > 0 || address!.includes("%")) return null;
  const max = version === 4 ? 32 : 128;
  const size = bits === undefined ? max : Number(bits);
  return Number.isInteger(size) && size >= 0 && size <= max && (bits === undefined || /^\d+$/.test(bits)) ? `${address}/${size}` : null;
}

/**
 * Creates an API key and returns it with its secret, which is shown once:
 * only its digest is stored. Networks are stored as networks (`10.1.2.3/8`
 * becomes `10.0.0.0/8`).
 */
export async function createApiKey(
  dataSource: Queryable,
  options: { name: string; scopes: ApiKeyScope[]; allowedIps?: string[] },
): Promise<{ id: string; secret: string; apiKey: ApiKeyModel }> {
  const secret = newSecret(API_KEY_PREFIX);
  const row = await queryRow<ApiKeyRow>(
    dataSource,
    `INSERT INTO api_key (name, key_hash, scopes, allowed_ips, key_prefix)
     VALUES ($1, $2, $3, coalesce((SELECT array_agg(network(n)) FROM unnest($4::inet[]) n), '{}'), $5)
     RETURNING ${KEY_COLUMNS}`,
    [options.name, digest(secret), options.scopes, options.allowedIps ?? [], prefixOf(secret)],
  );
  const apiKey = keyOf(row!);
  return { id: apiKey.id, secret, apiKey };
}

/** Every API key, newest first (revoked ones too, marked). */
export async function listApiKeys(dataSource: Queryable): Promise<ApiKeyModel[]> {
  return (await queryRows<ApiKeyRow>(dataSource, `SELECT ${KEY_COLUMNS} FROM api_key ORDER BY created_at DESC, id`)).map(keyOf);
}

/** One API key by id, or null. */
export async function apiKeyById(dataSource: Queryable, id: string): Promise<ApiKeyModel | null> {
  const row = await queryRow<ApiKeyRow>(dataSource, `SELECT ${KEY_COLUMNS} FROM api_key WHERE id = $1`, [id]);
  return row ? keyOf(row) : null;
}

/** Gives a live key a new secret (the old one stops working at once); null when there is no such live key. */
export async function rotateApiKey(dataSource: Queryable, id: string): Promise<{ secret: string; apiKey: ApiKeyModel } | null> {
  const secret = newSecret(API_KEY_PREFIX);
  const row = await queryRow<ApiKeyRow>(dataSource, `UPDATE api_key SET key_hash = $2, key_prefix = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}`, [id, digest(secret), prefixOf(secret)]);
  forgetVerifiedCredentials();
  return row ? { secret, apiKey: keyOf(row) } : null;
}

/** Revokes a key; null when there is no such live key. */
export async function revokeApiKey(dataSource: Queryable, id: string): Promise<ApiKeyModel | null> {
  const row = await queryRow<ApiKeyRow>(dataSource, `UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}`, [id]);
  forgetVerifiedCredentials();
  return row ? keyOf(row) : null;
}

/**
 * Registers `ADMIN_API_KEY` at start-up when it is not known yet. A key that
 * was revoked, rotated or restricted stays so: restarting never undoes it.
 */
export async function registerAdminKey(dataSource: Queryable, secret: string): Promise<void> {
  await queryCount(dataSource, `INSERT INTO api_key (name, key_hash, scopes, key_prefix) VALUES ('admin (ADMIN_API_KEY)', $1, '{admin}', $2) ON CONFLICT (key_hash) DO NOTHING`, [
    digest(secret),
    prefixOf(secret),
  ]);
}

/** True when at least one usable admin key exists. */
export async function hasAdminKey(dataSource: DataSource): Promise<boolean> {
  return (await queryRow<{ "?column?": number }>(dataSource, `SELECT 1 FROM api_key WHERE 'admin' = ANY(scopes) AND revoked_at IS NULL LIMIT 1`)) !== undefined;
}

/** The client's address as a plain IPv4 or IPv6 address (an IPv4-mapped IPv6 address as IPv4); "0.0.0.0" when unknown. */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return mapped;
  // A link-local address's zone (fe80::1%eth0) is not part of the address.
  const address = ip.split("%")[0]!;
  return isIP(address) ? address : "0.0.0.0";
}

/**
 * The principal of an API key secret: null when it is unknown or revoked,
 * "ADDRESS_NOT_ALLOWED" when the key has an allow-list without the client's
 * address. Marks the key used (at most once a minute), in the same statement.
 */
export async function principalOfApiKey(dataSource: DataSource, secret: string, clientIp: string): Promise<Principal | null | "ADDRESS_NOT_ALLOWED"> {
  const row = await queryRow<{ id: string; scopes: ApiKeyScope[]; allowed: boolean }>(
    dataSource,
    `WITH k AS (
       SELECT id, scopes, cardinality(allowed_ips) = 0 OR $2::inet <<= ANY(allowed_ips) AS allowed
       FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL
     ), used AS (
       UPDATE api_key SET last_used_at = now() FROM k
       WHERE api_key.id = k.id AND k.allowed AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
     )
     SELECT * FROM k`,
    [digest(secret), clientAddress(clientIp)],
  );
  if (!row) return null;
  return row.allowed ? { kind: "API_KEY", keyId: row.id, scopes: row.scopes } : "ADDRESS_NOT_ALLOWED";
}
