import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt, dataOf } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// accountCreate, accountUpdate, accountDelete, the ship-to mutations, and customerAccessTokenDelete.

let h: WriteHarness;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  h = await startWriteHarness();
  [tokenA, tokenB] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

let n = 0;
const key = () => `acct-change-${Date.now()}-${n++}`;
// What the account mutations below answer with: the account's fields (this fragment), its command and user errors.
graphql(`fragment AccountMutationsAccount on Account { id name email phone paymentTerms deletedAt syncStatus shipTos { id name isDefault address { city } } }`);
const ADDRESS = { line1: "1 Dock Road", city: "Oakland", region: "CA", postalCode: "94607", countryCode: "US" };

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

describe("accountUpdate", () => {
  it("a customer changes its own contact details; terms need an admin; e-mails stay unique", async () => {
    const UPDATE = graphql(`mutation AccountMutationsUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }`);
    const me = dataAt<any>(await h.server.gql(graphql(`query AccountMutationsViewer { viewer { account { id } } }`), {}, tokenA), "viewer.account");
    const payload = dataAt<any>(await h.server.gql(UPDATE, { input: { account: { id: me.id }, phone: "+1 555 0100", name: "Acme Hardware Company" }, key: key() }, tokenA), "accountUpdate");
    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toMatchObject({ phone: "+1 555 0100", name: "Acme Hardware Company", email: "buyer@acme.example", syncStatus: "PENDING" });
    expect(payload.command.type).toBe("accountUpdate");
    await h.waitForCommand(payload.command.id, ["DELIVERED"]);

    expect((await h.server.gql(UPDATE, { input: { account: { id: me.id }, paymentTerms: "NET90" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = dataAt<any>(await h.server.gql(graphql(`query AccountMutationsAccount { account(code: "C00002") { id } }`), {}, h.server.adminKey), "account");
    expect((await h.server.gql(UPDATE, { input: { account: { id: other.id }, phone: "1" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await h.server.gql(UPDATE, { input: { account: { code: "C00002" }, phone: "1" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const taken = dataAt<any>(await h.server.gql(UPDATE, { input: { account: { email: "buyer@acme.example" }, email: "BUYER@globex.example" }, key: key() }, tokenA), "accountUpdate");
    expect(taken.userErrors).toEqual([{ code: "TAKEN", field: ["input", "email"] }]);
    const admin = dataAt<any>(await h.server.gql(UPDATE, { input: { account: { code: "C00001" }, paymentTerms: "NET60" }, key: key() }, h.server.adminKey), "accountUpdate");
    expect(admin.account.paymentTerms).toBe("NET60");
    const missing = dataAt<any>(await h.server.gql(UPDATE, { input: { account: { code: "NOPE" }, phone: "1" }, key: key() }, h.server.adminKey), "accountUpdate");
    expect(missing.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "account"] }]);
    expect((await h.server.gql(UPDATE, { input: { account: { code: "C00001", email: "x@y.example" }, phone: "1" }, key: key() }, h.server.adminKey)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("ship-tos", () => {
  it("add, make default, change and remove a ship-to; the last one cannot be removed", async () => {
    const ADD = graphql(`mutation AccountMutationsShipToAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }`);
    const added = dataAt<any>(await h.server.gql(ADD, { input: { name: "Dock 7", address: ADDRESS, isDefault: true }, key: key() }, tokenB), "shipToAdd");
    expect(added.userErrors).toEqual([]);
    const dock = added.account.shipTos.find((s: any) => s.name === "Dock 7");
    expect(dock.isDefault).toBe(true);
    expect(added.account.shipTos.filter((s: any) => s.isDefault)).toHaveLength(1);

    const UPDATE = graphql(`mutation AccountMutationsShipToUpdate($input: ShipToUpdateInput!, $key: String!) { shipToUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }`);
    const changed = dataAt<any>(await h.server.gql(UPDATE, { input: { shipToId: dock.id, address: { ...ADDRESS, city: "Alameda" } }, key: key() }, tokenB), "shipToUpdate");
    expect(changed.account.shipTos.find((s: any) => s.id === dock.id).address.city).toBe("Alameda");
    const bad = dataAt<any>(await h.server.gql(UPDATE, { input: { shipToId: dock.id, address: { ...ADDRESS, countryCode: "usa" } }, key: key() }, tokenB), "shipToUpdate");
    expect(bad.userErrors).toEqual([{ code: "INVALID", field: ["input", "address", "countryCode"] }]);
    expect((await h.server.gql(UPDATE, { input: { shipToId: dock.id, name: "Mine now" }, key: key() }, tokenA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const REMOVE = graphql(`mutation AccountMutationsShipToRemove($id: ID!, $key: String!) { shipToRemove(shipToId: $id, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }`);
    const removed = dataAt<any>(await h.server.gql(REMOVE, { id: dock.id, key: key() }, tokenB), "shipToRemove");
    expect(removed.account.shipTos.map((s: any) => s.id)).not.toContain(dock.id);
    expect(removed.account.shipTos.filter((s: any) => s.isDefault)).toHaveLength(1);
    let remaining = removed.account.shipTos;
    while (remaining.length > 1) remaining = dataAt<any>(await h.server.gql(REMOVE, { id: remaining[0].id, key: key() }, tokenB), "shipToRemove").account.shipTos;
    const last = dataAt<any>(await h.server.gql(REMOVE, { id: remaining[0].id, key: key() }, tokenB), "shipToRemove");
    expect(last.userErrors).toEqual([{ code: "INVALID_STATE", field: ["shipToId"] }]);

    // A removed ship-to cannot be changed, nor made the default.
    const again = dataAt<any>(await h.server.gql(UPDATE, { input: { shipToId: dock.id, isDefault: true }, key: key() }, tokenB), "shipToUpdate");
    expect(again.userErrors).toEqual([{ code: "INVALID_STATE", field: ["input", "shipToId"] }]);
  });

  it("only operators set the ERP's ship-to id", async () => {
    const ADD = graphql(`mutation AccountMutationsAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { code } } }`);
    const input = { name: "Borrowed site", address: ADDRESS, erpShipToId: "ERP-SITE-1" };
    expect((await h.server.gql(ADD, { input, key: key() }, tokenB)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("accountDelete", () => {
  it("an admin deletes an account: it cannot sign in or be found by code, its orders stay", async () => {
    const DELETE = graphql(`mutation AccountMutationsDelete($id: ID!, $key: String!) { accountDelete(account: { id: $id }, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }`);
    const account = dataAt<any>(await h.server.gql(graphql(`query AccountMutationsAccount2 { account(code: "C00002") { id orders(first: 1) { nodes { id } } } }`), {}, h.server.adminKey), "account");
    expect((await h.server.gql(DELETE, { id: account.id, key: key() }, tokenB)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const deleted = dataAt<any>(await h.server.gql(DELETE, { id: account.id, key: key() }, h.server.adminKey), "accountDelete");
    expect(deleted.userErrors).toEqual([]);
    expect(deleted.account.deletedAt).not.toBeNull();
    expect(dataAt<any>(await h.server.gql(graphql(`query AccountMutationsAccount3 { account(code: "C00002") { id } }`), {}, h.server.adminKey), "account")).toBeNull();
    expect((await h.server.gql(graphql(`query AccountMutationsViewer2 { viewer { kind } }`), {}, tokenB)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const signIn = dataAt<any>(await h.server.gql(graphql(`mutation AccountMutationsCustomerAccessTokenCreate { customerAccessTokenCreate(input: { email: "buyer@globex.example", password: "globex-demo-2" }) { userErrors { code } } }`)), "customerAccessTokenCreate");
    expect(signIn.userErrors).toEqual([{ code: "INVALID_CREDENTIALS" }]);
    const order = dataAt<any>(await h.server.gql(graphql(`query AccountMutationsOrder($id: ID!) { order(id: $id) { account { deletedAt } } }`), { id: account.orders.nodes[0].id }, h.server.adminKey), "order");
    expect(order.account.deletedAt).not.toBeNull();
    const refused = dataAt<any>(
      await h.server.gql(graphql(`mutation AccountMutationsOrderPlace($a: ID!, $key: String!) { orderPlace(input: { accountId: $a, kind: PREORDER, lines: [{ sku: "SKU-00001", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code field } } }`), { a: account.id, key: key() }, h.server.adminKey),
      "orderPlace",
    );
    expect(refused).toEqual({ order: null, userErrors: [{ code: "NOT_FOUND", field: ["input", "accountId"] }] });
    const again = dataAt<any>(await h.server.gql(DELETE, { id: account.id, key: key() }, h.server.adminKey), "accountDelete");
    expect(again.userErrors).toEqual([{ code: "NOT_FOUND", field: ["account"] }]);
  });
});
