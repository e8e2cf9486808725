import type { AddressInfo } from "node:net";
import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (the conformance audit sends its own requests): not typed documents.

/**
 * The GraphQL-over-HTTP specification, audited by graphql-http's own server
 * audits against the real server on a port: every MUST passes.
 */
let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await startTestServer();
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => server.close());

describe("GraphQL over HTTP", () => {
  it("passes every MUST of the conformance audit", async () => {
    const results = await auditServer({ url });
    const failedMusts = results.filter((r) => r.status !== "ok" && r.name.startsWith("MUST")).map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failedMusts).toEqual([]);
    // Reported for the README: what is not followed among the SHOULDs.
    const others = results.filter((r) => r.status !== "ok" && !r.name.startsWith("MUST")).map((r) => r.name);
    console.log(`conformance: ${results.filter((r) => r.status === "ok").length}/${results.length} audits ok; not ok: ${others.join(" | ")}`);
  });
});
