import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphql } from "./generated/index.js";
import { TokenBucket } from "../src/common/token-bucket.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { connectorsConfig, type ConnectorsConfigInput } from "../src/connectors/connectors-config.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { dataAt, walk } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/**
 * The federated setup: accounts, products and stock from the eConnect ERP
 * (its fake, over HTTP), order history merged from this store and a second
 * web store's database, everything else from the store.
 */
let erp: EconnectFake;
let mainUrl: string;
let shopUrl: string;
let server: TestServer;

const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;

function federated(extra: Partial<ConnectorsConfigInput> = {}) {
  return connectorsConfig({
    connectors: {
      store: { kind: "store" },
      shop2: { kind: "store", databaseUrl: shopUrl },
      erp: { kind: "econnect", url: erp.url, apiKey: "fed-key", timeoutMs: 1000, warehouseCode: "WH-EAST", circuitBreaker: { failureThreshold: 3, halfOpenAfterMs: 400 } },
      ...extra.connectors,
    },
    reads: { accounts: "erp", catalog: "erp", inventory: "erp", orders: ["store", "shop2"], ...extra.reads },
  });
}

/** Runs SQL on one of the two store databases. */
async function sql(url: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  erp = await new EconnectFake("fed-key").seed({ accounts: 120, items: 500 }).start();
  const template = inject("writeTemplateUrl");
  const templateName = new URL(template).pathname.slice(1);
  mainUrl = await copyDatabase(template, `federation_main_${suffix}`, templateName);
  shopUrl = await copyDatabase(template, `federation_shop_${suffix}`, templateName);
  // The second web store: the same customers, its own order numbers, at other times.
  await sql(shopUrl, `UPDATE "order" SET number = 'W2-' || number, created_at = created_at - interval '37 minutes'`);
  server = await startTestServer({ databaseUrl: mainUrl, router: (dataSource) => buildRouter(federated(), dataSource) });
});

afterAll(async () => {
  await server.close();
  await erp.stop();
  await dropDatabase(mainUrl);
  await dropDatabase(shopUrl);
});

/** The ERP calls made while `run` runs. */
async function erpCalls<T>(run: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const before = erp.requests.length;
  const result = await run();
  return { result, calls: erp.requests.slice(before).map((r) => r.command) };
}

