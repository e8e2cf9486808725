import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { randomBytes } from "node:crypto";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
let databaseUrl: string;
let token: string;
beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("idem_keys");
  server = await startTestServer({ databaseUrl });
  token = await server.customerToken(0);
});
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

/** A one-line pre-order (no stock needed) under `key`. */
const PLACE = graphql(`mutation IdempotencyKeysPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: "SKU-00042", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code } } }`);

async function commandsWithKey(key: string): Promise<number> {
  const [row] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM command WHERE idempotency_key = $1`, [key])) as Array<{ n: number }>;
  return row!.n;
}

describe("idempotency keys", () => {
  it("refuses a key with a lone surrogate (BAD_USER_INPUT naming idempotencyKey), so it can never collide with the same key holding U+FFFD", async () => {
    const suffix = randomBytes(4).toString("hex");
    const lone = await server.gql(PLACE, { key: `order-${suffix}-\uD800` }, token);
    expect(lone.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "idempotencyKey" });
    expect(lone.errors?.[0]?.message).toContain("idempotencyKey");
    const trailing = await server.gql(PLACE, { key: `order-${suffix}-\uDFFF` }, token);
    expect(trailing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "idempotencyKey" });

    // The key PostgreSQL would have stored instead is an ordinary new key: a new order, not a replay of another one.
    const replaced = await server.gql(PLACE, { key: `order-${suffix}-\uFFFD` }, token);
    expect(replaced.errors).toBeUndefined();
    expect((replaced as any).extensions?.idempotency).toEqual({ replayed: false });
    expect(await commandsWithKey(`order-${suffix}-\uFFFD`)).toBe(1);
  });

  it("accepts a well-formed surrogate pair (an emoji is one character)", async () => {
    const key = `order-${randomBytes(4).toString("hex")}-\u{1F600}`;
    const placed = await server.gql(PLACE, { key }, token);
    expect(placed.errors).toBeUndefined();
    expect(await commandsWithKey(key)).toBe(1);
  });

  it("counts the length in characters: a key of 255 characters, 254 of them emoji (509 UTF-16 units), is accepted, 256 characters are refused", async () => {
    const emoji = "\u{1F600}".repeat(254) + randomBytes(1).toString("hex").slice(0, 1);
    expect([...emoji]).toHaveLength(255);
    expect(emoji.length).toBe(509);
    const accepted = await server.gql(PLACE, { key: emoji }, token);
    expect(accepted.errors).toBeUndefined();
    expect(await commandsWithKey(emoji)).toBe(1);

    const tooLong = await server.gql(PLACE, { key: "\u{1F600}".repeat(256) }, token);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "idempotencyKey" });
    const asciiTooLong = await server.gql(PLACE, { key: "k".repeat(256) }, token);
    expect(asciiTooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "idempotencyKey" });
    const empty = await server.gql(PLACE, { key: "" }, token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "idempotencyKey" });
  });
});
