import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Every ```graphql block of the README. */
const samples = [...readFileSync(new URL("../README.md", import.meta.url), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("README samples", () => {
  it("there are samples to check", () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(samples.map((sample) => [sample.split("\n")[0], sample]))("%s … runs for a signed-in demo customer and returns data", async (_, sample) => {
    const token = await server.customerToken(0);
    const response = await server.gql(sample, {}, token);
    expect(response.errors).toBeUndefined();
    const json = JSON.stringify(response.data);
    expect(json).not.toMatch(/"nodes":\[\]|"edges":\[\]/);
  });
});
