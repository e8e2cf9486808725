/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new customer account. */
export type AccountCreateInput = {
  /** The customer's own id in the web shop (CID), unique: 1 to 64 letters, digits, dots, dashes or underscores. */
  code: string;
  /** Customer group code, for group pricing; at most 64 characters. */
  customerGroupCode?: string | null | undefined;
  /** Contact e-mail, unique (case-insensitive), at most 254 characters. */
  email: string;
  /** Company or customer name, 1 to 200 characters. */
  name: string;
  /** A password so the customer can sign in: 10 to 256 characters. */
  password?: string | null | undefined;
  /** Payment terms code (default `NET30`), at most 32 characters. */
  paymentTerms?: string | null | undefined;
  /** Contact phone number, at most 32 characters. */
  phone?: string | null | undefined;
};

/** Where a command is on its way to the systems that must apply it. */
export type CommandStatus =
  /** Applied by every target backend. */
  | 'DELIVERED'
  /** Being sent to a backend now. */
  | 'DELIVERING'
  /** A backend refused it, or it failed too often; an operator can retry it with `commandRetry`. */
  | 'FAILED'
  /** Accepted and stored; not yet sent. */
  | 'PENDING'
  /** A backend could not take it; another attempt is scheduled (`nextAttemptAt`). */
  | 'RETRYING';

/** Credentials for `customerAccessTokenCreate`. */
export type CustomerAccessTokenCreateInput = {
  /** The account's e-mail address (matched case-insensitively), at most 254 characters. */
  email: string;
  /** The account's password, at most 256 characters. */
  password: string;
};

/** Kinds of principal. */
export type PrincipalKind =
  /** No credentials: may read the public catalog only. */
  | 'ANONYMOUS'
  /** A server-side API key with scopes. */
  | 'API_KEY'
  /** A signed-in customer (customer access token): sees only its own account's data. */
  | 'CUSTOMER';

/** Whether the backends hold the latest change of an entity. */
export type SyncStatus =
  /** The latest change failed; an operator sees why in `lastCommand.lastError`. */
  | 'FAILED'
  /** The latest change is still on its way (pending, being delivered or retrying). */
  | 'PENDING'
  /** Every change has been applied by its target backends. */
  | 'SYNCED';

/** Machine-readable reason of a `UserError`. */
export type UserErrorCode =
  /** The offer is past its date (an expired quote). */
  | 'EXPIRED'
  /** The principal may not do this. */
  | 'FORBIDDEN'
  /** The idempotency key was already used with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** An input value is not valid (format, range, missing field). */
  | 'INVALID'
  /** The e-mail and password do not match a customer. */
  | 'INVALID_CREDENTIALS'
  /** The object is in a state that does not allow this (a shipped order cannot be cancelled). */
  | 'INVALID_STATE'
  /** The principal already holds as much as it may (stock reservations: see `stockReservationAllowance`). */
  | 'LIMIT_REACHED'
  /** Not enough stock is available for the line. */
  | 'NOT_ENOUGH_STOCK'
  /** The referenced object does not exist. */
  | 'NOT_FOUND'
  /** The account may not buy this product. */
  | 'PRODUCT_RESTRICTED'
  /** The value is already used by another object (an e-mail, a code). */
  | 'TAKEN';

export type AccountCreateMutationVariables = Exact<{
  input: AccountCreateInput;
  key: string;
}>;


export type AccountCreateMutation = { accountCreate: { account: { id: string, code: string, email: string, syncStatus: SyncStatus, customerGroup: { code: string } | null, externalReferences: Array<{ connector: string, externalId: string }> } | null, command: { id: string, status: CommandStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type AccountSyncByCodeQueryVariables = Exact<{
  code: string;
}>;


export type AccountSyncByCodeQuery = { account: { syncStatus: SyncStatus, externalReferences: Array<{ connector: string, externalId: string }> } | null };

export type SignInInitechMutationVariables = Exact<{ [key: string]: never; }>;


export type SignInInitechMutation = { customerAccessTokenCreate: { customerAccessToken: { accessToken: string } | null } };

export type ViewerKindQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerKindQuery = { viewer: { kind: PrincipalKind } };

export type CustomerAccessTokenDeleteMutationVariables = Exact<{
  t: string;
}>;


export type CustomerAccessTokenDeleteMutation = { customerAccessTokenDelete: { deleted: boolean, userErrors: Array<{ code: UserErrorCode }> } };

export type TestSignInMutationVariables = Exact<{
  input: CustomerAccessTokenCreateInput;
}>;


export type TestSignInMutation = { customerAccessTokenCreate: { customerAccessToken: { accessToken: string } | null, userErrors: Array<{ code: UserErrorCode }> } };


export const AccountCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AccountCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountCreateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"customerGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalReferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AccountCreateMutation, AccountCreateMutationVariables>;
export const AccountSyncByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSyncByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"externalReferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<AccountSyncByCodeQuery, AccountSyncByCodeQueryVariables>;
export const SignInInitechDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignInInitech"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerAccessTokenCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"BUYER@initech.example","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"password"},"value":{"kind":"StringValue","value":"initech-password","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerAccessToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}}]}}]}}]}}]} as unknown as DocumentNode<SignInInitechMutation, SignInInitechMutationVariables>;
export const ViewerKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<ViewerKindQuery, ViewerKindQueryVariables>;
export const CustomerAccessTokenDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerAccessTokenDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"t"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerAccessTokenDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accessToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"t"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerAccessTokenDeleteMutation, CustomerAccessTokenDeleteMutationVariables>;
export const TestSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerAccessTokenCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerAccessTokenCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerAccessToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TestSignInMutation, TestSignInMutationVariables>;