import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { walk } from "./support/paging.js";
import { errorCode, reader } from "./support/reads.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// account and accounts as an admin API key reads them (customer isolation: access.test.ts; account mutations: account-mutations.test.ts).

let server: TestServer;
/** Global IDs of the demo accounts C00001 and C00002. */
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer();
  const accounts = await admin(graphql(`query AccountsAccount { a: account(code: "C00001") { id } g: account(code: "C00002") { id } }`));
  acme = accounts.a.id;
  globex = accounts.g.id;
});
afterAll(() => server.close());

const { read: admin, sql, count, allNodes } = reader(() => server, (s) => s.adminKey);

describe("accounts", () => {
  // The fields of Account these tests read, spread as ...AccountsAccount.
  graphql(`fragment AccountsAccount on Account { id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }
    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }
    restrictedProducts { sku } }`);

  it("account(id), account(email) in any case and account(code) return the same account", async () => {
    const byCode = await admin(graphql(`query AccountsBAccount { account(code: "C00001") { ...AccountsAccount } }`), {}, "account");
    expect(byCode.id).toBe(acme);
    for (const email of ["buyer@acme.example", "BUYER@ACME.EXAMPLE", "Buyer@Acme.Example"]) {
      expect(await admin(graphql(`query AccountsBAccount2($e: String!) { account(email: $e) { ...AccountsAccount } }`), { e: email }, "account"), email).toEqual(byCode);
    }
    expect(await admin(graphql(`query AccountsBAccount3($id: ID!) { account(id: $id) { ...AccountsAccount } }`), { id: byCode.id }, "account")).toEqual(byCode);
  });

  it("unknown code or e-mail, and a well-formed ID of nothing, are null; zero or two arguments are BAD_USER_INPUT", async () => {
    expect(
      await admin(graphql(`query AccountsAccount2 { c: account(code: "C99999") { id } e: account(email: "nobody@example.com") { id } i: account(id: "gid://store/Account/00000000-0000-0000-0000-000000000000") { id } }`)),
    ).toEqual({ c: null, e: null, i: null });
    for (const args of ["", `(code: "C00001", email: "buyer@acme.example")`]) {
      expect(errorCode(await server.gql(`{ account${args} { id } }`, {}, server.adminKey))).toBe("BAD_USER_INPUT");
    }
  });

  it.each([
    ["account(email)", `query($s: String!) { account(email: $s) { id } }`, "account"],
    ["account(code)", `query($s: String!) { account(code: $s) { id } }`, "account"],
    ["accounts(filter: { search })", `query($s: String!) { accounts(filter: { search: $s }) { totalCount } }`, "accounts"],
  ])("%s with a NUL character finds nothing (or is BAD_USER_INPUT), never an internal error", async (_, query, field) => {
    const response = await server.gql(query, { s: "C00001\u0000" }, server.adminKey);
    if (response.errors) {
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
    } else {
      expect(response.data?.[field]).toEqual(field === "accounts" ? { totalCount: 0 } : null);
    }
  });

  it("the fields of an account are the stored ones: references, groups, warehouse, ship-tos (one default, first)", async () => {
    for (const code of ["C00001", "C00002"]) {
      const [row] = await sql<any>(
        `SELECT a.id, a.code, a.name, a.email, a.phone, a.payment_terms, a.currency_code, cg.code AS cg_code, cg.name AS cg_name, rg.code AS rg_code, w.code AS wh
         FROM account a LEFT JOIN customer_group cg ON cg.id = a.customer_group_id LEFT JOIN corporate_group rg ON rg.id = a.corporate_group_id
         LEFT JOIN warehouse w ON w.id = a.default_warehouse_id WHERE a.code = $1`,
        [code],
      );
      const refs = await sql<{ connector: string; external_id: string }>(`SELECT connector, external_id FROM account_external_ref WHERE account_id = $1 ORDER BY connector`, [row.id]);
      const shipTos = await sql<any>(`SELECT name, is_default, erp_ship_to_id, address FROM ship_to WHERE account_id = $1`, [row.id]);
      const account = await admin(graphql(`query AccountsBAccount4($c: String!) { account(code: $c) { ...AccountsAccount } }`), { c: code }, "account");
      expect(account).toMatchObject({
        code,
        name: row.name,
        email: row.email,
        phone: row.phone,
        paymentTerms: row.payment_terms,
        currencyCode: row.currency_code,
        externalReferences: refs.map((r) => ({ connector: r.connector, externalId: r.external_id })),
        customerGroup: { code: row.cg_code, name: row.cg_name },
        corporateGroup: row.rg_code ? { code: row.rg_code } : null,
        defaultWarehouse: { code: row.wh },
        parentAccount: null,
        subAccounts: [],
        restrictedProducts: [],
      });
      expect(account.customerGroup.code).toBe(code === "C00001" ? "WHOLESALE" : "CONTRACTOR");
      expect(account.shipTos).toHaveLength(shipTos.length);
      expect(account.shipTos.filter((s: any) => s.isDefault)).toHaveLength(1);
      expect(account.shipTos[0].isDefault).toBe(true);
      const key = (s: { name: string; isDefault: boolean; erpShipToId: string | null; city: string }) => `${s.name}|${s.isDefault}|${s.erpShipToId}|${s.city}`;
      expect(account.shipTos.map((s: any) => key({ ...s, city: s.address.city })).sort()).toEqual(
        shipTos.map((s) => key({ name: s.name, isDefault: s.is_default, erpShipToId: s.erp_ship_to_id, city: s.address.city })).sort(),
      );
    }
  });

  it("a sub-account links to its parent, and the parent lists its sub-accounts", async () => {
    const [row] = await sql<{ child: string; parent: string }>(`SELECT c.code AS child, p.code AS parent FROM account c JOIN account p ON p.id = c.parent_id ORDER BY c.code LIMIT 1`);
    const siblings = await sql<{ code: string }>(`SELECT c.code FROM account c JOIN account p ON p.id = c.parent_id WHERE p.code = $1 ORDER BY c.code`, [row!.parent]);
    const child = await admin(graphql(`query AccountsAccount3($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }`), { c: row!.child }, "account");
    expect(child).toEqual({
      parentAccount: { code: row!.parent, parentAccount: null, subAccounts: siblings.map((s) => ({ code: s.code, parentAccount: { code: row!.parent } })) },
      subAccounts: [],
    });
  });

  it("restrictedProducts are the products the account may not buy", async () => {
    const [row] = await sql<{ code: string }>(`SELECT a.code FROM account_restricted_product r JOIN account a ON a.id = r.account_id GROUP BY a.code HAVING count(*) > 1 ORDER BY a.code LIMIT 1`);
    const skus = await sql<{ sku: string }>(
      `SELECT p.sku FROM account_restricted_product r JOIN account a ON a.id = r.account_id JOIN product p ON p.id = r.product_id WHERE a.code = $1 ORDER BY p.sku`,
      [row!.code],
    );
    const account = await admin(graphql(`query AccountsAccount4($c: String!) { account(code: $c) { restrictedProducts { sku } } }`), { c: row!.code }, "account");
    expect(account.restrictedProducts).toEqual(skus);
  });

  it.each(["C00001", "C00002", "C00003"])("%s: account.orders, invoices and quotes count what the database holds, and hold only its own", async (code) => {
    const account = await admin(
      graphql(`query AccountsAccount5($c: String!) { account(code: $c) { code
        orders(first: 100) { totalCount nodes { account { code } } }
        invoices(first: 100) { totalCount nodes { account { code } } }
        quotes(first: 100) { totalCount nodes { account { code } } } } }`),
      { c: code },
      "account",
    );
    const owned = (table: string) => count(`SELECT count(*) FROM ${table} x JOIN account a ON a.id = x.account_id WHERE a.code = $1`, [code]);
    expect(account.orders.totalCount).toBe(await owned(`"order"`));
    expect(account.invoices.totalCount).toBe(await owned("invoice"));
    expect(account.quotes.totalCount).toBe(await owned("quote"));
    if (code !== "C00003") expect(account.orders.totalCount).toBe(60);
    for (const list of [account.orders, account.invoices, account.quotes]) {
      expect(list.nodes).toHaveLength(list.totalCount);
      expect(list.nodes.every((n: any) => n.account.code === code)).toBe(true);
    }
  });

  it("account.orders ignores an accountId in its filter but applies the other filters", async () => {
    const orders = await admin(graphql(`query AccountsAccount6($g: ID!) { account(code: "C00001") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }`), { g: globex }, "account.orders");
    expect(orders.totalCount).toBe(await count(`SELECT count(*) FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' AND o.status = 'COMPLETED'`));
    expect(orders.nodes.every((o: any) => o.account.code === "C00001" && o.status === "COMPLETED")).toBe(true);
  });
});

