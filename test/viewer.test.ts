import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// viewer: who is asking.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("viewer", () => {
  const VIEWER = graphql(`query ViewerViewer { viewer { kind scopes account { code } } }`);

  it("says who is asking, for every kind of principal", async () => {
    const [tokenA, tokenB] = await Promise.all([server.customerToken(0), server.customerToken(1)]);
    const cases: Array<[string | undefined, unknown]> = [
      [undefined, { kind: "ANONYMOUS", scopes: [], account: null }],
      [server.adminKey, { kind: "API_KEY", scopes: ["admin"], account: null }],
      [server.storefrontKey, { kind: "API_KEY", scopes: ["storefront"], account: null }],
      [tokenA, { kind: "CUSTOMER", scopes: ["customer"], account: { code: "C00001" } }],
      [tokenB, { kind: "CUSTOMER", scopes: ["customer"], account: { code: "C00002" } }],
    ];
    for (const [token, viewer] of cases) expect(dataAt<any>(await server.gql(VIEWER, {}, token), "viewer")).toEqual(viewer);
  });
});
