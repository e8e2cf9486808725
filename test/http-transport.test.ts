import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendThrottledError, PermanentDeliveryError, TransientDeliveryError } from "../src/connectors/errors.js";
import { httpTransport, retryAfterMs, type HttpTransportOptions } from "../src/connectors/http/http-transport.js";

/**
 * A small backend: `POST /status/<code>` answers that status (with the
 * `retry-after` query parameter as a header), `/slow` answers after 500 ms;
 * every request's headers are kept.
 */
let server: Server;
let url = "";
const seen: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    const address = new URL(request.url ?? "/", "http://backend");
    const status = Number(/^\/status\/(\d{3})$/.exec(address.pathname)?.[1] ?? 200);
    const retryAfter = address.searchParams.get("retry-after");
    const answer = () => {
      response.writeHead(status, { "content-type": "text/plain", ...(retryAfter ? { "retry-after": retryAfter } : {}) });
      response.end(status === 200 ? "fine" : `reason ${status}`);
    };
    if (address.pathname === "/slow") setTimeout(answer, 500);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const transport = (options: Partial<HttpTransportOptions> = {}) => httpTransport({ name: "erp", baseUrl: `${url}/`, ...options });

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail("expected the request to fail"),
    (error: unknown) => error as Error,
  );
}

describe("the shared HTTP transport", () => {
  it("answers 2xx with the body, sending bearer, basic or custom-header auth from the settings", async () => {
    expect(await transport({ auth: { bearer: "t0ken" } })({ path: "/ok" })).toMatchObject({ status: 200, text: "fine" });
    await transport({ auth: { basic: { username: "user", password: "p:ss" } } })({ path: "/ok" });
    await transport({ auth: { header: { name: "X-Api-Key", value: "k3y" } } })({ path: "/ok", headers: { "x-extra": "1" } });
    await transport()({ path: "/ok" });
    const [bearer, basic, header, none] = seen.slice(-4);
    expect(bearer!.authorization).toBe("Bearer t0ken");
    expect(basic!.authorization).toBe(`Basic ${Buffer.from("user:p:ss").toString("base64")}`);
    expect(header).toMatchObject({ "x-api-key": "k3y", "x-extra": "1" });
    expect(header!.authorization).toBeUndefined();
    expect(none!.authorization).toBeUndefined();
  });

  it("classifies failures: 5xx and 408 transient, 429 throttled, other 4xx permanent with the body's reason", async () => {
    const send = transport();
    const unavailable = await rejection(send({ path: "/status/503", label: "order.add" }));
    expect(unavailable).toBeInstanceOf(TransientDeliveryError);
    expect(unavailable).not.toBeInstanceOf(BackendThrottledError);
    expect(unavailable.message).toBe("erp order.add answered 503: reason 503");
    expect(await rejection(send({ path: "/status/408" }))).toBeInstanceOf(TransientDeliveryError);
    const throttled = (await rejection(send({ path: "/status/429?retry-after=3" }))) as BackendThrottledError;
    expect(throttled).toBeInstanceOf(BackendThrottledError);
    expect(throttled.retryAfterMs).toBe(3_000);
    const refused = await rejection(send({ path: "/status/422" }));
    expect(refused).toBeInstanceOf(PermanentDeliveryError);
    expect(refused.message).toBe("erp answered 422: reason 422");
    expect(await transport({ reasonOf: () => null })({ path: "/status/404", returnClientErrors: true })).toMatchObject({ status: 404, text: "reason 404" });
    expect((await rejection(transport({ reasonOf: () => null })({ path: "/status/500", label: "x" }))).message).toBe("erp x answered 500");
  });

  it("a timeout or an unreachable backend is transient", async () => {
    const slow = await rejection(transport({ timeoutMs: 100 })({ path: "/slow" }));
    expect(slow).toBeInstanceOf(TransientDeliveryError);
    expect(slow.message).toMatch(/^erp unreachable: /);
    const closed = await rejection(httpTransport({ name: "erp", baseUrl: "http://127.0.0.1:1" })({ path: "/ok" }));
    expect(closed).toBeInstanceOf(TransientDeliveryError);
    expect(closed.message).toMatch(/^erp unreachable: /);
  });

  it("reads Retry-After in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
