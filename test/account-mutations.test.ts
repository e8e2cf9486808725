import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataOf } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
beforeAll(async () => {
  h = await startWriteHarness();
});
afterAll(() => h.close());

const CREATE = graphql(`
  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {
    accountCreate(input: $input, idempotencyKey: $key) {
      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }
      command { id status }
      userErrors { field code message }
    }
  }
`);

const ACCOUNT_SYNC = graphql(`
  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }
`);

const SIGN_IN_LITERAL = graphql(`
  mutation SignInInitech { customerAccessTokenCreate(input: { email: "BUYER@initech.example", password: "initech-password" }) { customerAccessToken { accessToken } } }
`);

const VIEWER_KIND = graphql(`
  query ViewerKind { viewer { kind } }
`);

const DELETE = graphql(`
  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }
`);

describe("accountCreate", () => {
  it("creates the account, sends it to its targets, stores the ERP's id, and the customer can sign in", async () => {
    const input = { code: "NEW-0001", name: "Initech", email: "buyer@initech.example", customerGroupCode: "RETAIL", password: "initech-password" };
    const payload = dataOf(await h.server.gql(CREATE, { input, key: "acct-1" }, h.server.adminKey)).accountCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toMatchObject({ code: "NEW-0001", email: "buyer@initech.example", customerGroup: { code: "RETAIL" }, syncStatus: "PENDING" });
    await h.waitForCommand(payload.command!.id, ["DELIVERED"]);
    const account = dataOf(await h.server.gql(ACCOUNT_SYNC, { code: "NEW-0001" }, h.server.adminKey)).account!;
    expect(account.syncStatus).toBe("SYNCED");
    expect(account.externalReferences).toEqual([{ connector: "erp", externalId: expect.stringMatching(/^ERP-/) }]);
    const signIn = dataOf(await h.server.gql(SIGN_IN_LITERAL)).customerAccessTokenCreate;
    expect(signIn.customerAccessToken!.accessToken).toMatch(/^cgc_/);
  });

  it("a taken e-mail or code, or invalid fields, are user errors; only admins create accounts", async () => {
    const taken = dataOf(await h.server.gql(CREATE, { input: { code: "NEW-0002", name: "Dup", email: "Buyer@Acme.Example" }, key: "acct-2" }, h.server.adminKey)).accountCreate;
    expect(taken.userErrors).toEqual([expect.objectContaining({ code: "TAKEN" })]);
    const invalid = dataOf(await h.server.gql(CREATE, { input: { code: "bad code!", name: " ", email: "nope", password: "short" }, key: "acct-3" }, h.server.adminKey)).accountCreate;
    expect(invalid.userErrors.map((e) => e.field?.[1]).sort()).toEqual(["code", "email", "name", "password"]);
    const group = dataOf(await h.server.gql(CREATE, { input: { code: "NEW-0003", name: "X", email: "x@x.example", customerGroupCode: "NOPE" }, key: "acct-4" }, h.server.adminKey)).accountCreate;
    expect(group.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["input", "customerGroupCode"] })]);
    const customer = await h.server.customerToken(0);
    expect((await h.server.gql(CREATE, { input: { code: "NEW-0004", name: "X", email: "y@y.example" }, key: "acct-5" }, customer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("customerAccessTokenDelete", () => {
  it("signs the customer out at once; deleting twice is harmless", async () => {
    const token = await h.server.customerToken(1);
    expect(dataOf(await h.server.gql(VIEWER_KIND, {}, token)).viewer.kind).toBe("CUSTOMER");
    expect(dataOf(await h.server.gql(DELETE, { t: token })).customerAccessTokenDelete).toEqual({ deleted: true, userErrors: [] });
    expect((await h.server.gql(VIEWER_KIND, {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(dataOf(await h.server.gql(DELETE, { t: token })).customerAccessTokenDelete).toEqual({ deleted: false, userErrors: [] });
  });
});
