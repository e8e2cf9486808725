import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connector } from "../src/connectors/connector.js";
import { createConnector } from "../src/connectors/build-router.js";
import { connectorsConfig, type ConnectorsConfigInput } from "../src/connectors/connectors-config.js";
import { BackendThrottledError, ConnectorThrottledError, ConnectorUnavailableError, TransientDeliveryError } from "../src/connectors/errors.js";
import { guardConnector, readStateOf, type ResilienceOptions } from "../src/connectors/resilience.js";
import { createDataSource } from "../src/db/data-source.js";
import { FakeCommandBackend } from "./fakes/command-backend.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";
import { sampleCancelCommand } from "./support/sample-commands.js";

let fake: EconnectFake;
let backend: FakeCommandBackend;
beforeAll(async () => {
  fake = await new EconnectFake().seed().start();
  backend = await new FakeCommandBackend().start();
});
afterAll(async () => {
  await fake.stop();
  await backend.stop();
});
beforeEach(() => {
  fake.goUp();
  fake.failNext(0);
});

/** The connector "erp" as the connectors file makes it from `settings` (its own database is never used). */
function erpConnector(settings: ConnectorsConfigInput["connectors"][string]): Connector {
  const { connectors } = connectorsConfig({ connectors: { erp: settings } });
  return createConnector("erp", connectors.erp!, createDataSource({ url: "postgres://unused@127.0.0.1:1/unused" }));
}

function guarded(options: ResilienceOptions) {
  const { connector, health } = guardConnector(erpConnector({ kind: "econnect", url: fake.url, apiKey: "test-econnect-key" }), options);
  return { accounts: connector.readers.accounts!, health, connector };
}

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

describe("a backend that answers 429 too many requests, on reads", () => {
  it("fails the read as CONNECTOR_THROTTLED and never opens the circuit, however many 429s in a row", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2 });
    fake.failNext(5, 429);
    for (let i = 0; i < 5; i++) {
      const error = (await rejection(accounts.byKeys(["1"]))) as ConnectorThrottledError;
      expect(error).toBeInstanceOf(ConnectorThrottledError);
      expect(error).not.toBeInstanceOf(ConnectorUnavailableError);
      expect(error.extensions).toEqual({ code: "CONNECTOR_THROTTLED", connector: "erp" });
      expect(error.message).not.toContain("scripted failure");
    }
    expect(health).toMatchObject({ circuit: "CLOSED", calls: 5, failures: 0, throttled: 5, lastError: null });
    expect(readStateOf(health)).toBe("UP");
    const sent = fake.requests.length;
    const [found] = await accounts.byKeys(["1"]);
    expect(found?.code).toBe("C00001");
    expect(fake.requests.length).toBe(sent + 1);
  });

  it("waits for the backend's Retry-After when it fits in the call's timeout, then answers", async () => {
    const { accounts, health } = guarded({ timeoutMs: 5_000, failureThreshold: 1 });
    fake.failNext(1, 429, "1");
    const sent = fake.requests.length;
    const [found] = await accounts.byKeys(["2"]);
    expect(found?.code).toBe("C00002");
    expect(fake.requests.length).toBe(sent + 2);
    expect(health).toMatchObject({ circuit: "CLOSED", calls: 1, failures: 0, throttled: 0 });
  });

  it("fails at once, without calling again, when Retry-After (seconds or an HTTP date) ends after the timeout", async () => {
    const { accounts, health } = guarded({ timeoutMs: 1_000, failureThreshold: 1 });
    for (const retryAfter of ["30", new Date(Date.now() + 60_000).toUTCString()]) {
      fake.failNext(1, 429, retryAfter);
      const sent = fake.requests.length;
      const error = (await rejection(accounts.byKeys(["1"]))) as ConnectorThrottledError;
      expect(error).toBeInstanceOf(ConnectorThrottledError);
      expect(error.extensions.code).toBe("CONNECTOR_THROTTLED");
      expect(error.extensions.retryAfterMs).toBeGreaterThan(1_000);
      expect(fake.requests.length).toBe(sent + 1);
    }
    expect(health).toMatchObject({ circuit: "CLOSED", failures: 0, throttled: 2 });
  });

  it("a 503 still counts: the circuit opens after failureThreshold of them", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2 });
    fake.failNext(2, 503);
    for (let i = 0; i < 2; i++) expect(await rejection(accounts.byKeys(["1"]))).toBeInstanceOf(ConnectorUnavailableError);
    expect(health).toMatchObject({ circuit: "OPEN", failures: 2, throttled: 0 });
  });
});

describe("a backend that answers 429 too many requests, on deliveries", () => {
  const erp = () => erpConnector({ kind: "http-commands", url: backend.url, applies: ["orderCancel"] });
  const command = sampleCancelCommand("k-429");

  it("is a transient delivery error carrying the Retry-After delay, seconds or HTTP date", async () => {
    const { connector } = guardConnector(erp(), { timeoutMs: 2_000, failureThreshold: 1 });
    backend.failNext({ status: 429, retryAfter: "7" }, { status: 429, retryAfter: new Date(Date.now() + 20_000).toUTCString() });
    const first = (await rejection(connector.writer!.apply(command))) as BackendThrottledError;
    expect(first).toBeInstanceOf(TransientDeliveryError);
    expect(first).toBeInstanceOf(BackendThrottledError);
    expect(first.retryAfterMs).toBe(7_000);
    const second = (await rejection(connector.writer!.apply(command))) as BackendThrottledError;
    expect(second).toBeInstanceOf(BackendThrottledError);
    expect(second.retryAfterMs).toBeGreaterThan(15_000);
    expect(second.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect(await connector.writer!.apply(command)).toMatchObject({ reference: expect.stringMatching(/^ERP-/) });
  });
});
