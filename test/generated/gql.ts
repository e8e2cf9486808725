/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n": typeof types.AccountCreateDocument,
    "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n": typeof types.AccountSyncByCodeDocument,
    "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n": typeof types.SignInInitechDocument,
    "\n  query ViewerKind { viewer { kind } }\n": typeof types.ViewerKindDocument,
    "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n": typeof types.CustomerAccessTokenDeleteDocument,
    "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n": typeof types.TestSignInDocument,
};
const documents: Documents = {
    "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n": types.AccountCreateDocument,
    "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n": types.AccountSyncByCodeDocument,
    "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n": types.SignInInitechDocument,
    "\n  query ViewerKind { viewer { kind } }\n": types.ViewerKindDocument,
    "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n": types.CustomerAccessTokenDeleteDocument,
    "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n": types.TestSignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n"): (typeof documents)["\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n"): (typeof documents)["\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerKind { viewer { kind } }\n"): (typeof documents)["\n  query ViewerKind { viewer { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n"): (typeof documents)["\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n"): (typeof documents)["\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;