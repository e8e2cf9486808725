import type { DataSource } from "typeorm";
import { GraphQLError } from "graphql";
import { clientAddress, principalOfApiKey } from "./api-keys.js";
import type { CredentialCache, Verified } from "./credential-cache.js";
import { principalOfCustomerToken } from "./customer-tokens.js";
import { ANONYMOUS, type Principal } from "./principal.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import { API_KEY_PREFIX, CUSTOMER_TOKEN_PREFIX, digest } from "./tokens.js";

/** A credential failure: `UNAUTHENTICATED`, HTTP 401. */
function badCredentials(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

/**
 * Resolves the principal from an `Authorization` header. No header means anonymous;
 * a header that is malformed, unknown, expired or revoked is `UNAUTHENTICATED`
 * (a client that sends credentials wants to know they failed, not to be silently anonymous).
 * With a `cache`, a credential verified moments ago is not looked up again.
 * With a `throttle`, every failure counts against the client's address, and
 * once its allowance is spent the answer is `THROTTLED` (HTTP 429) instead.
 */
export async function authenticate(
  dataSource: DataSource,
  header: string | undefined,
  storeName: string,
  clientIp: string,
  cache?: CredentialCache,
  throttle?: SignInThrottle,
): Promise<Principal> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    await throttle?.credentialFailure(clientIp);
    throw badCredentials("The Authorization header must be `Bearer <API key or customer access token>`.");
  }
  const token = match[1]!;
  // An API key's allow-list depends on the address it is used from.
  const cacheKey = token.startsWith(API_KEY_PREFIX) ? `${digest(token)} ${clientAddress(clientIp)}` : digest(token);
  const lookUp = async (): Promise<Verified | null> => {
    if (token.startsWith(API_KEY_PREFIX)) {
      const found = await principalOfApiKey(dataSource, token, clientIp);
      if (found === "ADDRESS_NOT_ALLOWED") {
        throw new GraphQLError(`This API key may not be used from ${clientIp}: its allow-list does not include that address.`, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
      }
      return found && { principal: found };
    }
    if (token.startsWith(CUSTOMER_TOKEN_PREFIX)) {
      const found = await principalOfCustomerToken(dataSource, token, storeName);
      return found && { principal: found.principal, validUntil: found.expiresAt };
    }
    return null;
  };
  const principal = cache ? await cache.verify(cacheKey, lookUp) : ((await lookUp())?.principal ?? null);
  if (!principal) await throttle?.credentialFailure(clientIp);
  if (!principal) throw badCredentials("The bearer token is unknown, expired or revoked. Sign in again or use a valid API key.");
  return principal;
}
