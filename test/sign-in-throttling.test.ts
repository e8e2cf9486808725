import crypto, { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { DEMO_CUSTOMERS } from "../src/db/seed/seed-demo-data.js";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (the request is posted by hand with its client address): not typed documents.

/** Small allowances, so that the test reaches them: 3 failures per e-mail, 6 per address, 4 unknown tokens per address, per 15 minutes. */
const SIGN_IN = { accountFailures: 3, addressFailures: 6, credentialFailures: 4, windowSeconds: 900 };

let server: TestServer;
let databaseUrl: string;
beforeAll(async () => {
  const template = inject("writeTemplateUrl");
  databaseUrl = await copyDatabase(template, `signin_${process.pid}_${randomBytes(4).toString("hex")}`, new URL(template).pathname.slice(1));
  server = await startTestServer({ databaseUrl, limits: { signIn: SIGN_IN } });
});
afterAll(async () => {
  await server.close();
  await dropDatabase(databaseUrl);
});

const SIGN_IN_MUTATION = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }`;
const [acme, globex] = DEMO_CUSTOMERS;

/** A request from `address`, answered as status, Retry-After and body. */
async function post(address: string, body: unknown, authorization?: string): Promise<{ status: number; retryAfter?: string; body: any }> {
  const response = await server.app.inject({
    method: "POST",
    url: "/graphql",
    remoteAddress: address,
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, retryAfter: response.headers["retry-after"] as string | undefined, body: response.json() };
}

/** Signs in from `address`: "TOKEN", a user error's code, or a GraphQL error's code. */
async function signIn(address: string, email: string, password: string): Promise<string> {
  const { body } = await post(address, { query: SIGN_IN_MUTATION, variables: { input: { email, password } } });
  if (body.errors) return body.errors[0].extensions.code;
  const payload = body.data.customerAccessTokenCreate;
  return payload.customerAccessToken ? "TOKEN" : payload.userErrors[0].code;
}

describe("sign-in", () => {
  it("an unknown e-mail costs the same scrypt work and SQL statements as a known one with a wrong password", async () => {
    // The first unknown e-mail also makes the dummy hash once per process.
    await signIn("10.1.0.1", "warm-up@nowhere.example", "whatever-password");
    const scrypt = vi.spyOn(crypto, "scrypt");
    try {
      let statements = server.statements.count;
      expect(await signIn("10.1.0.1", "nobody@nowhere.example", "whatever-password")).toBe("INVALID_CREDENTIALS");
      const unknown = { scrypt: scrypt.mock.calls.length, statements: server.statements.count - statements };
      scrypt.mockClear();
      statements = server.statements.count;
      expect(await signIn("10.1.0.1", globex!.email, "wrong-password")).toBe("INVALID_CREDENTIALS");
      const known = { scrypt: scrypt.mock.calls.length, statements: server.statements.count - statements };
      expect(known.scrypt).toBe(1);
      expect(known.statements).toBeGreaterThan(0);
      expect(unknown).toEqual(known);
    } finally {
      scrypt.mockRestore();
    }
  });

  it("the N+1-th attempt on an e-mail after N failures is THROTTLED (HTTP 429, Retry-After), even with the right password, until the window passes; other accounts are unaffected", async () => {
    for (let i = 0; i < SIGN_IN.accountFailures; i++) expect(await signIn("10.1.0.2", acme!.email, `wrong-${i}`)).toBe("INVALID_CREDENTIALS");
    const refused = await post("10.1.0.2", { query: SIGN_IN_MUTATION, variables: { input: { email: acme!.email, password: acme!.password } } });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe("THROTTLED");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    // Per e-mail, whatever the address (and whatever its case).
    expect(await signIn("10.1.0.3", acme!.email.toUpperCase(), acme!.password)).toBe("THROTTLED");
    // Another account from the same address signs in.
    expect(await signIn("10.1.0.2", globex!.email, globex!.password)).toBe("TOKEN");
    // A successful sign-in does not count: the other account can keep signing in.
    for (let i = 0; i < SIGN_IN.accountFailures + 1; i++) expect(await signIn("10.1.0.4", globex!.email, globex!.password)).toBe("TOKEN");
    // The window passes (the bucket's clock moved back by its length): the right password works again.
    await server.dataSource.query(`UPDATE rate_limit_bucket SET updated_at = updated_at - make_interval(secs => $1) WHERE key LIKE 'signin:account:%'`, [SIGN_IN.windowSeconds]);
    expect(await signIn("10.1.0.2", acme!.email, acme!.password)).toBe("TOKEN");
  });

  it("every spelling of an e-mail that finds one account draws on that account's allowance, whatever Unicode case folding it needs", async () => {
    const email = "iris.smith@bigmail.example";
    const password = "iris-password-1";
    const created = await server.gql(
      `mutation($input: AccountCreateInput!) { accountCreate(input: $input, idempotencyKey: "signin-iris") { account { id } userErrors { code } } }`,
      { input: { code: "IRIS-1", name: "Iris Smith", email, password } },
      server.adminKey,
    );
    expect(created.data!.accountCreate.userErrors).toEqual([]);
    // The spellings PostgreSQL's lower() folds to the account's e-mail ('İ', U+0130, to 'i'), which JavaScript lower-cases otherwise.
    const spellings = ["İris.smith@bigmail.example", "irİs.smİth@bİgmaİl.example", "IRİS.SMITH@BIGMAIL.EXAMPLE"];
    const [folded] = (await server.dataSource.query(`SELECT array_agg(lower(s) = $1) AS same FROM unnest($2::text[]) AS s`, [email, spellings])) as Array<{ same: boolean[] }>;
    expect(folded!.same).toEqual([true, true, true]);
    expect(await signIn("10.1.2.1", spellings[0]!, password)).toBe("TOKEN");

    for (let i = 0; i < SIGN_IN.accountFailures; i++) expect(await signIn("10.1.2.2", email, `wrong-${i}`)).toBe("INVALID_CREDENTIALS");
    for (const [i, spelling] of spellings.entries()) expect(await signIn(`10.1.2.${3 + i}`, spelling, password)).toBe("THROTTLED");
    expect(await signIn("10.1.2.9", email, password)).toBe("THROTTLED");
  });

  it("an unknown e-mail has one allowance for every spelling PostgreSQL's lower() folds together, as a known one does", async () => {
    const spellings = ["nobody.in.particular@nowhere.example", "nobody.İn.partİcular@nowhere.example", "NOBODY.İN.PARTİCULAR@NOWHERE.EXAMPLE", "nobody.in.partİcular@nowhere.example"];
    for (const [i, spelling] of spellings.slice(0, SIGN_IN.accountFailures).entries()) expect(await signIn(`10.1.3.${1 + i}`, spelling, "password-1")).toBe("INVALID_CREDENTIALS");
    expect(await signIn("10.1.3.9", spellings[SIGN_IN.accountFailures]!, "password-1")).toBe("THROTTLED");
  });

  it("the N+1-th failure from one address is THROTTLED whatever the e-mails; another address is unaffected", async () => {
    for (let i = 0; i < SIGN_IN.addressFailures; i++) expect(await signIn("10.1.0.5", `guess-${i}@nowhere.example`, "password-1")).toBe("INVALID_CREDENTIALS");
    expect(await signIn("10.1.0.5", "guess-next@nowhere.example", "password-1")).toBe("THROTTLED");
    expect(await signIn("10.1.0.6", "guess-next@nowhere.example", "password-1")).toBe("INVALID_CREDENTIALS");
  });

  it("forged bearer tokens: the N+1-th unknown credential from one address is THROTTLED; valid keys from it and forged ones from elsewhere are not", async () => {
    const viewer = { query: "{ viewer { kind } }" };
    for (let i = 0; i < SIGN_IN.credentialFailures; i++) {
      const forged = await post("10.1.0.7", viewer, i % 2 ? `Bearer cgc_forged${i}` : "Basic abc");
      expect([forged.status, forged.body.errors[0].extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    }
    const throttled = await post("10.1.0.7", viewer, "Bearer cgk_forged");
    expect([throttled.status, throttled.body.errors[0].extensions.code]).toEqual([429, "THROTTLED"]);
    expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post("10.1.0.7", viewer, `Bearer ${server.adminKey}`)).body.data).toEqual({ viewer: { kind: "API_KEY" } });
    expect((await post("10.1.0.8", viewer, "Bearer cgk_forged")).status).toBe(401);
  });

  it("an e-mail, password or token beyond its maximum is INVALID without any work", async () => {
    expect(await signIn("10.1.0.9", `${"a".repeat(250)}@x.example`, "password-1")).toBe("INVALID");
    expect(await signIn("10.1.0.9", acme!.email, "p".repeat(257))).toBe("INVALID");
    const signOut = await post("10.1.0.9", { query: `mutation($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code field } } }`, variables: { t: "cgc_" + "x".repeat(90 * 1024) } });
    expect(signOut.body.data.customerAccessTokenDelete).toEqual({ deleted: false, userErrors: [{ code: "INVALID", field: ["accessToken"] }] });
  });
});
