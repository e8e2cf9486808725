import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
beforeAll(async () => {
  h = await startWriteHarness();
});
afterAll(() => h.close());

const CREATE = `mutation($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) {
  account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } } command { id status } userErrors { field code message } } }`;

describe("accountCreate", () => {
  it("creates the account, sends it to its targets, stores the ERP's id, and the customer can sign in", async () => {
    const input = { code: "NEW-0001", name: "Initech", email: "buyer@initech.example", customerGroupCode: "RETAIL", password: "initech-password" };
    const payload = dataAt<any>(await h.server.gql(CREATE, { input, key: "acct-1" }, h.server.adminKey), "accountCreate");
    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toMatchObject({ code: "NEW-0001", email: "buyer@initech.example", customerGroup: { code: "RETAIL" }, syncStatus: "PENDING" });
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const account = dataAt<any>(await h.server.gql(`{ account(code: "NEW-0001") { syncStatus externalReferences { connector externalId } } }`, {}, h.server.adminKey), "account");
    expect(account.syncStatus).toBe("SYNCED");
    expect(account.externalReferences).toEqual([{ connector: "erp", externalId: expect.stringMatching(/^ERP-/) }]);
    const signIn = dataAt<any>(
      await h.server.gql(`mutation { customerAccessTokenCreate(input: { email: "BUYER@initech.example", password: "initech-password" }) { customerAccessToken { accessToken } } }`),
      "customerAccessTokenCreate",
    );
    expect(signIn.customerAccessToken.accessToken).toMatch(/^cgc_/);
  });

  it("a taken e-mail or code, or invalid fields, are user errors; only admins create accounts", async () => {
    const taken = dataAt<any>(await h.server.gql(CREATE, { input: { code: "NEW-0002", name: "Dup", email: "Buyer@Acme.Example" }, key: "acct-2" }, h.server.adminKey), "accountCreate");
    expect(taken.userErrors).toEqual([expect.objectContaining({ code: "TAKEN" })]);
    const invalid = dataAt<any>(await h.server.gql(CREATE, { input: { code: "bad code!", name: " ", email: "nope", password: "short" }, key: "acct-3" }, h.server.adminKey), "accountCreate");
    expect(invalid.userErrors.map((e: any) => e.field[1]).sort()).toEqual(["code", "email", "name", "password"]);
    const group = dataAt<any>(await h.server.gql(CREATE, { input: { code: "NEW-0003", name: "X", email: "x@x.example", customerGroupCode: "NOPE" }, key: "acct-4" }, h.server.adminKey), "accountCreate");
    expect(group.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["input", "customerGroupCode"] })]);
    const customer = await h.server.customerToken(0);
    expect((await h.server.gql(CREATE, { input: { code: "NEW-0004", name: "X", email: "y@y.example" }, key: "acct-5" }, customer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("customerAccessTokenDelete", () => {
  it("signs the customer out at once; deleting twice is harmless", async () => {
    const token = await h.server.customerToken(1);
    const DELETE = `mutation($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }`;
    expect(dataAt<any>(await h.server.gql(`{ viewer { kind } }`, {}, token), "viewer.kind")).toBe("CUSTOMER");
    expect(dataAt<any>(await h.server.gql(DELETE, { t: token }), "customerAccessTokenDelete")).toEqual({ deleted: true, userErrors: [] });
    expect((await h.server.gql(`{ viewer { kind } }`, {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(dataAt<any>(await h.server.gql(DELETE, { t: token }), "customerAccessTokenDelete")).toEqual({ deleted: false, userErrors: [] });
  });
});
