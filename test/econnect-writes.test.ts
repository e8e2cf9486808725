import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { connectorsConfig, type ConnectorsConfig } from "../src/connectors/connectors-config.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let econnect: EconnectFake;
let h: WriteHarness;

/** Accounts, stock and invoices also go to the eConnect ERP; the api key is checked. */
function econnectConfig(apiKey: string): ConnectorsConfig {
  const both = ["store", "erp"];
  return connectorsConfig({
    connectors: { store: { kind: "store" }, erp: { kind: "econnect", url: econnect.url, apiKey, timeoutMs: 2000 } },
    writes: { accountCreate: both, accountUpdate: both, inventorySet: both, productUpdate: both, invoiceRegister: both, invoicePaymentRecord: both, orderPlace: both },
  });
}

beforeAll(async () => {
  econnect = await new EconnectFake("ec-key").seed().start();
  h = await startWriteHarness({ config: () => econnectConfig("ec-key") });
});
afterAll(async () => {
  await h.close();
  await econnect.stop();
});

let n = 0;
const key = () => `econnect-${Date.now()}-${n++}`;
const CREATE = graphql(`mutation EconnectWritesCreate($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code } } }`);

describe("writes to eConnect through the outbox", () => {
  it("accountCreate becomes account.add; the ERP's id is stored as the account's external reference", async () => {
    const payload = dataAt<any>(await h.server.gql(CREATE, { input: { code: "EC-001", name: "Umbrella Corp", email: "buyer@umbrella.example" }, key: key() }, h.server.adminKey), "accountCreate");
    const command = await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const erpId = command.deliveries.find((d: any) => d.connector === "erp").reference;
    expect(econnect.accounts.get(erpId)).toMatchObject({ cid: "EC-001", email: "buyer@umbrella.example" });
    const account = dataAt<any>(await h.server.gql(graphql(`query EconnectWritesAccount { account(code: "EC-001") { externalReferences { connector externalId } } }`), {}, h.server.adminKey), "account");
    expect(account.externalReferences).toEqual([{ connector: "erp", externalId: erpId }]);
  });

  it("an account the ERP already holds (a redelivery after a lost answer) is not added twice", async () => {
    econnect.accounts.set("7777", { id: "7777", cid: "EC-002", name: "Already there", email: "there@example.com", phone: "", group: "", created: "2024-01-01T00:00:00.000Z" });
    const payload = dataAt<any>(await h.server.gql(CREATE, { input: { code: "EC-002", name: "Already there", email: "there@example.com" }, key: key() }, h.server.adminKey), "accountCreate");
    const command = await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    expect(command.deliveries.find((d: any) => d.connector === "erp").reference).toBe("7777");
    expect([...econnect.accounts.values()].filter((a) => a.cid === "EC-002")).toHaveLength(1);
  });

  it("writes made while the ERP is down wait, and are delivered once it is back", async () => {
    await h.waitForIdle();
    econnect.goDown();
    const ids = dataAt<any>(await h.server.gql(graphql(`query EconnectWritesProduct { product(sku: "SKU-00002") { id } warehouse(code: "WH-EAST") { id } }`)), "");
    const set = dataAt<any>(
      await h.server.gql(graphql(`mutation EconnectWritesInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 321 }, idempotencyKey: $key) { command { id } } }`), { p: ids.product.id, w: ids.warehouse.id, key: key() }, h.server.adminKey),
      "inventorySet",
    );
    const retrying = await h.waitForCommand(set.command.id, ["RETRYING"]);
    expect(retrying.lastError).toContain("503");
    const CONNECTORS = graphql(`query EconnectWritesConnectors { connectors { name kind status reads receives lastError backlog { pending retrying failed oldestPendingAt } } }`);
    const down = dataAt<any[]>(await h.server.gql(CONNECTORS, {}, h.server.adminKey), "connectors");
    expect(down.find((c) => c.name === "erp")).toMatchObject({ kind: "econnect", status: "DOWN", reads: [], backlog: { retrying: 1, failed: 0 } });
    expect(down.find((c) => c.name === "erp").receives).toContain("inventorySet");
    expect(down.find((c) => c.name === "erp").lastError).toContain("503");
    expect(down.find((c) => c.name === "store")).toMatchObject({ kind: "store", status: "UP" });
    expect(down.find((c) => c.name === "store").reads).toHaveLength(7);
    econnect.goUp();
    await h.waitForCommand(set.command.id, ["DELIVERED"]);
    const up = dataAt<any[]>(await h.server.gql(CONNECTORS, {}, h.server.adminKey), "connectors");
    expect(up.find((c) => c.name === "erp")).toMatchObject({ status: "UP", lastError: null, backlog: { pending: 0, retrying: 0, failed: 0, oldestPendingAt: null } });
    expect((await h.server.gql(CONNECTORS, {}, h.server.storefrontKey)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect([...econnect.items.values()].find((i) => i.code === "SKU-00002")?.onhand).toBe(321);
  });

  it("invoiceRegister becomes invoice.register with the warehouse as store; the ERP's invoice id is kept, and a payment follows it as invoice.set", async () => {
    const account = dataAt<any>(await h.server.gql(graphql(`query EconnectWritesAccount2 { account(code: "EC-001") { id } warehouse(code: "WH-WEST") { id } }`), {}, h.server.adminKey), "");
    const before = [...econnect.items.values()].find((i) => i.code === "SKU-00004")!.onhand;
    const payload = dataAt<any>(
      await h.server.gql(
        graphql(`mutation EconnectWritesInvoiceRegister($a: ID!, $w: ID!, $key: String!) { invoiceRegister(input: { accountId: $a, lines: [{ sku: "SKU-00004", quantity: 3, unitPrice: "40.00", warehouseId: $w }] }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code } } }`),
        { a: account.account.id, w: account.warehouse.id, key: key() },
        h.server.adminKey,
      ),
      "invoiceRegister",
    );
    expect(payload.userErrors).toEqual([]);
    const command = await h.waitForCommand(payload.command.id, ["DELIVERED"]);
    const invoice = [...econnect.invoices.values()].at(-1)!;
    expect(command.deliveries.find((d: any) => d.connector === "erp").reference).toBe(invoice.id);
    expect(invoice).toMatchObject({ total: "120.00", rows: [{ code: "SKU-00004", qty: 3, store: "WH-WEST" }] });
    expect([...econnect.items.values()].find((i) => i.code === "SKU-00004")!.onhand).toBe(before - 3);

    const PAY = graphql(`mutation EconnectWritesPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }`);
    const paid = dataAt<any>(await h.server.gql(PAY, { input: { invoiceId: payload.invoice.id, amount: "50.00", method: "wire" }, key: key() }, h.server.adminKey), "invoicePaymentRecord");
    expect(paid.userErrors).toEqual([]);
    const payment = await h.waitForCommand(paid.command.id, ["DELIVERED"]);
    expect(payment.deliveries.find((d: any) => d.connector === "erp").reference).toBe(invoice.id);
    expect(econnect.invoices.get(invoice.id)!.paid).toBe("50.00");
  });
});

describe("a wrong eConnect api key", () => {
  it("fails the command at once as an authentication failure, not a missing record", async () => {
    const wrong = await startWriteHarness({ config: () => econnectConfig("not-the-key") });
    try {
      const payload = dataAt<any>(await wrong.server.gql(CREATE, { input: { code: "EC-009", name: "Key test", email: "key@test.example" }, key: key() }, wrong.server.adminKey), "accountCreate");
      const command = await wrong.waitForCommand(payload.command.id, ["FAILED"]);
      const erp = command.deliveries.find((d: any) => d.connector === "erp");
      expect(erp.attempts).toBe(1);
      expect(erp.lastError).toContain("authentication failed");
      expect(erp.lastError).not.toContain("not found");
    } finally {
      await wrong.close();
    }
  });
});

describe("a new order goes to eConnect", () => {
  it("as an unpaid invoice (as the guide advises); the ERP's invoice id becomes the order's external number", async () => {
    const [row] = (await h.server.dataSource.query(
      `SELECT p.sku FROM product p JOIN inventory_level il ON il.product_id = p.id
       WHERE il.on_hand - il.reserved >= 10 AND NOT p.special_order AND NOT p.presell
         AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
       ORDER BY p.sku LIMIT 1`,
    )) as Array<{ sku: string }>;
    const PLACE = graphql(`mutation EconnectWritesPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }`);
    const token = await h.server.customerToken(0);
    const placed = dataAt<any>(await h.server.gql(PLACE, { input: { lines: [{ sku: row!.sku, quantity: 2 }] }, key: key() }, token), "orderPlace");
    expect(placed.userErrors).toEqual([]);
    await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    const invoice = [...econnect.invoices.values()].at(-1)!;
    expect(invoice).toMatchObject({ paid: "0", rows: [{ code: row!.sku, qty: 2, store: "" }] });
    expect(econnect.accounts.get(invoice.account)?.cid).toBe("C00001");
    const order = dataAt<any>(await h.server.gql(graphql(`query EconnectWritesOrder($id: ID!) { order(id: $id) { externalNumber } }`), { id: placed.order.id }, token), "order");
    expect(order.externalNumber).toBe(invoice.id);
  });
});
