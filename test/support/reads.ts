import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { expect } from "vitest";
import { dataAt } from "./paging.js";
import type { GqlResponse, TestServer } from "./test-server.js";

/** What the read tests use to ask the API and to look at what the database holds. */
export interface Reader {
  /** Runs a query with the reader's credentials and returns `data.<path>` (all of `data` for ""), failing on GraphQL errors. */
  read<V>(query: TypedDocumentNode<unknown, V> | string, variables?: V | Record<string, unknown>, path?: string): Promise<any>;
  /** Runs SQL on the server's database. */
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  /** The single value of a `SELECT count(*) …` statement. */
  count(query: string, params?: unknown[]): Promise<number>;
  /** Every node of a connection, paging forward: `query` takes `$after` and asks for `nodes` and {@link PAGE_INFO} at `path`. */
  allNodes<V>(query: TypedDocumentNode<unknown, V> | string, path: string, variables?: Partial<V> | Record<string, unknown>): Promise<any[]>;
}

/** A {@link Reader} on the server `server()` returns (set in `beforeAll`), sending the token `token` picks (none: anonymous). */
export function reader(server: () => TestServer, token: (server: TestServer) => string | undefined = () => undefined): Reader {
  const read = async (query: TypedDocumentNode<any, any> | string, variables: unknown = {}, path = ""): Promise<any> =>
    dataAt<any>(await server().gql(query as string, variables as Record<string, unknown>, token(server())), path);
  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => (await server().dataSource.query(query, params)) as T[];
  return {
    read,
    sql,
    count: async (query, params = []) => {
      const [row] = await sql<Record<string, unknown>>(query, params);
      return Number(Object.values(row!)[0]);
    },
    allNodes: async (query: TypedDocumentNode<any, any> | string, path: string, variables: object = {}) => {
      const nodes: any[] = [];
      let after: string | null = null;
      do {
        const page: any = await read(query, { ...variables, after }, path);
        nodes.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    },
  };
}

/** The page info {@link Reader.allNodes} needs. */
export const PAGE_INFO = "pageInfo { hasNextPage endCursor }";

/** The code of a response's first error. */
export const errorCode = (response: GqlResponse<any>) => response.errors?.[0]?.extensions?.code;

/** Money strings always have two decimals: "12.30" → 1230n. */
export const cents = (amount: string) => {
  expect(amount).toMatch(/^-?\d+\.\d{2}$/);
  return BigInt(amount.replace(".", ""));
};

/** The sum of money strings, in cents. */
export const sumCents = (amounts: string[]) => amounts.reduce((sum, a) => sum + cents(a), 0n);

/** A timestamp as the API shows it. */
export const iso = (date: Date) => date.toISOString();
