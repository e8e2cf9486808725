import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

/** Every line the server logs, parsed. */
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: "info" }, sink) });
});
afterAll(() => server.close());

async function post(query: string, headers: Record<string, string> = {}) {
  lines.length = 0;
  const response = await server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${server.adminKey}`, ...headers }, payload: JSON.stringify({ query }) });
  return response;
}

describe("request ids in logs", () => {
  it("every line a request logs carries its id, and the client gets the id back", async () => {
    const response = await post(`query LatestOrders { orders(first: 2) { nodes { number } } }`);
    const id = response.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line.reqId, JSON.stringify(line)).toBe(id);
    expect(lines.find((line) => line.msg === "graphql operation")).toMatchObject({ operation: "LatestOrders", operationType: "query" });
  });

  it("takes the caller's X-Request-Id when it is a sensible one, and replaces one that is not", async () => {
    const given = await post(`{ viewer { kind } }`, { "x-request-id": "edge-7f3a.42" });
    expect(given.headers["x-request-id"]).toBe("edge-7f3a.42");
    expect(lines.every((line) => line.reqId === "edge-7f3a.42")).toBe(true);
    const hostile = await post(`{ viewer { kind } }`, { "x-request-id": "a\" injected=1 " + "x".repeat(200) });
    expect(hostile.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the codes of a failed operation on the request's line", async () => {
    const response = await post(`query Broken { orders(first: 1000) { nodes { number } } }`);
    const operation = lines.find((line) => line.msg === "graphql operation");
    expect(operation).toMatchObject({ operation: "Broken", reqId: response.headers["x-request-id"] });
    expect(operation?.errorCodes).toEqual(["BAD_USER_INPUT"]);
  });
});
