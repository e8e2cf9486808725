import { forgetVerifiedCredentials } from "../../auth/credential-cache.js";
import { apiKeyById, createApiKey, normaliseNetwork, revokeApiKey, rotateApiKey, type ApiKeyModel } from "../../auth/api-keys.js";
import { requireAdmin } from "../../auth/access.js";
import type { ApiKeyScope } from "../../auth/principal.js";
import { isUuid, parseGlobalId, toGlobalId } from "../../common/ids.js";
import { INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { STORE } from "../../connectors/store/store-connector.js";
import type { RequestContext } from "../../context.js";
import type { ApiKeyCreateInput, ApiKeyScope as ApiKeyScopeEnum } from "../../generated/graphql.js";
import { runIdempotent } from "../../outbox/idempotency.js";

/** What an API key mutation answers: the key, and its new secret when this call made one. */
export interface ApiKeyOutcome {
  apiKey: ApiKeyModel | null;
  /** Null on a replay: a secret is never stored, so it cannot be shown twice. */
  secret: string | null;
  userErrors: UserErrorModel[];
}

/** The scope an API key stores for each value of the schema's `ApiKeyScope`. */
const STORED_SCOPE: Record<ApiKeyScopeEnum, ApiKeyScope> = { ADMIN: "admin", STOREFRONT: "storefront" };

/** The schema's `ApiKeyScope` of a stored scope. */
export const SCOPE_ENUM: Record<ApiKeyScope, ApiKeyScopeEnum> = { admin: "ADMIN", storefront: "STOREFRONT" };

/** The global ID of an API key. */
export function apiKeyId(key: ApiKeyModel): string {
  return toGlobalId(STORE, "ApiKey", key.id);
}

/** The key a global ID names, or a NOT_FOUND user error. */
function keyIdOf(id: string): string {
  const gid = parseGlobalId(id);
  if (gid?.type !== "ApiKey" || gid.connector !== STORE || !isUuid(gid.key)) failWith("NOT_FOUND", ["id"], "No such API key.");
  return gid.key;
}

/**
 * Runs an API key change once per idempotency key. The stored answer names
 * the key; the secret lives only in this call's answer.
 */
async function keyChange(
  ctx: RequestContext,
  operation: string,
  idempotencyKey: string,
  input: unknown,
  change: (manager: Parameters<Parameters<typeof runIdempotent>[4]>[0]) => Promise<{ apiKey: ApiKeyModel; secret: string | null }>,
): Promise<ApiKeyOutcome> {
  requireAdmin(ctx.principal, "manage API keys");
  const thisCall: { made?: { apiKey: ApiKeyModel; secret: string | null } } = {};
  const outcome = await runIdempotent(ctx, operation, idempotencyKey, input, async (manager) => {
    thisCall.made = await change(manager);
    return { entityKey: thisCall.made.apiKey.id, commandId: null, userErrors: [] };
  });
  // Committed now: no lookup can read the key's old row any more.
  forgetVerifiedCredentials();
  if (thisCall.made) return { ...thisCall.made, userErrors: outcome.userErrors };
  return { apiKey: outcome.entityKey ? await apiKeyById(ctx.dataSource, outcome.entityKey) : null, secret: null, userErrors: outcome.userErrors };
}

/** Checks `apiKeyCreate`'s input against its maxima (see `input-limits.ts`). */
function checkApiKeyCreateInput(input: ApiKeyCreateInput): void {
  const check = new InputCheck().text(input.name, ["input", "name"], TEXT_LIMITS.name).list(input.allowedIps, ["input", "allowedIps"], 0, INPUT_LIMITS.allowedIps).list(input.scopes, ["input", "scopes"], 0, INPUT_LIMITS.scopes);
  if ((input.allowedIps?.length ?? 0) <= INPUT_LIMITS.allowedIps) input.allowedIps?.forEach((value, i) => check.text(value, ["input", "allowedIps", String(i)], TEXT_LIMITS.network));
  check.done();
}

/** `apiKeyCreate` (admin): a new key; its secret is in this answer only. */
export function createKey(ctx: RequestContext, input: ApiKeyCreateInput, idempotencyKey: string): Promise<ApiKeyOutcome> {
  return keyChange(ctx, "apiKeyCreate", idempotencyKey, input, async (manager) => {
    checkApiKeyCreateInput(input);
    const errors: UserErrorModel[] = [];
    if (!input.name.trim()) errors.push(userError("INVALID", ["input", "name"], "Name the key after who uses it."));
    if (input.scopes.length === 0) errors.push(userError("INVALID", ["input", "scopes"], "Give the key at least one scope."));
    const networks = (input.allowedIps ?? []).map((value, i) => {
      const network = normaliseNetwork(value);
      if (!network) errors.push(userError("INVALID", ["input", "allowedIps", String(i)], `${value} is not an IPv4 or IPv6 address or network (CIDR).`));
      return network ?? "";
    });
    if (errors.length > 0) throw new UserErrors(errors);
    const scopes = [...new Set(input.scopes.map((scope) => STORED_SCOPE[scope]))];
    return createApiKey(manager, { name: input.name.trim(), scopes, allowedIps: networks });
  });
}

/** `apiKeyRotate` (admin): a new secret for a live key; the old one stops working. */
export function rotateKey(ctx: RequestContext, id: string, idempotencyKey: string): Promise<ApiKeyOutcome> {
  return keyChange(ctx, "apiKeyRotate", idempotencyKey, { id }, async (manager) => {
    const rotated = await rotateApiKey(manager, keyIdOf(id));
    if (!rotated) failWith("NOT_FOUND", ["id"], "No such live API key (it may be revoked).");
    return rotated;
  });
}

/** `apiKeyRevoke` (admin): the key is refused from now on. */
export function revokeKey(ctx: RequestContext, id: string, idempotencyKey: string): Promise<ApiKeyOutcome> {
  return keyChange(ctx, "apiKeyRevoke", idempotencyKey, { id }, async (manager) => {
    const revoked = await revokeApiKey(manager, keyIdOf(id));
    if (!revoked) failWith("NOT_FOUND", ["id"], "No such live API key (it may be revoked already).");
    return { apiKey: revoked, secret: null };
  });
}
