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

  it.each(samples.map((sample) => [sample.split("\n")[0], sample]))("%s … runs and returns data", async (_, sample) => {
    // Samples marked "# with an admin API key" run as admin (and may find nothing in a fresh store);
    // the others run for a signed-in demo customer and must return data.
    const asAdmin = sample.startsWith("# with an admin API key");
    const response = await server.gql(sample, {}, asAdmin ? server.adminKey : await server.customerToken(0));
    expect(response.errors).toBeUndefined();
    if (!asAdmin) expect(JSON.stringify(response.data)).not.toMatch(/"nodes":\[\]|"edges":\[\]/);
  });
});
