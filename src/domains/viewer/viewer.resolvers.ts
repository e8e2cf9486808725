import { signInCustomer, signOutCustomer } from "../../auth/customer-tokens.js";
import { SignInThrottle } from "../../auth/sign-in-throttle.js";
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
    customerAccessTokenCreate: (_, { input }, ctx) => signInCustomer(ctx.dataSource, new SignInThrottle(ctx.dataSource, ctx.limits.signIn), ctx.clientIp, input),
    customerAccessTokenDelete: (_, { accessToken }, ctx) => signOutCustomer(ctx.dataSource, accessToken),
  },
};
