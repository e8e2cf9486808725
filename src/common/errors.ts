import { GraphQLError } from "graphql";

/** `extensions.code` values this API throws (besides Apollo's own). */
export type ErrorCode = "BAD_USER_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "CONNECTOR_UNAVAILABLE";

/** An invalid argument: the client must change the request. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argument ? { argumentName: argument } : {}) } });
}

/** Missing, malformed, expired or revoked credentials. */
export function unauthenticated(message = "Sign in first: send `Authorization: Bearer <API key or customer access token>`."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}

/** Valid credentials that do not allow this read. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