describe("accounts list", () => {
  const LIST = graphql(`query AccountsBList($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } pageInfo { hasNextPage endCursor } } }`);
  let rows: Array<{ code: string; name: string; email: string; group: string | null; parent: string | null }>;
  beforeAll(async () => {
    rows = await sql(
      `SELECT a.code, a.name, a.email, cg.code AS group, p.code AS parent FROM account a LEFT JOIN customer_group cg ON cg.id = a.customer_group_id
       LEFT JOIN account p ON p.id = a.parent_id ORDER BY a.code`,
    );
  });
  const codes = (nodes: any[]) => nodes.map((n) => n.code);

  it("without a filter lists every account by code", async () => {
    expect(codes(await allNodes(LIST, "accounts"))).toEqual(rows.map((r) => r.code));
    expect(rows.length).toBeGreaterThan(100);
  });

  it("search matches name, e-mail or code, case-insensitively", async () => {
    for (const search of ["GLOBEX", "acme.example", "c0000", "Branch"]) {
      const expected = rows.filter((r) => `${r.name}\n${r.email}\n${r.code}`.toLowerCase().includes(search.toLowerCase())).map((r) => r.code);
      expect(expected.length, search).toBeGreaterThan(0);
      expect(codes(await allNodes(LIST, "accounts", { filter: { search } })), search).toEqual(expected);
    }
  });

  it("search finds an account when every word appears in its name, e-mail or code, in any order (schema: “Words that must appear”)", async () => {
    const search = "supply globex";
    const expected = rows.filter((r) => search.split(" ").every((w) => `${r.name}\n${r.email}\n${r.code}`.toLowerCase().includes(w))).map((r) => r.code);
    expect(expected).toContain("C00002");
    expect(codes(await allNodes(LIST, "accounts", { filter: { search } }))).toEqual(expected);
  });

  it("customerGroupCode lists exactly the group's accounts", async () => {
    for (const group of ["WHOLESALE", "CONTRACTOR", "NOPE"]) {
      const expected = rows.filter((r) => r.group === group).map((r) => r.code);
      expect(codes(await allNodes(LIST, "accounts", { filter: { customerGroupCode: group } })), group).toEqual(expected);
    }
  });

  it("parentAccountId lists exactly the parent's sub-accounts", async () => {
    const parent = rows.find((r) => r.parent !== null)!.parent!;
    const id = await admin(graphql(`query AccountsAccount7($c: String!) { account(code: $c) { id } }`), { c: parent }, "account.id");
    const children = await allNodes(LIST, "accounts", { filter: { parentAccountId: id } });
    expect(codes(children)).toEqual(rows.filter((r) => r.parent === parent).map((r) => r.code));
    expect(children.every((c) => c.parentAccount.code === parent)).toBe(true);
    expect(codes(await allNodes(LIST, "accounts", { filter: { parentAccountId: acme } }))).toEqual([]);
  });
});

describe("paging the lists of one account", () => {
  it("walking account.orders forward and backward visits the 60 orders once, in the same order", async () => {
    const PAGE = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
    const run = (vars: Record<string, unknown>) =>
      server.gql(`query($first: Int, $after: String, $last: Int, $before: String) { account(code: "C00001") { orders(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } }`, vars, server.adminKey);
    const forward = await walk(run, "account.orders", "forward", 7);
    const backward = await walk(run, "account.orders", "backward", 7);
    expect(forward.ids).toHaveLength(60);
    expect(new Set(forward.ids).size).toBe(60);
    expect(backward.ids).toEqual(forward.ids);
  });
});
