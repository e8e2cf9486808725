import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (hostile, generated requests): not typed documents.

/**
 * A few thousand generated malformed or hostile requests — random bytes,
 * broken and mutated documents, huge strings, wrong variable types, unknown
 * IDs, deep nesting, odd methods and headers — against a server on a database
 * of its own. None may get a 5xx or a stack trace, and the server must still
 * answer normally afterwards.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);

let server: TestServer;
let databaseUrl: string;
let customer: string;

beforeAll(async () => {
  const template = inject("writeTemplateUrl");
  databaseUrl = await copyDatabase(template, `fuzz_${process.pid}_${randomBytes(3).toString("hex")}`, new URL(template).pathname.slice(1));
  server = await startTestServer({ databaseUrl });
  customer = await server.customerToken(0);
});
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

/** A deterministic pseudo-random source, so that a failure can be replayed. */
function prng(seed: number) {
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const VALID = [
  `{ products(first: 5) { nodes { id sku name price(quantity: 2) { unitPrice { amount } } } } }`,
  `query($id: ID!) { node(id: $id) { id ... on Order { number lines { sku } } } }`,
  `query($first: Int, $after: String) { orders(first: $first, after: $after) { edges { cursor node { number total { amount } } } pageInfo { endCursor } } }`,
  `{ viewer { kind account { code orders(first: 3) { nodes { number } } } } }`,
  `mutation($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { code } } }`,
  `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { userErrors { code } } }`,
  `{ warehouses { nodes { code inventoryLevels(first: 3) { nodes { onHand } } } } }`,
];
const JUNK = ["", "null", "{", "}", "{{", "\u0000", "\uFFFF", "💥", "__proto__", "constructor", "' OR 1=1 --", "<script>", "../../etc/passwd", "%00", "9".repeat(400), "-1", "1e309"];

/** A random variable value, often of the wrong type. */
function value(r: ReturnType<typeof prng>): unknown {
  switch (r.int(9)) {
    case 0:
      return r.int(2 ** 31) - 2 ** 30;
    case 1:
      return r.pick(JUNK);
    case 2:
      return "x".repeat(r.int(20_000));
    case 3:
      return [value(r), value(r)];
    case 4:
      return { id: `gid://store/${r.pick(["Order", "Product", "Account", "Nope"])}/${r.pick(JUNK)}`, lines: [{ sku: r.pick(JUNK), quantity: r.pick([0, -5, 1e12, "2", null]) }] };
    case 5:
      return null;
    case 6:
      return r.next() < 0.5;
    case 7:
      return `gid://store/Order/${randomBytes(8).toString("hex")}`;
    default:
      return randomBytes(r.int(64)).toString("base64");
  }
}

/** A valid document broken in random places. */
function mutated(r: ReturnType<typeof prng>): string {
  let text = r.pick(VALID);
  for (let i = r.int(4); i >= 0; i--) {
    const at = r.int(text.length);
    const edit = r.int(4);
    if (edit === 0) text = text.slice(0, at) + text.slice(at + 1 + r.int(5));
    else if (edit === 1) text = text.slice(0, at) + r.pick(["{", "}", "(", ")", "$", "...", "@skip", "@include(if: $x)", ":", '"', "#", "\\"]) + text.slice(at);
    else if (edit === 2) text = text.slice(0, at) + r.pick(JUNK) + text.slice(at);
    else text = text.replace(/first: \$first/, `first: ${r.pick(["1000", "-1", "0", '"a"', "null", "2147483648"])}`);
  }
  return text;
}

/** One hostile request. */
function request(r: ReturnType<typeof prng>) {
  // Mostly well-formed envelopes, so that most requests reach validation and the resolvers.
  const auth = r.next() < 0.85 ? r.pick([undefined, `Bearer ${customer}`, `Bearer ${server.storefrontKey}`]) : r.pick(["Bearer cgk_forged", "Basic Zm9vOmJhcg==", "Bearer", r.pick(JUNK)]);
  const headers: Record<string, string> = {
    "content-type": r.next() < 0.85 ? "application/json" : r.pick(["text/plain", "application/graphql", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]),
  };
  if (auth) headers.authorization = auth;
  switch (r.int(14)) {
    case 0:
      return { method: "POST" as const, headers, payload: randomBytes(r.int(300)) };
    case 1:
      return { method: "POST" as const, headers, payload: JSON.stringify(value(r)) };
    case 2:
      return { method: "GET" as const, headers: { ...headers, "apollo-require-preflight": "1" }, url: `/graphql?query=${encodeURIComponent(mutated(r))}&variables=${encodeURIComponent(r.pick(JUNK))}` };
    case 3:
      return { method: "POST" as const, headers, payload: JSON.stringify({ query: "{".repeat(r.int(3000)) + "}".repeat(r.int(3000)) }) };
    case 4:
      return { method: r.pick(["PUT", "DELETE", "PATCH", "OPTIONS"] as const), headers, payload: JSON.stringify({ query: r.pick(VALID) }) };
    default:
      return {
        method: "POST" as const,
        headers,
        payload: JSON.stringify({ query: r.next() < 0.5 ? mutated(r) : r.pick(VALID), variables: { id: value(r), first: value(r), after: value(r), input: value(r), key: value(r) }, operationName: r.next() < 0.2 ? r.pick(JUNK) : undefined }),
      };
  }
}

describe("fuzzing the HTTP API", () => {
  it(`${REQUESTS} hostile requests: no 5xx, no stack trace, and the server answers normally after`, async () => {
    const r = prng(20261123);
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const sent = request(r);
      const response = await server.app.inject({ url: "/graphql", ...sent });
      if (response.statusCode >= 500 || /\bat .+\.(ts|js):\d+|"stack"|stacktrace/i.test(response.body)) {
        failures.push(`#${i} ${sent.method} ${response.statusCode}: ${response.body.slice(0, 300)} <= ${String(sent.payload ?? sent.url).slice(0, 200)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    const after = await server.gql(`{ products(first: 2) { nodes { sku } } }`);
    expect(after.data?.products.nodes).toHaveLength(2);
  });
});
