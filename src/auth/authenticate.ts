import type { DataSource } from "typeorm";
import { GraphQLError } from "graphql";
import { principalOfApiKey } from "./api-keys.js";
import { principalOfCustomerToken } from "./customer-tokens.js";
import { ANONYMOUS, type Principal } from "./principal.js";
import { API_KEY_PREFIX, CUSTOMER_TOKEN_PREFIX } from "./tokens.js";

/**
 * Resolves the principal from an `Authorization` header. No header means anonymous;
 * a header that is malformed, unknown, expired or revoked is `UNAUTHENTICATED`
 * (a client that sends credentials wants to know they failed, not to be silently anonymous).
 */
/** A credential failure: `UNAUTHENTICATED`, HTTP 401. */
function badCredentials(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export async function authenticate(dataSource: DataSource, header: string | undefined, storeName: string, clientIp: string): Promise<Principal> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw badCredentials("The Authorization header must be `Bearer <API key or customer access token>`.");
  const token = match[1]!;
  let principal: Principal | null = null;
  if (token.startsWith(API_KEY_PREFIX)) {
    const found = await principalOfApiKey(dataSource, token, clientIp);
    if (found === "ADDRESS_NOT_ALLOWED") {
      throw new GraphQLError(`This API key may not be used from ${clientIp}: its allow-list does not include that address.`, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
    }
    principal = found;
  }
  else if (token.startsWith(CUSTOMER_TOKEN_PREFIX)) principal = await principalOfCustomerToken(dataSource, token, storeName);
  if (!principal) throw badCredentials("The bearer token is unknown, expired or revoked. Sign in again or use a valid API key.");
  return principal;
}
