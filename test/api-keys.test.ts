import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let n = 0;
const key = () => `api-keys-${process.pid}-${n++}`;
const KEY_FIELDS = `apiKey { id name scopes allowedIps prefix lastUsedAt revokedAt } secret userErrors { code field }`;

/** A warehouses query with `secret`, from `address`. */
function useKey(secret: string, address = "127.0.0.1") {
  return server.app.inject({
    method: "POST",
    url: "/graphql",
    remoteAddress: address,
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    payload: JSON.stringify({ query: "{ warehouses(first: 1) { nodes { code } } }" }),
  });
}

describe("customer access tokens", () => {
  it("an expired or revoked token is refused with 401", async () => {
    const SIGN_IN = graphql(`mutation ApiKeysSignIn { customerAccessTokenCreate(input: { email: "buyer@acme.example", password: "acme-demo-1" }) { customerAccessToken { accessToken } } }`);
    const token = async () => dataAt<any>(await server.gql(SIGN_IN), "customerAccessTokenCreate.customerAccessToken.accessToken") as string;
    const [expiring, revoking] = [await token(), await token()];
    const viewer = (t: string) => server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${t}` }, payload: JSON.stringify({ query: "{ viewer { kind } }" }) });
    // Expired before its first use (a verified token is believed for a few seconds, never past its expiry).
    const { digest } = await import("../src/auth/tokens.js");
    await server.dataSource.query(`UPDATE customer_access_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [digest(expiring)]);
    expect((await viewer(expiring)).statusCode).toBe(401);
    expect((await viewer(revoking)).statusCode).toBe(200);
    expect(dataAt<any>(await server.gql(graphql(`mutation ApiKeysCustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }`), { t: revoking }), "customerAccessTokenDelete.deleted")).toBe(true);
    expect((await viewer(revoking)).statusCode).toBe(401);
  });
});

