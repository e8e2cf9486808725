import type { UserErrorCode } from "../generated/graphql.js";

/** A user error as mutations return it: the schema's `UserError`, with its generated code. */
export interface UserErrorModel {
  /** Path to the input field at fault (`["input", "lines", "0", "quantity"]`); null when not tied to one. */
  field: string[] | null;
  /** A human-readable explanation, safe to show to an end user. */
  message: string;
  /** Machine-readable reason, one of the schema's `UserErrorCode` values. */
  code: UserErrorCode;
}

/** Builds a user error: the one way mutations name a failure the client can fix. */
export function userError(code: UserErrorCode, field: readonly string[] | null, message: string): UserErrorModel {
  return { field: field ? [...field] : null, message, code };
}

/** Thrown inside a mutation to roll its writes back and answer with user errors (which are then stored for replays). */
export class UserErrors extends Error {
  constructor(readonly userErrors: UserErrorModel[]) {
    super(userErrors.map((e) => e.message).join("; "));
  }
}

/** Throws one user error (see {@link userError}). */
export function failWith(code: UserErrorCode, field: readonly string[] | null, message: string): never {
  throw new UserErrors([userError(code, field, message)]);
}
