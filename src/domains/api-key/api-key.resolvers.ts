import { listApiKeys } from "../../auth/api-keys.js";
import { requireAdmin } from "../../auth/access.js";
import type { Resolvers } from "../../generated/graphql.js";
import { apiKeyId, createKey, revokeKey, rotateKey, SCOPE_ENUM } from "./api-key.commands.js";

/** Resolvers of API key management (admin). */
export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: (_, __, ctx) => {
      requireAdmin(ctx.principal, "list API keys");
      return listApiKeys(ctx.dataSource);
    },
  },
  Mutation: {
    apiKeyCreate: async (_, { input, idempotencyKey }, ctx) => await createKey(ctx, input, idempotencyKey),
    apiKeyRotate: async (_, { id, idempotencyKey }, ctx) => await rotateKey(ctx, id, idempotencyKey),
    apiKeyRevoke: async (_, { id, idempotencyKey }, ctx) => await revokeKey(ctx, id, idempotencyKey),
  },
  ApiKey: {
    id: (key) => apiKeyId(key),
    scopes: (key) => key.scopes.map((scope) => SCOPE_ENUM[scope]),
  },
};
