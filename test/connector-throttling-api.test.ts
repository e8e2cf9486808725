import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** Accounts from the ERP only, products merged from the store and the ERP; the ERP's circuit opens after 2 failures. */
let erp: EconnectFake;
let server: TestServer;
beforeAll(async () => {
  erp = await new EconnectFake("throttle-key").seed({ accounts: 5, items: 5 }).start();
  const config = connectorsConfig({
    connectors: {
      store: { kind: "store" },
      erp: { kind: "econnect", url: erp.url, apiKey: "throttle-key", timeoutMs: 1000, circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 } },
    },
    reads: { accounts: "erp", catalog: ["store", "erp"] },
  });
  server = await startTestServer({ router: (dataSource) => buildRouter(config, dataSource) });
});
afterAll(async () => {
  await server.close();
  await erp.stop();
});

async function erpStatus(): Promise<unknown> {
  const connectors = dataAt<Array<{ name: string }>>(await server.gql(`{ connectors { name status circuit lastError } }`, {}, server.adminKey), "connectors");
  return connectors.find((c) => c.name === "erp");
}

describe("an ERP that answers 429 too many requests, through the API", () => {
  it("reads fail with CONNECTOR_THROTTLED at the list's path, a merged list keeps the store's items, and the circuit stays closed", async () => {
    erp.failNext(100, 429);
    try {
      for (let i = 0; i < 4; i++) {
        const accounts = await server.gql(`{ accounts(first: 2) { nodes { code } } }`, {}, server.adminKey);
        expect(accounts.data).toEqual({ accounts: { nodes: [] } });
        expect(accounts.errors).toEqual([expect.objectContaining({ path: ["accounts"], extensions: { code: "CONNECTOR_THROTTLED", connector: "erp" } })]);
      }
      const products = await server.gql(`{ products(first: 2) { nodes { sku } } }`, {}, server.adminKey);
      expect(products.data?.products.nodes).toHaveLength(2);
      expect(products.errors).toEqual([
        { message: 'Connector "erp" is throttled by its backend (too many requests); this list holds the items of the other connectors only.', path: ["products"], extensions: { code: "CONNECTOR_THROTTLED", connector: "erp" } },
      ]);
      expect(await erpStatus()).toEqual({ name: "erp", status: "UP", circuit: "CLOSED", lastError: null });
    } finally {
      erp.failNext(0);
    }
    const back = await server.gql(`{ accounts(first: 2) { nodes { code } } }`, {}, server.adminKey);
    expect(back.errors).toBeUndefined();
    expect(dataAt<{ nodes: Array<{ code: string }> }>(back, "accounts").nodes.map((a) => a.code)).toEqual(["C00001", "C00002"]);
  });

  it("the same number of 503s opens the circuit (the check above can fail)", async () => {
    erp.failNext(100, 503);
    try {
      for (let i = 0; i < 2; i++) {
        const accounts = await server.gql(`{ accounts(first: 2) { nodes { code } } }`, {}, server.adminKey);
        expect(accounts.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "CONNECTOR_UNAVAILABLE", connector: "erp" }) })]);
      }
      expect(await erpStatus()).toMatchObject({ status: "DOWN", circuit: "OPEN" });
    } finally {
      erp.failNext(0);
    }
  });
});
