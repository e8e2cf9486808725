import { setTimeout as sleep } from "node:timers/promises";
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccountReader, Connector } from "../src/connectors/connector.js";
import { ConnectorUnavailableError, guardConnector, type ResilienceOptions } from "../src/connectors/resilience.js";
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

const badCursor = new GraphQLError("Invalid cursor", { extensions: { code: "BAD_USER_INPUT" } });

/**
 * A minimal connector over the fake: `accounts.byKeys` POSTs `account.get` per key
 * and returns the raw XML (null when not found); `accounts.list` rejects its cursor.
 * The methods read `endpoint` through `this`, so a lost binding would show.
 */
function econnect(): Connector {
  const accounts = {
    endpoint: `${fake.url}/nep/api/econnect/account.get.jsp`,
    async byKeys(this: { endpoint: string }, keys: readonly string[]): Promise<Array<string | null>> {
      return Promise.all(
        keys.map(async (key) => {
          const body = new URLSearchParams({ apikey: "test-econnect-key", id: key }).toString();
          const response = await fetch(this.endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const text = await response.text();
          return text.includes("<result>done</result>") ? text : null;
        }),
      );
    },
    async list(): Promise<never> {
      throw badCursor;
    },
  };
  return { name: "erp", kind: "econnect", readers: { accounts: accounts as unknown as AccountReader } };
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
    expect((error as Error).message).toBe('Connector "erp" is unavailable: HTTP 503');
  }
}

describe("guardConnector", () => {
  it("passes a successful read through, keeps the connector's identity and records the success", async () => {
    const { accounts, health, connector } = guarded({ timeoutMs: 2_000 });
    expect(connector).toMatchObject({ name: "erp", kind: "econnect" });
    const [found, missing] = (await accounts.byKeys(["2", "nope"])) as unknown as Array<string | null>;
    expect(found).toContain("<cid>C00002</cid>");
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
    expect(health).toMatchObject({ circuit: "OPEN", calls: 4, failures: 4, lastError: "HTTP 503" });
  });

  it("lets a test call through after halfOpenAfterMs and closes the circuit when it succeeds", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2, halfOpenAfterMs: 200 });
    await openCircuit(accounts, 2);
    expect(health.circuit).toBe("OPEN");
    await sleep(250);
    fake.goUp();
    const [found] = (await accounts.byKeys(["1"])) as unknown as Array<string | null>;
    expect(found).toContain("<cid>C00001</cid>");
    expect(health.circuit).toBe("CLOSED");
    expect(health.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("re-throws a reader's GraphQLError unchanged, and it never opens the circuit", async () => {
    const { accounts, health } = guarded({ timeoutMs: 2_000, failureThreshold: 2 });
    for (let i = 0; i < 3; i++) {
      expect(await rejection(accounts.list({ page: {}, sort: "CODE", filter: {} } as never))).toBe(badCursor);
    }
    expect(health).toMatchObject({ circuit: "CLOSED", failures: 0, lastError: null });
    const sent = fake.requests.length;
    await accounts.byKeys(["1"]);
    expect(fake.requests.length).toBe(sent + 1);
  });
});
