import { randomBytes } from "node:crypto";
import { queryCount, queryRow, type Queryable } from "../db/query-rows.js";

/** The `server_secret` row that holds the cursor-signing secret. */
const CURSOR_SECRET_NAME = "cursor";

/**
 * The secret that signs pagination cursors, shared by every replica on the
 * database: the one kept in `server_secret`, generated (32 random bytes) by
 * the first process that asks. `CURSOR_SECRET` replaces it when set.
 */
export async function loadCursorSecret(db: Queryable): Promise<string> {
  const read = async () => (await queryRow<{ value: string }>(db, `SELECT value FROM server_secret WHERE name = $1`, [CURSOR_SECRET_NAME]))?.value;
  const kept = await read();
  if (kept) return kept;
  // Two replicas starting together: the first insert wins, both read the winner.
  await queryCount(db, `INSERT INTO server_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [CURSOR_SECRET_NAME, randomBytes(32).toString("base64url")]);
  return (await read())!;
}
