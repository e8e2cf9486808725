import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { createLogger } from "../src/logger.js";
import { DEFAULT_BACKOFF } from "../src/outbox/backoff.js";
import { deliverStream } from "../src/outbox/deliver.js";
import { createFailureNotifier } from "../src/outbox/failure-notifier.js";
import { startRelay } from "../src/outbox/relay.js";
import { graphql } from "./generated/index.js";
import { configWithErp } from "./support/erp-config.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

// Ordering across aggregates: an order waits for its account's create to reach the backend (issue 13).
// The fake ERP is strict here: an order for an account it has not created is refused (422 "account not found")
// and would end FAILED, so an order overtaking its account shows.

let h: WriteHarness;
let tokenA: string;
beforeAll(async () => {
  // Enough attempts that an outage of a few seconds never exhausts them (backoff 50–400 ms).
  h = await startWriteHarness({ maxAttempts: 1000 });
  h.erp.strictAccounts = true;
  tokenA = await h.server.customerToken(0);
});
afterAll(() => h.close());

let n = 0;
const key = () => `cross-${Date.now()}-${n++}`;

const CREATE = graphql(`
  mutation CrossAggregateAccountCreate($input: AccountCreateInput!, $key: String!) {
    accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }
  }
`);
const PLACE = graphql(`
  mutation CrossAggregateOrderPlace($input: OrderPlaceInput!, $key: String!) {
    orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { code message } }
  }
`);
const UPDATE = graphql(`
  mutation CrossAggregateAccountUpdate($input: AccountUpdateInput!, $key: String!) {
    accountUpdate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }
  }
`);
const COMMAND = graphql(`
  query CrossAggregateCommand($id: ID!) { command(id: $id) { status lastError deliveries { connector status attempts lastError } } }
`);
const RETRY = graphql(`
  mutation CrossAggregateRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }
`);

/** Creates an account (admin) and returns its ID, its key (the store's id), its code and its command's ID. */
async function createAccount(code: string): Promise<{ id: string; key: string; code: string; commandId: string }> {
  const input = { code, name: `Buyer ${code}`, email: `${code.toLowerCase()}@cross.example` };
  const payload = dataAt<any>(await h.server.gql(CREATE, { input, key: key() }, h.server.adminKey), "accountCreate");
  expect(payload.userErrors).toEqual([]);
  return { id: payload.account.id, key: payload.account.id.split("/").pop(), code, commandId: payload.command.id };
}

/** Places a one-line pre-order (no stock needed) for the account (admin) and returns its command's ID. */
async function placeOrder(accountId: string): Promise<{ orderKey: string; commandId: string }> {
  const input = { accountId, kind: "PREORDER" as const, lines: [{ sku: "SKU-00042", quantity: 1 }] };
  const payload = dataAt<any>(await h.server.gql(PLACE, { input, key: key() }, h.server.adminKey), "orderPlace");
  expect(payload.userErrors).toEqual([]);
  return { orderKey: payload.order.id.split("/").pop(), commandId: payload.command.id };
}

async function command(id: string): Promise<any> {
  return dataAt<any>(await h.server.gql(COMMAND, { id }, h.server.adminKey), "command");
}
const erpDelivery = (cmd: any) => cmd.deliveries.find((d: any) => d.connector === "erp");

