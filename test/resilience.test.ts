import { setTimeout as sleep } from "node:timers/promises";
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccountReader, Connector } from "../src/connectors/connector.js";
import { createConnector } from "../src/connectors/build-router.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import { ConnectorUnavailableError } from "../src/connectors/errors.js";
import { guardConnector, type ResilienceOptions } from "../src/connectors/resilience.js";
import { createDataSource } from "../src/db/data-source.js";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";

let fake: EconnectFake;
beforeAll(async () => {
  fake = await new EconnectFake().seed().start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.goUp();
  fake.delayMs = 0;
});

/** The real eConnect connector over the fake, as the connectors file makes it (its own database is never used). */
function econnect(): Connector {
  const { connectors } = connectorsConfig({ connectors: { erp: { kind: "econnect", url: fake.url, apiKey: "test-econnect-key" } } });
  return createConnector("erp", connectors.erp!, createDataSource({ url: "postgres://unused@127.0.0.1:1/unused" }));
}

function guarded(options: ResilienceOptions) {
  const { connector, health } = guardConnector(econnect(), options);
  return { accounts: connector.readers.accounts!, health, connector };
}

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

/** Fails `threshold` calls against the downed fake, which opens the circuit. */
async function openCircuit(accounts: AccountReader, threshold: number): Promise<void> {
  fake.goDown();
  for (let i = 0; i < threshold; i++) {
    const error = await rejection(accounts.byKeys(["1"]));
    expect(error).toBeInstanceOf(ConnectorUnavailableError);
    expect((error as Error).message).toBe('Connector "erp" is unavailable: erp account.list answered 503');
  }
}

describe("guardConnector", () => {
  it("passes a successful read through, keeps the connector's identity and records the success", async () => {
    const { accounts, health, connector } = guarded({ timeoutMs: 2_000 });
    expect(connector).toMatchObject({ name: "erp", kind: "econnect" });
    const [found, missing] = await accounts.byKeys(["2", "nope"]);
    expect(found?.code).toBe("C00002");
    expect(missing).toBeNull();
    expect(health).toMatchObject({ circuit: "CLOSED", calls: 1, failures: 0, lastError: null });
    expect(health.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("turns a read slower than timeoutMs into CONNECTOR_UNAVAILABLE, which counts as a failure", async () => {
    const { accounts, health } = guarded({ timeoutMs: 100, failureThreshold: 1 });
    fake.delayMs = 300;
    const error = (await rejection(accounts.byKeys(["1"]))) as ConnectorUnavailableError;
    expect(error).toBeInstanceOf(ConnectorUnavailableError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('Connector "erp" is unavailable: timed out after 100 ms');
    expect(error.extensions).toEqual({ code: "CONNECTOR_UNAVAILABLE", connector: "erp" });
    expect(health).toMatchObject({ failures: 1, lastError: "timed out after 100 ms", circuit: "OPEN" });
    expect(health.lastErrorAt).toBeInstanceOf(Date);
  });

  it("opens the circuit after failureThreshold failures, then fails fast without calling the backend", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 3, halfOpenAfterMs: 10_000 });
    await openCircuit(accounts, 3);
    expect(health.circuit).toBe("OPEN");
    const sent = fake.requests.length;
    const error = (await rejection(accounts.byKeys(["1"]))) as ConnectorUnavailableError;
    expect(error.message).toBe('Connector "erp" is unavailable: circuit open');
    expect(error.extensions.code).toBe("CONNECTOR_UNAVAILABLE");
    expect(fake.requests.length).toBe(sent);
    expect(health).toMatchObject({ circuit: "OPEN", calls: 4, failures: 4, lastError: "erp account.list answered 503" });
  });

  it("lets a test call through after halfOpenAfterMs and closes the circuit when it succeeds", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2, halfOpenAfterMs: 200 });
    await openCircuit(accounts, 2);
    expect(health.circuit).toBe("OPEN");
    await sleep(250);
    fake.goUp();
    const [found] = await accounts.byKeys(["1"]);
    expect(found?.code).toBe("C00001");
    expect(health.circuit).toBe("CLOSED");
    expect(health.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("re-throws a reader's GraphQLError unchanged, and it never opens the circuit", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2 });
    const page = { direction: "forward", size: 5, after: null, before: null, reverse: false } as const;
    for (let i = 0; i < 3; i++) {
      const error = await rejection(accounts.list({ page, sort: "NAME", filter: {} }));
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error).not.toBeInstanceOf(ConnectorUnavailableError);
      expect((error as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    }
    expect(health).toMatchObject({ circuit: "CLOSED", failures: 0, lastError: null });
    const sent = fake.requests.length;
    await accounts.byKeys(["1"]);
    expect(fake.requests.length).toBe(sent + 1);
  });

  it("with maxConcurrentCalls, calls beyond the limit wait for a slot", async () => {
    const { accounts } = guarded({ timeoutMs: 2_000, maxConcurrentCalls: 2 });
    fake.delayMs = 50;
    fake.maxInFlight = 0;
    const found = await Promise.all(["1", "2", "3", "4", "5", "1"].map((key) => accounts.byKeys([key])));
    expect(found.map(([a]) => a?.code)).toEqual(["C00001", "C00002", "C00003", "C00004", "C00005", "C00001"]);
    expect(fake.maxInFlight).toBe(2);
  });
});
