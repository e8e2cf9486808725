import type { DataSource } from "typeorm";
import { API_KEY_PREFIX, digest, newSecret } from "./tokens.js";
import type { ApiKeyScope, Principal } from "./principal.js";

/**
 * Creates an API key and returns the secret, which is shown once: only its
 * digest is stored. Pass `secret` to register a known key (for `ADMIN_API_KEY`).
 */
export async function createApiKey(
  dataSource: DataSource,
  options: { name: string; scopes: ApiKeyScope[]; secret?: string },
): Promise<{ id: string; secret: string }> {
  const secret = options.secret ?? newSecret(API_KEY_PREFIX);
  const [row] = (await dataSource.query(
    `INSERT INTO api_key (name, key_hash, scopes) VALUES ($1, $2, $3)
     ON CONFLICT (key_hash) DO UPDATE SET name = EXCLUDED.name, scopes = EXCLUDED.scopes, revoked_at = NULL
     RETURNING id`,
    [options.name, digest(secret), options.scopes],
  )) as Array<{ id: string }>;
  return { id: row!.id, secret };
}

/** True when at least one usable admin key exists. */
export async function hasAdminKey(dataSource: DataSource): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT 1 FROM api_key WHERE 'admin' = ANY(scopes) AND revoked_at IS NULL LIMIT 1`)) as unknown[];
  return rows.length > 0;
}

/** The principal of an API key secret, or null when it is unknown or revoked. */
export async function principalOfApiKey(dataSource: DataSource, secret: string): Promise<Principal | null> {
  const [row] = (await dataSource.query(`SELECT id, scopes FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`, [digest(secret)])) as Array<{
    id: string;
    scopes: ApiKeyScope[];
  }>;
  return row ? { kind: "API_KEY", keyId: row.id, scopes: row.scopes } : null;
}