describe("API keys", () => {
  it("are created once (the secret shown once), used only from their networks, marked when used, rotated and revoked", async () => {
    const CREATE = `mutation($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { ${KEY_FIELDS} } }`;
    const input = { name: "partner feed", scopes: ["STOREFRONT"], allowedIps: ["10.0.0.0/8", "2001:db8::/32"] };
    const idempotencyKey = key();
    const created = dataAt<any>(await server.gql(CREATE, { input, key: idempotencyKey }, server.adminKey), "apiKeyCreate");
    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^cgk_/);
    expect(created.apiKey).toMatchObject({ name: "partner feed", scopes: ["STOREFRONT"], allowedIps: ["10.0.0.0/8", "2001:db8::/32"], prefix: `${created.secret.slice(0, 8)}…`, lastUsedAt: null });
    const replay = dataAt<any>(await server.gql(CREATE, { input, key: idempotencyKey }, server.adminKey), "apiKeyCreate");
    expect(replay).toMatchObject({ apiKey: { id: created.apiKey.id }, secret: null });

    const outside = await useKey(created.secret);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await useKey(created.secret, "10.1.2.3")).statusCode).toBe(200);
    expect((await useKey(created.secret, "2001:db8::7")).statusCode).toBe(200);
    expect((await useKey(created.secret, "::ffff:10.9.8.7")).statusCode).toBe(200);
    const listed = dataAt<any[]>(await server.gql(graphql(`query ApiKeysApiKeys { apiKeys { id lastUsedAt } }`), {}, server.adminKey), "apiKeys").find((k) => k.id === created.apiKey.id);
    expect(listed.lastUsedAt).not.toBeNull();

    const ROTATE = `mutation($id: ID!, $key: String!) { apiKeyRotate(id: $id, idempotencyKey: $key) { ${KEY_FIELDS} } }`;
    const rotated = dataAt<any>(await server.gql(ROTATE, { id: created.apiKey.id, key: key() }, server.adminKey), "apiKeyRotate");
    expect(rotated.secret).not.toBe(created.secret);
    expect((await useKey(created.secret, "10.1.2.3")).statusCode).toBe(401);
    expect((await useKey(rotated.secret, "10.1.2.3")).statusCode).toBe(200);

    const REVOKE = `mutation($id: ID!, $key: String!) { apiKeyRevoke(id: $id, idempotencyKey: $key) { ${KEY_FIELDS} } }`;
    const revoked = dataAt<any>(await server.gql(REVOKE, { id: created.apiKey.id, key: key() }, server.adminKey), "apiKeyRevoke");
    expect(revoked.apiKey.revokedAt).not.toBeNull();
    expect(revoked.secret).toBeNull();
    expect((await useKey(rotated.secret, "10.1.2.3")).statusCode).toBe(401);
    const again = dataAt<any>(await server.gql(REVOKE, { id: created.apiKey.id, key: key() }, server.adminKey), "apiKeyRevoke");
    expect(again.userErrors).toEqual([{ code: "NOT_FOUND", field: ["id"] }]);
  });

  it("behind a trusted proxy, the allow-list applies to the client's address from X-Forwarded-For", async () => {
    const { createApiKey } = await import("../src/auth/api-keys.js");
    const { secret } = await createApiKey(server.dataSource, { name: "behind proxy", scopes: ["storefront"], allowedIps: ["10.0.0.0/8"] });
    const proxied = await startTestServer({ security: { trustProxy: "127.0.0.1" } });
    try {
      const from = (target: TestServer, forwardedFor: string) =>
        target.app.inject({ method: "POST", url: "/graphql", remoteAddress: "127.0.0.1", headers: { "content-type": "application/json", authorization: `Bearer ${secret}`, "x-forwarded-for": forwardedFor }, payload: JSON.stringify({ query: "{ viewer { kind } }" }) });
      expect((await from(proxied, "10.1.1.1")).statusCode).toBe(200);
      expect((await from(proxied, "192.0.2.1")).statusCode).toBe(403);
      // Not trusted by default: the header is ignored, the proxy's own address counts.
      expect((await from(server, "10.1.1.1")).statusCode).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it("a network given with host bits is stored as its network; ADMIN_API_KEY registered again at start-up stays revoked", async () => {
    const CREATE = `mutation($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { ${KEY_FIELDS} } }`;
    const created = dataAt<any>(await server.gql(CREATE, { input: { name: "host bits", scopes: ["STOREFRONT"], allowedIps: ["10.1.2.3/8", "192.0.2.7"] }, key: key() }, server.adminKey), "apiKeyCreate");
    expect(created.apiKey.allowedIps).toEqual(["10.0.0.0/8", "192.0.2.7/32"]);

    const { registerAdminKey, principalOfApiKey, revokeApiKey } = await import("../src/auth/api-keys.js");
    const secret = `cgk_env_${process.pid}_${Date.now()}_admin_key`;
    await registerAdminKey(server.dataSource, secret);
    const principal = await principalOfApiKey(server.dataSource, secret, "127.0.0.1");
    expect(principal).toMatchObject({ kind: "API_KEY", scopes: ["admin"] });
    await revokeApiKey(server.dataSource, (principal as { keyId: string }).keyId);
    await registerAdminKey(server.dataSource, secret);
    expect(await principalOfApiKey(server.dataSource, secret, "127.0.0.1")).toBeNull();
  });

  it("refuses bad networks with a user error, and anyone but admins", async () => {
    const CREATE = `mutation($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { ${KEY_FIELDS} } }`;
    const bad = dataAt<any>(await server.gql(CREATE, { input: { name: "x", scopes: ["ADMIN"], allowedIps: ["10.0.0.0/33", "not-an-ip"] }, key: key() }, server.adminKey), "apiKeyCreate");
    expect(bad.userErrors).toEqual([
      { code: "INVALID", field: ["input", "allowedIps", "0"] },
      { code: "INVALID", field: ["input", "allowedIps", "1"] },
    ]);
    expect((await server.gql(graphql(`query ApiKeysApiKeys2 { apiKeys { id } }`), {}, server.storefrontKey)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const asStorefront = await server.gql(CREATE, { input: { name: "x", scopes: ["ADMIN"] }, key: key() }, server.storefrontKey);
    expect(asStorefront.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("npm run apikey -- create prints a working secret once", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/main.ts", "apikey", "create", "--name", "cli key", "--scopes", "storefront", "--allow-ip", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent", SEED: "never" },
    });
    const secret = /secret, shown only now: (cgk_\S+)/.exec(stdout)?.[1];
    expect(secret).toBeDefined();
    expect((await useKey(secret!)).statusCode).toBe(200);
  });
});
