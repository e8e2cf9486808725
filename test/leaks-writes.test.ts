import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

/**
 * Leaks that need writes: card numbers in disguise, IPv6 zones in allow-lists,
 * a backend's error text shown to customers, and `/readyz` for a connector
 * that only receives commands (here the fake ERP, which reads nothing).
 */
let h: WriteHarness;
let customer: string;
beforeAll(async () => {
  h = await startWriteHarness({
    maxAttempts: 2,
    config: (erpUrl) =>
      connectorsConfig({
        connectors: { store: { kind: "store" }, erp: { kind: "http-commands", url: erpUrl, applies: ["orderPlace"], timeoutMs: 2000 } },
        writes: { orderPlace: ["store", "erp"] },
      }),
  });
  customer = await h.server.customerToken(0);
});
afterAll(() => h.close());

let n = 0;
const key = () => `leaks-${process.pid}-${n++}`;

describe("card numbers in disguise", () => {
  const ADD = graphql(`mutation LeaksWritesAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id } userErrors { code field } } }`);

  it.each([
    ["dots", "4242.4242.4242.4242"],
    ["slashes", "4242/4242/4242/4242"],
    ["underscores", "tok_4242_4242_4242_4242"],
    ["full-width digits", "４２４２４２４２４２４２４２４２"],
    ["full-width digits and an ideographic space", "４２４２　４２４２　４２４２　４２４２"],
    ["zero-width spaces", "4242\u200b4242\u200b4242\u200b4242"],
    ["Arabic-Indic digits", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"],
  ])("a card number written with %s is refused, and nothing is stored", async (_, token) => {
    const payload = dataAt<any>(await h.server.gql(ADD, { input: { provider: "stripe", token }, key: key() }, customer), "paymentMethodAdd");
    expect(payload).toEqual({ paymentMethod: null, userErrors: [{ code: "INVALID", field: ["input", "token"] }] });
    const [row] = (await h.server.dataSource.query(`SELECT count(*)::int AS n FROM payment_method WHERE token = $1`, [token])) as Array<{ n: number }>;
    expect(row!.n).toBe(0);
  });

  it.each([
    ["an expiry date after it", "4111 1111 1111 1111 12/27"],
    ["an expiry date after it, unseparated", "4111111111111111 1227"],
    ["a CVC after it", "4111 1111 1111 1111 / 123"],
    ["another card number after it, on the next line", "4111111111111111\n4242424242424242"],
    ["a date before it", "pm_20261127_4111111111111111"],
    ["a digit before it", "9 4111111111111111"],
  ])("a card number with %s is refused (every group, and neighbouring groups taken whole, of 13 to 19 digits are checked), and nothing is stored", async (_, token) => {
    const payload = dataAt<any>(await h.server.gql(ADD, { input: { provider: "stripe", token }, key: key() }, customer), "paymentMethodAdd");
    expect(payload).toEqual({ paymentMethod: null, userErrors: [{ code: "INVALID", field: ["input", "token"] }] });
    const [row] = (await h.server.dataSource.query(`SELECT count(*)::int AS n FROM payment_method WHERE token = $1`, [token])) as Array<{ n: number }>;
    expect(row!.n).toBe(0);
  });

  it.each([
    ["a provider's token with a few digits", "pm_1Nq2Xy_2026_04"],
    ["an all-digit token that fails the Luhn check", "4111111111111112"],
    ["an unbroken run of 20 digits (no card number is cut out of a group)", "41111111111111111234"],
  ])("%s is still taken", async (_, token) => {
    const payload = dataAt<any>(await h.server.gql(ADD, { input: { provider: "adyen", token }, key: key() }, customer), "paymentMethodAdd");
    expect(payload.userErrors).toEqual([]);
  });
});

describe("API key allow-lists", () => {
  const CREATE = graphql(`mutation LeaksWritesCreate($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { allowedIps } userErrors { code field } } }`);

  it("an IPv6 address with a zone is a user error naming the entry, not an internal error", async () => {
    const response = await h.server.gql(CREATE, { input: { name: "zoned", scopes: ["STOREFRONT"], allowedIps: ["10.0.0.0/8", "fe80::1%eth0"] }, key: key() }, h.server.adminKey);
    expect(dataAt<any>(response, "apiKeyCreate")).toEqual({ apiKey: null, userErrors: [{ code: "INVALID", field: ["input", "allowedIps", "1"] }] });
    const plain = await h.server.gql(CREATE, { input: { name: "link-local", scopes: ["STOREFRONT"], allowedIps: ["fe80::1"] }, key: key() }, h.server.adminKey);
    expect(dataAt<any>(plain, "apiKeyCreate").apiKey).toEqual({ allowedIps: ["fe80::1/128"] });
  });
});

describe("a backend's failures", () => {
  const PLACE = graphql(`mutation LeaksWritesPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: "SKU-00042", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }`);
  const SYNC = graphql(`query LeaksWritesSync($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError deliveries { connector status lastError } } } }`);

  it("/readyz shows a connector that only receives commands and fails them all as not up", async () => {
    await h.waitForIdle();
    expect((await h.server.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready", database: "up", connectors: { store: "UP", erp: "UP" } });
    // Every delivery fails, each of three commands twice (its attempts): the ERP reads nothing, so no read ever fails.
    h.erp.failNext(...Array.from({ length: 6 }, () => ({ status: 503 })));
    for (let i = 0; i < 3; i++) dataAt<any>(await h.server.gql(PLACE, { key: key() }, customer), "orderPlace");
    const deadline = Date.now() + 10_000;
    let ready = (await h.server.app.inject({ method: "GET", url: "/readyz" })).json();
    while (ready.connectors.erp === "UP" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = (await h.server.app.inject({ method: "GET", url: "/readyz" })).json();
    }
    expect(ready).toMatchObject({ status: "degraded", database: "up", connectors: { store: "UP" } });
    expect(["DEGRADED", "DOWN"]).toContain(ready.connectors.erp);
    await h.waitForIdle();
  });
  it("customers see the status of a failed command, operators see the backend's text", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 422, body: `{"error":"credit hold at db-erp-7.internal:5432 for account 8812"}` });
    const placed = dataAt<any>(await h.server.gql(PLACE, { key: key() }, customer), "orderPlace");
    await h.waitForCommand(placed.command.id, ["FAILED"]);
    const seen = dataAt<any>(await h.server.gql(SYNC, { id: placed.order.id }, customer), "order");
    expect(seen.syncStatus).toBe("FAILED");
    expect(seen.lastCommand.status).toBe("FAILED");
    expect(seen.lastCommand.lastError).toBeNull();
    expect(seen.lastCommand.deliveries).toEqual(expect.arrayContaining([{ connector: "erp", status: "FAILED", lastError: null }]));
    expect(JSON.stringify(seen)).not.toContain("credit hold");
    const operator = dataAt<any>(await h.server.gql(SYNC, { id: placed.order.id }, h.server.adminKey), "order");
    expect(operator.lastCommand.lastError).toContain("credit hold");
    expect(operator.lastCommand.deliveries.find((d: any) => d.connector === "erp").lastError).toContain("credit hold");
  });

});
