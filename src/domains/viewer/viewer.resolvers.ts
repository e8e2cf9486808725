import { createCustomerToken, revokeCustomerToken } from "../../auth/customer-tokens.js";
import type { Resolvers } from "../../generated/graphql.js";
import { accountOfReference } from "../account/account.service.js";

/** Resolvers of `Query.viewer` and customer sign-in. */
export const viewerResolvers: Resolvers = {
  Query: {
    viewer: (_, __, ctx) => ctx.principal,
  },
  Viewer: {
    account: (principal, _, ctx) => (principal.kind === "CUSTOMER" ? accountOfReference(ctx, principal.account) : null),
  },
  Mutation: {
    customerAccessTokenCreate: async (_, { input }, ctx) => {
      const token = await createCustomerToken(ctx.dataSource, input.email, input.password);
      if (token) return { customerAccessToken: token, userErrors: [] };
      return { customerAccessToken: null, userErrors: [{ field: ["input", "email"], message: "The e-mail or password is wrong.", code: "INVALID_CREDENTIALS" }] };
    },
    customerAccessTokenDelete: async (_, { accessToken }, ctx) => ({ deleted: await revokeCustomerToken(ctx.dataSource, accessToken), userErrors: [] }),
  },
};
