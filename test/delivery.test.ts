import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { signBody } from "../src/outbox/failure-notifier.js";
import { retryAfterMs } from "../src/connectors/http-commands/http-commands-connector.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
let token: string;
/** Failure webhooks received: body and signature. */
const hooks: Array<{ body: string; signature: string | undefined }> = [];
let hookServer: Server;
const SECRET = "test-webhook-secret-0123456789";

beforeAll(async () => {
  hookServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      hooks.push({ body: Buffer.concat(chunks).toString("utf8"), signature: request.headers["x-commerce-graph-signature"] as string | undefined });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve));
  h = await startWriteHarness({ maxAttempts: 3, webhook: { url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks`, secret: SECRET } });
  token = await h.server.customerToken(1);
});
afterAll(async () => {
  await h.close();
  hookServer.closeAllConnections();
  await new Promise((resolve) => hookServer.close(resolve));
});

let n = 0;
const key = () => `delivery-${Date.now()}-${n++}`;

/** Places a one-line pre-order (no stock needed) for customer B and returns the payload. */
async function place(): Promise<any> {
  return dataAt<any>(
    await h.server.gql(
      graphql(`mutation DeliveryOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: "SKU-00042", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }`),
      { key: key() },
      token,
    ),
    "orderPlace",
  );
}

async function orderSync(id: string) {
  return dataAt<any>(await h.server.gql(graphql(`query DeliveryOrder($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError } } }`), { id }, token), "order");
}

describe("delivery", () => {
  it("a transient failure (503) is retried until the backend takes the command", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 503 });
    const placed = await place();
    const command = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    const erp = command.deliveries.find((d: any) => d.connector === "erp");
    expect(erp.attempts).toBe(2);
    expect(erp.lastError).toBeNull();
    expect((await orderSync(placed.order.id)).syncStatus).toBe("SYNCED");
  });

  it("Retry-After is honoured: the next attempt is not before the backend asked", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 429, retryAfter: "2" });
    const started = Date.now();
    const placed = await place();
    const retrying = await h.waitForCommand(placed.command.id, ["RETRYING"]);
    expect(Date.parse(retrying.nextAttemptAt) - started).toBeGreaterThanOrEqual(1900);
    await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    const attempts = h.erp.received.filter((r) => r.body.aggregateId === placed.order.id.split("/").pop());
    expect(attempts).toHaveLength(2);
  });

  it("a permanent failure (422) is FAILED at once; the entity shows why; operators get a log and a signed webhook", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 422, body: `{"error":"customer on credit hold"}` });
    const placed = await place();
    const command = await h.waitForCommand(placed.command.id, ["FAILED"]);
    expect(command.deliveries.find((d: any) => d.connector === "erp")).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(command.lastError).toContain("credit hold");
    // The customer sees the status; the backend's text is for operators.
    expect(await orderSync(placed.order.id)).toEqual({ syncStatus: "FAILED", lastCommand: { status: "FAILED", lastError: null } });

    const deadline = Date.now() + 5000;
    while (!hooks.some((hook) => hook.body.includes(placed.command.id.split("/").pop())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const hook = hooks.find((entry) => entry.body.includes(placed.command.id.split("/").pop()))!;
    expect(hook.signature).toBe(signBody(hook.body, SECRET));
    expect(JSON.parse(hook.body)).toMatchObject({ event: "command.failed", type: "orderPlace", connector: "erp", aggregateType: "Order" });
  });

  it("commandRetry delivers a FAILED command again; retrying one that did not fail is a user error", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 400 });
    const placed = await place();
    await h.waitForCommand(placed.command.id, ["FAILED"]);
    const RETRY = graphql(`mutation DeliveryRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }`);
    const retried = dataAt<any>(await h.server.gql(RETRY, { id: placed.command.id, key: key() }, h.server.adminKey), "commandRetry");
    expect(retried.userErrors).toEqual([]);
    const command = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    expect(command.deliveries.find((d: any) => d.connector === "erp").attempts).toBe(1);
    const again = dataAt<any>(await h.server.gql(RETRY, { id: placed.command.id, key: key() }, h.server.adminKey), "commandRetry");
    expect(again.userErrors).toEqual([{ code: "INVALID_STATE" }]);
    expect((await h.server.gql(RETRY, { id: placed.command.id, key: key() }, token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a backend that keeps failing is FAILED after the configured attempts", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 500 }, { status: 500 }, { status: 500 });
    const placed = await place();
    const command = await h.waitForCommand(placed.command.id, ["FAILED"]);
    expect(command.deliveries.find((d: any) => d.connector === "erp")).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(command.lastError).toContain("gave up after 3 attempts");

    // A retry starts a fresh count: one more transient failure is retried, not fatal.
    h.erp.failNext({ status: 500 });
    const RETRY = graphql(`mutation DeliveryRetry2($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { userErrors { code } } }`);
    expect(dataAt<any>(await h.server.gql(RETRY, { id: placed.command.id, key: key() }, h.server.adminKey), "commandRetry").userErrors).toEqual([]);
    const delivered = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    expect(delivered.deliveries.find((d: any) => d.connector === "erp")).toMatchObject({ status: "DELIVERED", attempts: 2 });
  });

  it("the failure webhook and log never carry a payment token", async () => {
    await h.waitForIdle();
    h.erp.failNext({ status: 400 });
    const ADD = graphql(`mutation DeliveryAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }`);
    const added = dataAt<any>(await h.server.gql(ADD, { input: { provider: "stripe", token: "pm_secret_token_123", brand: "visa", last4: "4242" }, key: key() }, token), "paymentMethodAdd");
    expect(added.userErrors).toEqual([]);
    await h.waitForCommand(added.command.id, ["FAILED"]);
    const hook = hooks.find((candidate) => JSON.parse(candidate.body).type === "paymentMethodAdd")!;
    expect(hook.body).not.toContain("pm_secret_token_123");
    expect(JSON.parse(hook.body).payload).toMatchObject({ token: "[redacted]", last4: "4242" });
  });

  it("/metrics counts the relay's deliveries by outcome", async () => {
    const text = (await h.server.app.inject({ method: "GET", url: "/metrics" })).body;
    const value = (outcome: string) => Number(text.split("\n").find((l) => l.startsWith(`commerce_graph_relay_deliveries_total{connector="erp",outcome="${outcome}"} `))?.split(" ")[1] ?? 0);
    // The tests above had deliveries succeed, be retried after a 503, and fail.
    expect(value("delivered")).toBeGreaterThanOrEqual(1);
    expect(value("retrying")).toBeGreaterThanOrEqual(1);
    expect(value("failed")).toBeGreaterThanOrEqual(1);
  });

  it("commands(filter) lists what operators look for", async () => {
    const failed = dataAt<any>(await h.server.gql(graphql(`query DeliveryCommands { commands(first: 100, filter: { status: FAILED, connector: "erp", type: "orderPlace" }) { totalCount nodes { status type deliveries { connector } } } }`), {}, h.server.adminKey), "commands");
    expect(failed.totalCount).toBeGreaterThan(0);
    expect(failed.nodes.every((c: any) => c.status === "FAILED" && c.type === "orderPlace")).toBe(true);
    expect((await h.server.gql(graphql(`query DeliveryCommands2 { commands { totalCount } }`), {}, token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

// The backoff itself: src/outbox/backoff.test.ts.
describe("Retry-After", () => {
  it("is read in seconds or as an HTTP date; anything else is ignored", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});