describe("reads through the eConnect connector", () => {
  it("accounts by code, e-mail, global ID and as a list", async () => {
    const { result, calls } = await erpCalls(() =>
      server.gql(
        graphql(`query FederationAccount { byCode: account(code: "C00003") { id code name email }
           byEmail: account(email: "ERP4@example.com") { code }
           byId: node(id: "gid://erp/Account/5") { ... on Account { code customerGroup { code } } }
           accounts(first: 3) { nodes { code } totalCount pageInfo { hasNextPage } } }`),
        {},
        server.adminKey,
      ),
    );
    const data = dataAt<any>(result, "");
    expect(data.byCode).toEqual({ id: "gid://erp/Account/3", code: "C00003", name: "ERP customer 3", email: "erp3@example.com" });
    expect(data.byEmail).toEqual({ code: "C00004" });
    expect(data.byId).toEqual({ code: "C00005", customerGroup: { code: "WHOLESALE" } });
    expect(data.accounts).toEqual({ nodes: [{ code: "C00001" }, { code: "C00002" }, { code: "C00003" }], totalCount: 120, pageInfo: { hasNextPage: true } });
    expect(calls.every((c) => c === "account.list")).toBe(true);
  });

  it("a signed-in customer's account is the ERP's record, matched by code, with references to both systems", async () => {
    const token = await server.customerToken(0);
    const viewer = dataAt<any>(await server.gql(graphql(`query FederationViewer { viewer { account { id code email externalReferences { connector externalId } } } }`), {}, token), "viewer.account");
    expect(viewer.id).toBe("gid://erp/Account/1");
    expect(viewer.email).toBe("buyer@acme.example");
    const connectors = viewer.externalReferences.map((r: any) => r.connector);
    expect(connectors).toEqual(["shop2", "store"]);
  });

  it("a customer reads its own account through any connector's record of it, and nothing of others", async () => {
    const token = await server.customerToken(0);
    const own = await server.gql(
      graphql(`query FederationViewer2 { viewer { account { id orders(first: 2) { nodes { id account { id } } } } }
         byId: node(id: "gid://erp/Account/1") { id }
         byCode: account(code: "C00001") { id } }`),
      {},
      token,
    );
    const data = dataAt<any>(own, "");
    expect(data.viewer.account.orders.nodes).toHaveLength(2);
    expect(data.viewer.account.orders.nodes[0].account.id).toBe("gid://erp/Account/1");
    expect(data.byId.id).toBe("gid://erp/Account/1");
    expect(data.byCode.id).toBe("gid://erp/Account/1");
    // Its orders in the second store too.
    const [row] = (await server.dataSource.query(`SELECT o.id FROM "order" o JOIN account a ON a.id = o.account_id WHERE a.code = 'C00001' LIMIT 1`)) as Array<{ id: string }>;
    const shopOrder = dataAt<any>(await server.gql(graphql(`query FederationOrder($id: ID!) { order(id: $id) { account { id } } }`), { id: `gid://shop2/Order/${row!.id}` }, token), "order");
    expect(shopOrder.account.id).toBe("gid://erp/Account/1");
    // Another account, or one that does not exist: the same refusal.
    for (const query of [`{ account(code: "C00002") { id } }`, `{ account(email: "nobody@example.com") { id } }`, `{ node(id: "gid://erp/Account/2") { id } }`]) {
      const refused = await server.gql(query, {}, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const messages = await Promise.all([`{ account(code: "C00002") { id } }`, `{ account(email: "nobody@example.com") { id } }`].map(async (q) => (await server.gql(q, {}, token)).errors?.[0]?.message));
    expect(messages[0]).toBe(messages[1]);
  });

  it("products by SKU, barcode and global ID, with stock in the configured warehouse", async () => {
    const data = dataAt<any>(
      await server.gql(
        graphql(`query FederationProduct { bySku: product(sku: "SKU-00007") { id name listPrice { amount currencyCode } inventoryLevels { warehouse { code } onHand available } }
           byBarcode: product(barcode: "4000000000008") { sku }
           byId: node(id: "gid://erp/Product/109") { ... on Product { sku } }
           products(first: 2, after: null) { nodes { sku } totalCount } }`),
        {},
        server.adminKey,
      ),
      "",
    );
    expect(data.bySku).toEqual({ id: "gid://erp/Product/107", name: "ERP item 7", listPrice: { amount: "17.00", currencyCode: "USD" }, inventoryLevels: [{ warehouse: { code: "WH-EAST" }, onHand: 49, available: 49 }] });
    expect(data.byBarcode).toEqual({ sku: "SKU-00008" });
    expect(data.byId).toEqual({ sku: "SKU-00009" });
    expect(data.products).toEqual({ nodes: [{ sku: "SKU-00001" }, { sku: "SKU-00002" }], totalCount: 500 });
  });

  it("a page of 50 store orders with ERP accounts and ERP products costs one ERP call per level (per 100 keys)", async () => {
    const query = (first: number) =>
      server.gql(graphql(`query FederationOrders($first: Int!) { orders(first: $first) { nodes { number account { code name } lines { sku product { name inventoryLevels { onHand } } } } } }`), { first }, server.adminKey);
    for (const first of [5, 50]) {
      const { result, calls } = await erpCalls(() => query(first));
      const orders = dataAt<any>(result, "orders.nodes");
      expect(orders).toHaveLength(first);
      for (const order of orders) {
        expect(order.account.name).toMatch(/^ERP customer/);
        for (const line of order.lines) expect(line.product.name).toMatch(/^ERP item/);
      }
      const skus = new Set(orders.flatMap((o: any) => o.lines.map((l: any) => l.sku))).size;
      const accounts = new Set(orders.map((o: any) => o.account.code)).size;
      // accounts by CID, products by code, their stock by id: each level batched into lists of at most 100 keys.
      const expected = Math.ceil(accounts / 100) + 2 * Math.ceil(skus / 100);
      expect(calls).toHaveLength(expected);
      expect(calls.length).toBeLessThanOrEqual(first === 5 ? 3 : 5);
    }
  });
});

describe("order history merged from two web stores", () => {
  const HISTORY = graphql(`query FederationHistory($first: Int, $after: String, $last: Int, $before: String) {
    orders(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id number createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`);

  it("pages forward and backward with no gap or repeat, newest first, while orders arrive", async () => {
    const token = await server.customerToken(0);
    const run = (vars: Record<string, unknown>) => server.gql(HISTORY, vars, token);
    const before = await walk(run, "orders", "forward", 100);
    expect(before.totalCount).toBe(before.ids.length);
    expect(before.ids.filter((id) => id.startsWith("gid://shop2/")).length).toBe(before.ids.length / 2);
    const edges = dataAt<any>(await run({ first: 100 }), "orders.edges").map((e: any) => e.node);
    const times = edges.map((o: any) => o.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const original = [...edges.map((o: any) => o.number), ...dataAt<any>(await run({ first: 100, after: before.ids.length > 100 ? (await run({ first: 100 })).data!.orders.pageInfo.endCursor : null }), "orders.edges").map((e: any) => e.node.number)];
    expect(new Set(original).size).toBe(before.ids.length);

    // Walk 7 at a time; halfway, each store gets an order far ahead of the walk and one behind it.
    const seen: string[] = [];
    let cursor: string | null = null;
    let added: string[] = [];
    for (let page = 0; page < 100; page++) {
      const connection: any = dataAt<any>(await run({ first: 7, after: cursor }), "orders");
      seen.push(...connection.edges.map((e: any) => e.node.number));
      if (page === 3) added = await addOrders();
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const ahead = added.filter((n) => n.endsWith("-OLD"));
    expect(seen.filter((n) => !added.includes(n)).sort()).toEqual([...original].sort());
    expect(seen.filter((n) => added.includes(n)).sort()).toEqual(ahead.sort());

    // Backward from the end gives the same list, including every order added.
    const backward = await walk(run, "orders", "backward", 9);
    const forward = await walk(run, "orders", "forward", 9);
    expect(backward.ids).toEqual(forward.ids);
    expect(forward.ids).toHaveLength(before.ids.length + added.length);
    expect(forward.totalCount).toBe(forward.ids.length);
  });

  /** Adds, in both stores, an order for C00001 dated long ago (ahead of a newest-first walk) and one dated now (behind it). */
  async function addOrders(): Promise<string[]> {
    const numbers: string[] = [];
    for (const [url, prefix] of [[mainUrl, "S1"], [shopUrl, "S2"]] as const) {
      for (const [when, tag] of [["2001-01-01T00:00:00Z", "OLD"], [new Date().toISOString(), "NEW"]] as const) {
        const number = `${prefix}-${tag}`;
        await sql(
          url,
          `INSERT INTO "order" (number, account_id, kind, status, subtotal, total, created_at, updated_at)
           SELECT $1, id, 'ORDER', 'OPEN', 10, 10, $2, $2 FROM account WHERE code = 'C00001'`,
          [number, when],
        );
        numbers.push(number);
      }
    }
    return numbers;
  }
});

describe("when a connector is down", () => {
  it("fields it serves are null with CONNECTOR_UNAVAILABLE; the circuit opens, fails fast, and closes when the ERP is back", async () => {
    // Orders and their lines come from the stores; products from the ERP.
    const QUERY = graphql(`query FederationQuery { orders(first: 5) { nodes { number lines { sku product { name } } } } }`);
    erp.goDown();
    try {
      const down = await server.gql(QUERY, {}, server.adminKey);
      const nodes: any = down.data?.orders.nodes;
      expect(nodes).toHaveLength(5);
      const i = nodes.findIndex((order: any) => order.lines.length > 0);
      expect(nodes[i].lines[0]).toMatchObject({ sku: expect.any(String), product: null });
      expect(down.errors).toContainEqual(expect.objectContaining({ path: ["orders", "nodes", i, "lines", 0, "product"], extensions: expect.objectContaining({ code: "CONNECTOR_UNAVAILABLE", connector: "erp" }) }));

      // An ERP account of a store order is null; a list read only from the ERP is empty; both say why, and the rest is data.
      const mixed = await server.gql(graphql(`query FederationOrders2 { orders(first: 1) { nodes { number account { code } } } products(first: 2) { nodes { sku } totalCount } warehouses(first: 1) { nodes { code } } }`), {}, server.adminKey);
      expect(mixed.data).toMatchObject({ orders: { nodes: [{ number: expect.any(String), account: null }] }, products: { nodes: [], totalCount: null }, warehouses: { nodes: [{ code: expect.any(String) }] } });
      const unavailable = (path: unknown[]) => expect.objectContaining({ path, extensions: expect.objectContaining({ code: "CONNECTOR_UNAVAILABLE", connector: "erp" }) });
      expect(mixed.errors).toEqual(expect.arrayContaining([unavailable(["orders", "nodes", 0, "account"]), unavailable(["products"])]));

      // Three failures in a row open the circuit: later reads fail at once without calling the ERP.
      for (let i = 0; i < 3; i++) await server.gql(QUERY, {}, server.adminKey);
      const { result, calls } = await erpCalls(() => server.gql(QUERY, {}, server.adminKey));
      expect(calls).toEqual([]);
      expect(result.errors?.[0]?.message).toContain("circuit open");
      const status = dataAt<any>(await server.gql(graphql(`query FederationConnectors { connectors { name status circuit lastError } }`), {}, server.adminKey), "connectors");
      expect(status.find((c: any) => c.name === "erp")).toMatchObject({ status: "DOWN", circuit: "OPEN", lastError: expect.stringContaining("503") });
      expect(status.find((c: any) => c.name === "store")).toMatchObject({ status: "UP", circuit: "CLOSED" });
    } finally {
      erp.goUp();
    }
    await new Promise((resolve) => setTimeout(resolve, 450));
    const back = await server.gql(QUERY, {}, server.adminKey);
    expect(back.errors).toBeUndefined();
    const status = dataAt<any>(await server.gql(graphql(`query FederationConnectors2 { connectors { name status circuit } }`), {}, server.adminKey), "connectors");
    expect(status.find((c: any) => c.name === "erp")).toMatchObject({ status: "UP", circuit: "CLOSED" });
  });

  it("a merged list returns the healthy connectors' items and names the missing one", async () => {
    const unreachable = await startTestServer({
      databaseUrl: mainUrl,
      router: (dataSource) =>
        buildRouter(federated({ connectors: { gone: { kind: "store", databaseUrl: "postgres://nobody@127.0.0.1:1/none", timeoutMs: 2000 } }, reads: { orders: ["store", "gone"] } }), dataSource),
    });
    try {
      const response = await unreachable.gql(graphql(`query FederationOrders3 { orders(first: 5) { nodes { id } totalCount } }`), {}, unreachable.adminKey);
      expect(response.data?.orders.nodes).toHaveLength(5);
      expect(response.data?.orders.nodes.every((o: any) => o.id.startsWith("gid://store/"))).toBe(true);
      expect(response.data?.orders.totalCount).toBeNull();
      expect(response.errors).toEqual([expect.objectContaining({ path: ["orders"], extensions: expect.objectContaining({ code: "CONNECTOR_UNAVAILABLE", connector: "gone" }) })]);
    } finally {
      await unreachable.close();
    }
  });
});

describe("products merged from the web store and the ERP", () => {
  it("an item both hold is listed once (the store's); the ERP's own items are merged in by SKU", async () => {
    erp.items.set("9001", { id: "9001", code: "SKU-00002-X", barcode: "", name: "ERP-only item", price: "5.00", onhand: 3, created: "2024-03-01T00:00:00.000Z" });
    const merged = await startTestServer({ databaseUrl: mainUrl, router: (dataSource) => buildRouter(federated({ reads: { catalog: ["store", "erp"] } }), dataSource) });
    try {
      const run = (vars: Record<string, unknown>) =>
        merged.gql(graphql(`query FederationProducts($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id sku } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`), vars, merged.adminKey);
      const first = dataAt<any>(await run({ first: 4 }), "products.edges").map((e: any) => [e.node.id.split("/")[2], e.node.sku]);
      expect(first).toEqual([["store", "SKU-00001"], ["store", "SKU-00002"], ["erp", "SKU-00002-X"], ["store", "SKU-00003"]]);
      const forward = await walk(run, "products", "forward", 30);
      const backward = await walk(run, "products", "backward", 30);
      expect(forward.ids).toHaveLength(501);
      expect(new Set(forward.ids).size).toBe(501);
      expect(backward.ids).toEqual(forward.ids);
    } finally {
      await merged.close();
      erp.items.delete("9001");
    }
  });
});

describe("mutations with accounts and products read from the ERP", () => {
  let n = 0;
  const key = () => `federation-${process.pid}-${n++}`;
  const PLACE = graphql(`mutation FederationPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
    order { id account { id } lines { sku product { id } } } userErrors { code field message } } }`);

  it("act on the store's records, found by code or SKU, and answer with the ERP's", async () => {
    const token = await server.customerToken(0);
    const preorder = { kind: "PREORDER" as const, lines: [{ sku: "SKU-00011", quantity: 1 }] };
    const mine = dataAt<any>(await server.gql(PLACE, { input: preorder, key: key() }, token), "orderPlace");
    expect(mine.userErrors).toEqual([]);
    expect(mine.order.account.id).toBe("gid://erp/Account/1");
    expect(mine.order.lines).toEqual([{ sku: "SKU-00011", product: { id: "gid://erp/Product/111" } }]);

    const forErpAccount = dataAt<any>(
      await server.gql(PLACE, { input: { ...preorder, accountId: "gid://erp/Account/2", lines: [{ productId: "gid://erp/Product/112", quantity: 1 }] }, key: key() }, server.adminKey),
      "orderPlace",
    );
    expect(forErpAccount.userErrors).toEqual([]);
    expect(forErpAccount.order.account.id).toBe("gid://erp/Account/2");
    expect(forErpAccount.order.lines[0].sku).toBe("SKU-00012");

    const erpOnly = dataAt<any>(await server.gql(PLACE, { input: { ...preorder, lines: [{ sku: "SKU-99999", quantity: 1 }] }, key: key() }, token), "orderPlace");
    expect(erpOnly.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["input", "lines", "0", "sku"] })]);

    const UPDATE = graphql(`mutation FederationUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { id } userErrors { code } } }`);
    const updated = dataAt<any>(await server.gql(UPDATE, { input: { account: { code: "C00003" }, phone: "555-0303" }, key: key() }, server.adminKey), "accountUpdate");
    expect(updated.userErrors).toEqual([]);
    const PRODUCT = graphql(`mutation FederationProduct2($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { userErrors { code } } }`);
    const product = dataAt<any>(await server.gql(PRODUCT, { input: { productId: "gid://erp/Product/113", description: "Updated through the ERP's ID" }, key: key() }, server.adminKey), "productUpdate");
    expect(product.userErrors).toEqual([]);
    const stored = await server.dataSource.query(`SELECT (SELECT phone FROM account WHERE code = 'C00003') AS phone, (SELECT description FROM product WHERE sku = 'SKU-00013') AS description`);
    expect(stored).toEqual([{ phone: "555-0303", description: "Updated through the ERP's ID" }]);
  });
});

describe("a request quota shared by every process", () => {
  it("is counted in PostgreSQL: two routers share it, and a call beyond it fails without reaching the ERP", async () => {
    const limited = () => buildRouter(federated({ connectors: { erp: { kind: "econnect", url: erp.url, apiKey: "fed-key", timeoutMs: 300, rateLimit: { requests: 3, perSeconds: 60 } } } }), server.dataSource);
    const [a, b] = [limited(), limited()];
    const read = (router: typeof a) => router.readerOf("accounts", "erp").byCodes(["C00001"]);
    const sent = erp.requests.length;
    await read(a);
    await read(b);
    await read(a);
    const refused = await read(b).then(
      () => null,
      (error: unknown) => error as { message: string; extensions: Record<string, unknown> },
    );
    expect(refused?.extensions).toMatchObject({ code: "CONNECTOR_UNAVAILABLE", connector: "erp" });
    expect(refused?.message).toContain("request quota used up");
    expect(erp.requests.length).toBe(sent + 3);
    expect(a.healthOf("erp")?.circuit).toBe("CLOSED");
    await Promise.all([a.close(), b.close()]);
  });

  it("refills at its rate", async () => {
    const bucket = new TokenBucket(server.dataSource, `test:${suffix}`, { requests: 2, perSeconds: 0.2 });
    expect((await bucket.take()).allowed).toBe(true);
    expect((await bucket.take()).allowed).toBe(true);
    const empty = await bucket.take();
    expect(empty.allowed).toBe(false);
    expect(empty.retryAfterMs).toBeGreaterThan(0);
    expect(empty.retryAfterMs).toBeLessThanOrEqual(100);
    expect((await bucket.acquire(1000)).allowed).toBe(true);
  });
});

describe("routing checks", () => {
  it("refuses to read invoices from eConnect, which offers no command for them", () => {
    expect(() => federated({ reads: { invoices: "erp" } })).not.toThrow();
    expect(() => buildRouter(federated({ reads: { invoices: "erp" } }), server.dataSource)).toThrow(`reads.invoices: connector "erp" (econnect) cannot read invoices`);
  });
});
