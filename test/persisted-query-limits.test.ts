import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APQ_BYTES_PER_COST, documentHash } from "../src/security/persisted-queries.js";
import { DEFAULT_SECURITY } from "../src/security/security-options.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (documents sized and hashed byte for byte, some that do not resolve): not typed documents.

/**
 * Anonymous clients cannot fill the database with automatic persisted
 * queries: a registered document's size is bounded, and registering one is
 * charged to the principal's cost bucket by its size.
 */

/** A POST with an optional query text and the persisted-query extension. */
function post(target: TestServer, body: { query?: string; hash?: string }) {
  const payload = { ...(body.query ? { query: body.query } : {}), ...(body.hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: body.hash } } } : {}) };
  return target.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });
}

/** A small query padded with a comment to `bytes` bytes, unique to this run. */
function padded(bytes: number, tag: string): string {
  const head = `{ warehouses(first: 1) { nodes { code } } } # ${tag} ${process.pid} ${Date.now()} `;
  return head + "x".repeat(bytes - Buffer.byteLength(head));
}

async function stored(target: TestServer, hashes: string[]): Promise<number> {
  const [row] = (await target.dataSource.query(`SELECT count(*)::int AS n FROM persisted_query WHERE hash = ANY($1)`, [hashes])) as Array<{ n: number }>;
  return row!.n;
}

describe("registering persisted queries", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("a 95 KB document is refused (PERSISTED_QUERY_TOO_LARGE, 400) and not stored; sent without registering, it runs", async () => {
    const query = padded(95_000, "huge");
    const hash = documentHash(query);
    expect(DEFAULT_SECURITY.apqMaxBytes).toBeLessThan(95_000);
    const refused = await post(server, { query, hash });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].extensions).toMatchObject({ code: "PERSISTED_QUERY_TOO_LARGE", maxBytes: DEFAULT_SECURITY.apqMaxBytes });
    expect(await stored(server, [hash])).toBe(0);
    expect((await post(server, { hash })).json().errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(server, { query })).json().data.warehouses.nodes).toHaveLength(1);
  });

  it("registering costs one per 10 bytes of the document, never given back; later requests by hash cost the operation alone", async () => {
    const query = padded(1_505, "charged");
    const hash = documentHash(query);
    const operation = 2; // the connection and its one node
    const registration = Math.ceil(1_505 / APQ_BYTES_PER_COST);
    const registered = (await post(server, { query, hash })).json();
    expect(registered.extensions.cost).toMatchObject({ requested: operation + registration, actual: operation + registration });
    const byHash = (await post(server, { hash })).json();
    expect(byHash.data.warehouses.nodes).toHaveLength(1);
    expect(byHash.extensions.cost).toMatchObject({ requested: operation, actual: operation });
  });
});

describe("a principal registering more than its bucket holds", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ security: { costBucket: { maximumAvailable: 1000, restoreRate: 0.1 }, maxCost: 1000 } });
  });
  afterAll(() => server.close());

  it("is THROTTLED (429), and what was refused is not stored", async () => {
    const queries = Array.from({ length: 5 }, (_, i) => padded(3_000, `bucket-${i}`));
    const statuses: number[] = [];
    for (const query of queries) statuses.push((await post(server, { query, hash: documentHash(query) })).statusCode);
    const accepted = statuses.filter((status) => status === 200).length;
    expect(statuses).toContain(429);
    expect(accepted).toBeLessThanOrEqual(3); // 1000 / (2 + 300)
    expect(await stored(server, queries.map(documentHash))).toBe(accepted);
  });
});

describe("registering a document whose operation does not resolve", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ security: { costBucket: { maximumAvailable: 1000, restoreRate: 0.1 }, maxCost: 1000 } });
  });
  afterAll(() => server.close());

  /** A document to register, and the operation to run of it. */
  interface Registration {
    query: string;
    operationName?: string;
  }

  /** Registers `query` from `address` with the right hash and `operationName` (if any); answered as status and error code. */
  async function register(address: string, query: string, operationName?: string): Promise<{ status: number; code: string | undefined }> {
    const payload = { query, ...(operationName ? { operationName } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } };
    const response = await server.app.inject({ method: "POST", url: "/graphql", remoteAddress: address, headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });
    return { status: response.statusCode, code: response.json().errors?.[0]?.extensions?.code };
  }

  it.each([
    ["an operationName the document does not hold", 1, (doc: string): Registration => ({ query: doc, operationName: "Nope" })],
    ["two operations and no operationName", 2, (doc: string): Registration => ({ query: `query First { viewer { kind } } ${doc.replace(/^\{/, "query Second {")}` })],
  ])("with %s, is charged all the same: over the bucket THROTTLED and not stored, over maxCost refused", async (_, n, request) => {
    // Six unique 29 KB documents cost 2,900 each to register: over maxCost, none is stored.
    const large = Array.from({ length: 6 }, (_, i) => request(padded(29_000, `unresolved-large-${n}-${i}`)));
    for (const { query, operationName } of large) expect(await register(`10.2.${n}.1`, query, operationName)).toEqual({ status: 400, code: "MAX_COST_EXCEEDED" });
    expect(await stored(server, large.map(({ query }) => documentHash(query)))).toBe(0);

    // Six unique 3 KB documents cost 300 each: the bucket of 1,000 pays for three, the rest are THROTTLED and not stored.
    const small = Array.from({ length: 6 }, (_, i) => request(padded(3_000, `unresolved-small-${n}-${i}`)));
    const answers = [];
    for (const { query, operationName } of small) answers.push(await register(`10.2.${n}.2`, query, operationName));
    expect(answers.slice(0, 3)).toEqual(Array(3).fill({ status: 400, code: "OPERATION_RESOLUTION_FAILURE" }));
    expect(answers.slice(3)).toEqual(Array(3).fill({ status: 429, code: "THROTTLED" }));
    expect(await stored(server, small.map(({ query }) => documentHash(query)))).toBe(3);
  });
});
