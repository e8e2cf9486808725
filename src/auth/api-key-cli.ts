import { isUuid } from "../common/ids.js";
import { API_KEY_SCOPES, type ApiKeyScope } from "./principal.js";
import type { Queryable } from "../db/query-rows.js";
import { createApiKey, listApiKeys, normaliseNetwork, revokeApiKey, rotateApiKey } from "./api-keys.js";

/** Options of `npm run apikey`. */
export interface ApiKeyCliOptions {
  name?: string;
  scopes?: string;
  "allow-ip"?: string[];
}

/** The key id in a plain id or a global ID (`gid://store/ApiKey/<id>`). */
function keyId(value: string | undefined): string {
  const id = value?.split("/").pop();
  if (!id || !isUuid(id)) throw new Error("Give the key's id (as `apikey list` shows it).");
  return id;
}

/**
 * `npm run apikey -- <create|list|rotate|revoke>`: API keys from the command
 * line (the same as the admin mutations). A new secret is printed once.
 */
export async function runApiKeyCommand(db: Queryable, args: string[], options: ApiKeyCliOptions, print: (line: string) => void): Promise<void> {
  const [action, target] = args;
  switch (action) {
    case "create": {
      if (!options.name) throw new Error("Name the key: --name \"storefront web\".");
      const scopes = (options.scopes ?? "storefront").split(",").map((s) => s.trim()) as ApiKeyScope[];
      const unknown = scopes.filter((s) => !API_KEY_SCOPES.includes(s));
      if (unknown.length > 0) throw new Error(`Unknown scope ${unknown.join(", ")}; scopes are ${API_KEY_SCOPES.join(", ")}.`);
      const allowedIps = (options["allow-ip"] ?? []).map((value) => normaliseNetwork(value) ?? fail(`${value} is not an IPv4 or IPv6 address or network (CIDR).`));
      const { apiKey, secret } = await createApiKey(db, { name: options.name, scopes, allowedIps });
      print(`created ${apiKey.id} "${apiKey.name}" (${apiKey.scopes.join(", ")})${allowedIps.length ? ` from ${allowedIps.join(", ")}` : ""}`);
      print(`secret, shown only now: ${secret}`);
      return;
    }
    case "list":
      for (const key of await listApiKeys(db)) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : `last used ${key.lastUsedAt?.toISOString() ?? "never"}`;
        print(`${key.id}  ${key.prefix}  "${key.name}"  ${key.scopes.join(",")}  ${key.allowedIps.join(",") || "any address"}  ${state}`);
      }
      return;
    case "rotate": {
      const rotated = await rotateApiKey(db, keyId(target));
      if (!rotated) throw new Error("No such live API key.");
      print(`rotated ${rotated.apiKey.id}; the old secret no longer works`);
      print(`secret, shown only now: ${rotated.secret}`);
      return;
    }
    case "revoke":
      if (!(await revokeApiKey(db, keyId(target)))) throw new Error("No such live API key.");
      print(`revoked ${keyId(target)}`);
      return;
    default:
      throw new Error("Use: apikey create --name N [--scopes storefront,admin] [--allow-ip CIDR]… | list | rotate ID | revoke ID");
  }
}

function fail(message: string): never {
  throw new Error(message);
}