/** Polls a command until `done` holds for it; fails with its last state after 15 s. */
async function waitUntil(commandId: string, done: (cmd: any) => boolean): Promise<any> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const cmd = await command(commandId);
    if (done(cmd)) return cmd;
    if (Date.now() > deadline) throw new Error(`command ${commandId} never got there: ${JSON.stringify(cmd)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs one delivery of a stream on a pool of its own, as the relay does, and returns how many SQL statements it sent. */
async function statementsOfDelivery(stream: { connector: string; aggregateType: string; aggregateId: string }): Promise<number> {
  const pool = new pg.Pool({ connectionString: h.databaseUrl, max: 1 });
  let statements = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    statements++;
    return query(...args);
  }) as typeof pool.query;
  try {
    const logger = createLogger("silent");
    const router = buildRouter(configWithErp(h.erp.url), h.server.dataSource);
    await deliverStream({ pool, router, backoff: DEFAULT_BACKOFF, notify: createFailureNotifier(logger), logger }, stream);
    return statements;
  } finally {
    await pool.end();
  }
}

/** Where the fake ERP applied a command for `aggregateId` of `type` (its index in the applied list), -1 if never. */
const appliedAt = (type: string, aggregateId: string) => h.erp.applied.findIndex((r) => r.type === type && r.body.aggregateId === aggregateId);

describe("ordering across aggregates", () => {
  it("an account and an order created while the ERP is down reach it in that order once it is back; meanwhile the order says it waits", async () => {
    await h.waitForIdle();
    h.erp.down = true;
    let account: Awaited<ReturnType<typeof createAccount>>;
    let order: Awaited<ReturnType<typeof placeOrder>>;
    try {
      account = await createAccount("CROSS-1");
      await waitUntil(account.commandId, (cmd) => erpDelivery(cmd).status === "RETRYING");
      order = await placeOrder(account.id);

      // The order's ERP delivery waits, visibly, without an attempt; its store delivery (the store has the account) does not.
      const waiting = await waitUntil(order.commandId, (cmd) => /^waiting for Account/.test(erpDelivery(cmd).lastError ?? ""));
      expect(waiting.status).toBe("PENDING");
      expect(erpDelivery(waiting)).toEqual({
        connector: "erp",
        status: "PENDING",
        attempts: 0,
        lastError: expect.stringMatching(new RegExp(`^waiting for Account ${account.key} to reach erp first \\(command [0-9a-f-]{36}\\)$`)),
      });
      expect(waiting.lastError).toBe(erpDelivery(waiting).lastError);
      await waitUntil(order.commandId, (cmd) => cmd.deliveries.find((d: any) => d.connector === "store").status === "DELIVERED");
      // The account is still being retried (caught between two attempts, or in one).
      expect(["RETRYING", "DELIVERING"]).toContain(erpDelivery(await command(account.commandId)).status);
      expect(h.erp.received.filter((r) => r.body.aggregateId === order.orderKey)).toEqual([]);

      // Looking at the waiting stream again costs one statement (the next row and what it waits for), and no call to the ERP.
      const statements = await statementsOfDelivery({ connector: "erp", aggregateType: "Order", aggregateId: order.orderKey });
      expect(statements).toBe(1);
      expect(h.erp.received.filter((r) => r.body.aggregateId === order.orderKey)).toEqual([]);
    } finally {
      h.erp.down = false;
    }

    await h.waitForCommand(account.commandId, ["DELIVERED"]);
    const delivered = await h.waitForCommand(order.commandId, ["DELIVERED", "FAILED"]);
    expect(delivered.status).toBe("DELIVERED");
    expect(erpDelivery(delivered)).toMatchObject({ status: "DELIVERED", attempts: 1, lastError: null });
    expect(appliedAt("accountCreate", account.key)).toBeGreaterThanOrEqual(0);
    expect(appliedAt("accountCreate", account.key)).toBeLessThan(appliedAt("orderPlace", order.orderKey));
    expect(h.erp.received.filter((r) => r.body.aggregateId === order.orderKey)).toHaveLength(1);
  });

  it("while the account's create has FAILED, the order waits and says so, until an operator retries the account", async () => {
    await h.waitForIdle();
    h.erp.down = true;
    let account: Awaited<ReturnType<typeof createAccount>>;
    let order: Awaited<ReturnType<typeof placeOrder>>;
    try {
      account = await createAccount("CROSS-2");
      await waitUntil(account.commandId, (cmd) => erpDelivery(cmd).status === "RETRYING");
      order = await placeOrder(account.id);
      await waitUntil(order.commandId, (cmd) => /^waiting for Account/.test(erpDelivery(cmd).lastError ?? ""));
      // The ERP refuses the account for good (its next attempt): it is FAILED, and the order says what it waits for.
      h.erp.failNext({ status: 422, body: `{"error":"credit check failed"}` });
      await h.waitForCommand(account.commandId, ["FAILED"]);
    } finally {
      h.erp.down = false;
    }
    const stuck = await waitUntil(order.commandId, (cmd) => /FAILED there/.test(erpDelivery(cmd).lastError ?? ""));
    expect(stuck.status).toBe("PENDING");
    expect(erpDelivery(stuck)).toEqual({
      connector: "erp",
      status: "PENDING",
      attempts: 0,
      lastError: expect.stringMatching(new RegExp(`^waiting for Account ${account.key} to reach erp first: its command [0-9a-f-]{36} FAILED there; retry it \\(commandRetry\\) to go on$`)),
    });
    expect(h.erp.received.filter((r) => r.body.aggregateId === order.orderKey)).toEqual([]);

    const retried = dataAt<any>(await h.server.gql(RETRY, { id: account.commandId, key: key() }, h.server.adminKey), "commandRetry");
    expect(retried.userErrors).toEqual([]);
    await h.waitForCommand(account.commandId, ["DELIVERED"]);
    const delivered = await h.waitForCommand(order.commandId, ["DELIVERED", "FAILED"]);
    expect(delivered.status).toBe("DELIVERED");
    expect(appliedAt("accountCreate", account.key)).toBeLessThan(appliedAt("orderPlace", order.orderKey));
    expect(erpDelivery(delivered)).toMatchObject({ status: "DELIVERED", attempts: 1, lastError: null });
  });

  it("an account change the ERP refused for good does not hold back the account's later orders: only its create does", async () => {
    await h.waitForIdle();
    const account = await createAccount("CROSS-UPD");
    await h.waitForCommand(account.commandId, ["DELIVERED"]);
    h.erp.failNext({ status: 422, body: `{"error":"phone format rejected"}` });
    const update = dataAt<any>(await h.server.gql(UPDATE, { input: { account: { code: "CROSS-UPD" }, phone: "+1 555 0100" }, key: key() }, h.server.adminKey), "accountUpdate");
    expect(update.userErrors).toEqual([]);
    await h.waitForCommand(update.command.id, ["FAILED"]);

    const order = await placeOrder(account.id);
    const delivered = await waitUntil(order.commandId, (cmd) => erpDelivery(cmd).status === "DELIVERED");
    expect(erpDelivery(delivered).lastError).toBeNull();
    expect(appliedAt("orderPlace", order.orderKey)).toBeGreaterThan(appliedAt("accountCreate", account.key));
  });

  it("two relays deliver accounts and their orders made during an outage in order", async () => {
    await h.waitForIdle();
    const second = await startRelay({
      databaseUrl: h.databaseUrl,
      router: buildRouter(configWithErp(h.erp.url), h.server.dataSource),
      logger: createLogger("silent"),
      backoff: { baseMs: 50, maxMs: 400, maxAttempts: 1000 },
      concurrency: 4,
      sweepIntervalMs: 1000,
    });
    try {
      h.erp.down = true;
      const pairs: Array<{ account: Awaited<ReturnType<typeof createAccount>>; order: Awaited<ReturnType<typeof placeOrder>> }> = [];
      try {
        for (let i = 0; i < 6; i++) {
          const account = await createAccount(`CROSS-3-${i}`);
          pairs.push({ account, order: await placeOrder(account.id) });
        }
        for (const { order } of pairs) await waitUntil(order.commandId, (cmd) => /^waiting for Account/.test(erpDelivery(cmd).lastError ?? ""));
      } finally {
        h.erp.down = false;
      }
      for (const { account, order } of pairs) {
        await h.waitForCommand(account.commandId, ["DELIVERED"]);
        expect((await h.waitForCommand(order.commandId, ["DELIVERED", "FAILED"])).status).toBe("DELIVERED");
        expect(appliedAt("accountCreate", account.key)).toBeLessThan(appliedAt("orderPlace", order.orderKey));
      }
      expect(h.erp.received.filter((r) => r.type === "orderPlace" && pairs.some((p) => p.order.orderKey === r.body.aggregateId))).toHaveLength(pairs.length);
    } finally {
      await second.stop();
    }
  });

  it("each command that refers to another aggregate declares it: orders, quotes and conversions their account, an invoice its account and order", async () => {
    await h.waitForIdle();
    // Customer A (C00001) is seeded, never created through the ERP: tell the strict fake it knows it.
    h.erp.accounts.add("C00001");
    const sql = async <T>(query: string, params: unknown[] = []) => (await h.server.dataSource.query(query, params)) as T[];
    const [buyer] = await sql<{ id: string }>(`SELECT id FROM account WHERE code = 'C00001'`);
    const [product] = await sql<{ id: string }>(`SELECT id FROM product WHERE sku = 'SKU-00042'`);
    await sql(
      `INSERT INTO inventory_level (product_id, warehouse_id, on_hand) SELECT $1, default_warehouse_id, 100 FROM account WHERE id = $2
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = inventory_level.on_hand + 100`,
      [product!.id, buyer!.id],
    );
    const placed = dataAt<any>(await h.server.gql(PLACE, { input: { kind: "PREORDER", lines: [{ sku: "SKU-00042", quantity: 1 }] }, key: key() }, tokenA), "orderPlace");
    const quoted = dataAt<any>(
      await h.server.gql(
        graphql(`mutation CrossAggregateQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: "SKU-00042", quantity: 1 }] }, idempotencyKey: $key) { quote { id } command { id } userErrors { code message } } }`),
        { key: key() },
        tokenA,
      ),
      "quoteRequest",
    );
    expect(quoted.userErrors).toEqual([]);
    const converted = dataAt<any>(
      await h.server.gql(
        graphql(`mutation CrossAggregateQuoteConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) { order { id } command { id } userErrors { code message } } }`),
        { id: quoted.quote.id, key: key() },
        tokenA,
      ),
      "quoteConvertToOrder",
    );
    expect(converted.userErrors).toEqual([]);
    const invoiced = dataAt<any>(
      await h.server.gql(
        graphql(`mutation CrossAggregateInvoiceRegister($id: ID!, $key: String!) { invoiceRegister(input: { orderId: $id }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code message } } }`),
        { id: placed.order.id, key: key() },
        h.server.adminKey,
      ),
      "invoiceRegister",
    );
    expect(invoiced.userErrors).toEqual([]);

    const keyOf = (gid: string) => gid.split("/").pop()!;
    const dependsOn = async (commandGid: string) =>
      (await sql<{ depends_on: string[] }>(`SELECT DISTINCT depends_on FROM outbox WHERE command_id = $1`, [keyOf(commandGid)])).map((row) => row.depends_on);
    const account = `Account:${buyer!.id}`;
    expect(await dependsOn(placed.command.id)).toEqual([[account]]);
    expect(await dependsOn(quoted.command.id)).toEqual([[account]]);
    expect(await dependsOn(converted.command.id)).toEqual([[account, `Quote:${keyOf(quoted.quote.id)}`]]);
    expect(await dependsOn(invoiced.command.id)).toEqual([[account, `Order:${keyOf(placed.order.id)}`]]);
    for (const { command } of [placed, quoted, converted, invoiced]) expect((await h.waitForCommand(command.id, ["DELIVERED", "FAILED"])).status).toBe("DELIVERED");
  });
});
