import { createHmac } from "node:crypto";
import { createServer } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCursorSecret } from "../src/common/cursor-secret.js";
import { MAX_CURSOR_LENGTH } from "../src/common/pagination.js";
import { loadConfig } from "../src/config.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { ConnectorsConfigSchema } from "../src/connectors/connectors-config.js";
import { documentHash } from "../src/security/persisted-queries.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (deeply nested variables, wrong operation types and forged cursors): not typed documents.

/**
 * What a client must not learn and what must not fill the error log: driver
 * text, stack overflows, client mistakes logged as internal errors, card
 * numbers in disguise, forged cursors, backends' error text.
 */

/** Log lines the server wrote, parsed. */
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: "debug" }, sink) });
});
afterAll(() => server.close());
beforeEach(() => void (lines.length = 0));

const json = { "content-type": "application/json" };

/** A TCP port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Error-level (50) or worse log lines, and lines that carry a stack. */
function alarming(): Array<Record<string, unknown>> {
  return lines.filter((line) => Number(line.level) >= 50 || JSON.stringify(line).includes('"stack"'));
}

describe("a connector's failure in production", () => {
  it("tells the client which connector is unavailable, with a request id, and logs the driver's text", async () => {
    // A second store whose database does not answer: its driver's errors name the address it tried.
    const port = await closedPort();
    const config = ConnectorsConfigSchema.parse({
      connectors: { store: { kind: "store" }, legacy: { kind: "store", databaseUrl: `postgres://reader:secret@127.0.0.1:${port}/legacy`, timeoutMs: 2000 } },
      reads: { catalog: ["store", "legacy"], warehouses: ["legacy"] },
    });
    const production = await startTestServer({ router: (dataSource) => buildRouter(config, dataSource), security: { production: true, introspection: false }, logger: pino({ level: "info" }, sink) });
    try {
      // A list read from one connector fails; a list merged from two keeps the other's items (a partial error).
      const response = await production.gql(`{ warehouses(first: 2) { nodes { id } } products(first: 2) { nodes { sku } } }`);
      expect(response.data?.products.nodes).toHaveLength(2);
      expect(response.errors).toHaveLength(2);
      for (const error of response.errors ?? []) {
        expect(error.extensions).toMatchObject({ code: "CONNECTOR_UNAVAILABLE", connector: "legacy", requestId: expect.any(String) });
        expect(error.message).toBe('Connector "legacy" is unavailable.');
      }
      expect(JSON.stringify(response)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|secret|connect /);
      const logged = lines.filter((line) => line.msg === "connector unavailable");
      expect(logged).toEqual([expect.objectContaining({ level: 40, connector: "legacy", reqId: response.errors?.[0]?.extensions?.requestId, detail: expect.stringContaining("ECONNREFUSED") })]);
    } finally {
      await production.close();
    }
  });
});

describe("deeply nested variables", () => {
  it("a 40 KB nested variable is BAD_USER_INPUT, not a stack overflow", async () => {
    // About 40 KB each: 8,000 nested objects, 20,000 nested lists.
    const nested = `${'{"a":'.repeat(8_000)}1${"}".repeat(8_000)}`;
    const body = `{"query":"query($v: String) { product(sku: $v) { id } }","variables":{"v":${nested}}}`;
    const response = await server.app.inject({ method: "POST", url: "/graphql", headers: json, payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const list = `${"[".repeat(20_000)}"x"${"]".repeat(20_000)}`;
    const asList = await server.app.inject({ method: "POST", url: "/graphql", headers: json, payload: `{"query":"query($v: [ID!]!) { nodes(ids: $v) { id } }","variables":{"v":${list}}}` });
    expect(asList.statusCode).toBe(400);
    expect(asList.json().errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("client mistakes with persisted queries and operation types", () => {
  const query = `{ __typename }`;
  it.each([
    ["a hash that is not the document's", { query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, "PERSISTED_QUERY_HASH_MISMATCH"],
    ["persisted query version 2", { query, extensions: { persistedQuery: { version: 2, sha256Hash: documentHash(query) } } }, "PERSISTED_QUERY_NOT_SUPPORTED"],
    ["a subscription", { query: `subscription { __typename }` }, "BAD_REQUEST"],
  ])("%s is a 400 client error with a code, logged without a stack below error level", async (_, body, code) => {
    const response = await server.app.inject({ method: "POST", url: "/graphql", headers: json, payload: JSON.stringify(body) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe(code);
    expect(alarming()).toEqual([]);
  });
});

describe("cursors", () => {
  const PAGE = `query($after: String) { products(first: 2, after: $after) { edges { cursor node { sku } } } }`;
  const issued = async () => (await server.gql(PAGE)).data?.products.edges[1].cursor as string;
  /** The cursor's position as JSON, read from its first part. */
  const positionOf = (cursor: string) => JSON.parse(Buffer.from(cursor.split(".")[0]!, "base64url").toString("utf8")) as string[];

  it("a cursor the server issued pages on", async () => {
    const next = await server.gql(PAGE, { after: await issued() });
    expect(next.errors).toBeUndefined();
    expect(next.data?.products.edges).toHaveLength(2);
  });

  it.each([
    ["its position without the signature", (cursor: string) => cursor.split(".")[0]!],
    ["a position of the client's own making", (cursor: string) => Buffer.from(JSON.stringify([positionOf(cursor)[0], "SKU-00010", positionOf(cursor)[2]])).toString("base64url")],
    ["another position under the issued signature", (cursor: string) => `${Buffer.from(JSON.stringify([positionOf(cursor)[0], "SKU-00010", positionOf(cursor)[2]])).toString("base64url")}.${cursor.split(".")[1]}`],
    ["a cursor signed with another secret", (cursor: string) => `${cursor.split(".")[0]}.${createHmac("sha256", "not the server's").update(cursor.split(".")[0]!).digest().subarray(0, 16).toString("base64url")}`],
    ["a cursor longer than the limit", (cursor: string) => `${cursor}${"A".repeat(MAX_CURSOR_LENGTH)}`],
  ])("%s is BAD_USER_INPUT naming the argument", async (_, forge) => {
    const forged = forge(await issued());
    for (const [query, argument] of [[PAGE, "after"], [`query($before: String) { products(last: 2, before: $before) { nodes { sku } } }`, "before"]] as const) {
      const response = await server.gql(query, { [argument]: forged });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
    }
  });

  it("the signing secret is kept in the database, the same for every replica", async () => {
    const first = await loadCursorSecret(server.dataSource);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await loadCursorSecret(server.dataSource)).toBe(first);
  });

  it("CURSOR_SECRET must be long enough", () => {
    expect(() => loadConfig({ CURSOR_SECRET: "short" })).toThrow(/CURSOR_SECRET must be at least 32 characters/);
    expect(loadConfig({ CURSOR_SECRET: "x".repeat(32) }).cursorSecret).toBe("x".repeat(32));
  });
});
