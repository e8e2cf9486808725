import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentHash } from "../src/security/persisted-queries.js";
import { runOperationsCommand } from "../src/security/operations-cli.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (the document text itself is hashed and registered, so it must be the exact string sent): not typed documents.

let server: TestServer;
let safelisted: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  safelisted = await startTestServer({ security: { safelist: true } });
});
afterAll(async () => {
  await server.close();
  await safelisted.close();
});

/** A POST with an optional query text and the persisted-query extension. */
function post(target: TestServer, body: { query?: string; hash?: string }) {
  const payload = { ...(body.query ? { query: body.query } : {}), ...(body.hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: body.hash } } } : {}) };
  return target.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });
}

describe("automatic persisted queries", () => {
  it("a client sends the hash, registers the document once when it is unknown, then sends only the hash; every replica knows it", async () => {
    const query = `{ warehouses(first: 2) { nodes { code } } } # apq ${process.pid} ${Date.now()}`;
    const hash = documentHash(query);
    expect((await post(server, { hash })).json().errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(server, { query, hash })).json().data.warehouses.nodes).toHaveLength(2);
    // Another replica (another server on the same database) answers from the hash alone.
    const replica = await startTestServer();
    try {
      expect((await post(replica, { hash })).json().data.warehouses.nodes).toHaveLength(2);
    } finally {
      await replica.close();
    }
    expect((await post(server, { query: "{ warehouses { nodes { id } } }", hash })).statusCode).toBe(400);
  });
});

describe("safelist mode", () => {
  it("runs registered operations only, by text or by hash; the rest is refused before it is parsed", async () => {
    const query = `query SafelistedWarehouses { warehouses(first: 1) { nodes { code } } } # ${process.pid} ${Date.now()}`;
    const refused = await post(safelisted, { query });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");

    const dir = mkdtempSync(join(tmpdir(), "cg-ops-"));
    writeFileSync(join(dir, "warehouses.graphql"), query);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: documentHash("{ viewer { kind } }"), body: "{ viewer { kind } }", name: "Viewer", type: "query" }] }));
    const lines: string[] = [];
    await runOperationsCommand(safelisted.dataSource, ["register", join(dir, "warehouses.graphql"), join(dir, "manifest.json")], "ios-1.4", (line) => lines.push(line));
    expect(lines).toEqual(["registered 2 operations for ios-1.4"]);

    expect((await post(safelisted, { query })).json().data.warehouses.nodes).toHaveLength(1);
    expect((await post(safelisted, { hash: documentHash(query) })).json().data.warehouses.nodes).toHaveLength(1);
    expect((await post(safelisted, { query: "{ viewer { kind } }" })).json().data.viewer.kind).toBe("ANONYMOUS");
    // No way around it: a percent-encoded path, a batch holding one unregistered operation, a request without a document.
    const encoded = await safelisted.app.inject({ method: "POST", url: "/%67raphql", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "{ warehouses { nodes { id } } }" }) });
    expect(encoded.statusCode).toBe(400);
    expect(encoded.json().errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    const batching = await startTestServer({ security: { safelist: true, batching: true } });
    try {
      const batch = await batching.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: JSON.stringify([{ query }, { query: "{ warehouses { nodes { id } } }" }]) });
      expect(batch.statusCode).toBe(400);
      expect(batch.json().errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    } finally {
      await batching.close();
    }
    // A hash that does not match its document is refused at registration.
    await expect(runOperationsCommand(safelisted.dataSource, ["register", writeManifest(dir)], undefined, () => {})).rejects.toThrow("is not the SHA-256");
  });
});

function writeManifest(dir: string): string {
  const file = join(dir, "wrong.json");
  writeFileSync(file, JSON.stringify({ ["0".repeat(64)]: "{ viewer { kind } }" }));
  return file;
}
