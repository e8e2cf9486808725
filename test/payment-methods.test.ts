import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// paymentMethodAdd and paymentMethodRemove, and Account.paymentMethods.

let h: WriteHarness;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  h = await startWriteHarness();
  [tokenA, tokenB] = await Promise.all([h.server.customerToken(0), h.server.customerToken(1)]);
});
afterAll(() => h.close());

let n = 0;
const key = () => `payment-method-${Date.now()}-${n++}`;
async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await h.server.dataSource.query(query, params)) as T[];
}

describe("payment methods", () => {
  const ADD = graphql(`mutation PaymentMethodsAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id provider brand last4 expiryMonth expiryYear } command { id } userErrors { code field message } } }`);

  it("refuses anything that looks like a card number, and stores nothing", async () => {
    for (const token of ["4242424242424242", "4242 4242 4242 4242", "tok_5555-5555-5555-4444"]) {
      const payload = dataAt<any>(await h.server.gql(ADD, { input: { provider: "stripe", token }, key: key() }, tokenA), "paymentMethodAdd");
      expect(payload.paymentMethod).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INVALID", field: ["input", "token"] })]);
    }
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM payment_method WHERE token ~ '\\d{12}'`);
    expect(count!.n).toBe(0);
  });

  it("saves a provider token, lists it without the token, orders can use it, and it can be removed", async () => {
    const added = dataAt<any>(
      await h.server.gql(ADD, { input: { provider: "stripe", token: "pm_1Nq2Xy", brand: "visa", last4: "4242", expiryMonth: 12, expiryYear: 2030 }, key: key() }, tokenA),
      "paymentMethodAdd",
    );
    expect(added.userErrors).toEqual([]);
    expect(added.paymentMethod).toMatchObject({ provider: "stripe", brand: "visa", last4: "4242", expiryMonth: 12, expiryYear: 2030 });
    const listed = dataAt<any[]>(await h.server.gql(graphql(`query PaymentMethodsViewer { viewer { account { paymentMethods { id last4 } } } }`), {}, tokenA), "viewer.account.paymentMethods");
    expect(listed.map((m) => m.id)).toContain(added.paymentMethod.id);
    expect((await h.server.gql(graphql(`query PaymentMethodsNode($id: ID!) { node(id: $id) { id } }`), { id: added.paymentMethod.id }, tokenB)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const order = dataAt<any>(
      await h.server.gql(graphql(`mutation PaymentMethodsOrderPlace($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: "SKU-00010", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }`), { pm: added.paymentMethod.id, key: key() }, tokenA),
      "orderPlace",
    );
    expect(order.userErrors).toEqual([]);
    // The same method named with its UUID in upper case: the order's command carries the id as stored.
    const upperKey = key();
    const upperId = String(added.paymentMethod.id).replace(/[0-9a-f-]{36}$/, (uuid) => uuid.toUpperCase());
    expect(upperId).not.toBe(added.paymentMethod.id);
    const upper = dataAt<any>(
      await h.server.gql(graphql(`mutation PaymentMethodsOrderPlaceUpper($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: "SKU-00010", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code } } }`), { pm: upperId, key: upperKey }, tokenA),
      "orderPlace",
    );
    expect(upper.userErrors).toEqual([]);
    const [sent] = await sql<{ pm: string }>(`SELECT payload->>'paymentMethodId' AS pm FROM command WHERE idempotency_key = $1`, [upperKey]);
    expect(sent!.pm).toBe(String(added.paymentMethod.id).match(/[0-9a-f-]{36}$/)![0]);
    const otherMethod = dataAt<any>(
      await h.server.gql(graphql(`mutation PaymentMethodsOrderPlace2($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: "SKU-00010", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code field } } }`), { pm: added.paymentMethod.id, key: key() }, tokenB),
      "orderPlace",
    );
    expect(otherMethod.userErrors).toEqual([{ code: "NOT_FOUND", field: ["input", "paymentMethodId"] }]);

    const REMOVE = graphql(`mutation PaymentMethodsRemove($id: ID!, $key: String!) { paymentMethodRemove(paymentMethodId: $id, idempotencyKey: $key) { removedPaymentMethodId userErrors { code } } }`);
    expect((await h.server.gql(REMOVE, { id: added.paymentMethod.id, key: key() }, tokenB)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(dataAt<any>(await h.server.gql(REMOVE, { id: added.paymentMethod.id, key: key() }, tokenA), "paymentMethodRemove")).toEqual({ removedPaymentMethodId: added.paymentMethod.id, userErrors: [] });
    const after = dataAt<any[]>(await h.server.gql(graphql(`query PaymentMethodsViewer2 { viewer { account { paymentMethods { id } } } }`), {}, tokenA), "viewer.account.paymentMethods");
    expect(after.map((m) => m.id)).not.toContain(added.paymentMethod.id);
  });
});
