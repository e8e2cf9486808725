import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { buildRouter } from "../src/connectors/build-router.js";
import { connectorsConfig } from "../src/connectors/connectors-config.js";
import type { Router } from "../src/connectors/router.js";
import { dropDatabase } from "./support/databases.js";
import { copyWriteTemplate } from "./support/own-database.js";
import { until } from "./support/table-lock.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// An order is committed, then reading it back for the payload fails (here: the store's circuit is open,
// which the mutation's own reads, made in its transaction, never go through). The client must learn that
// the order was stored, or it retries with a new key and orders twice.

const PLACE = graphql(`mutation ChangeStoredPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {
  order { id } command { id } userErrors { code } } }`);
const CATALOG = graphql(`query ChangeStoredCatalog { products(first: 5, sortKey: SKU) { nodes { sku } } }`);

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await copyWriteTemplate("stored");
});
afterAll(() => dropDatabase(databaseUrl));

/** Opens the store's circuit: one catalog read that times out on a locked table (the circuit opens at the first failure). */
async function openStoreCircuit(server: TestServer, router: Router): Promise<void> {
  const locker = new pg.Client({ connectionString: databaseUrl });
  await locker.connect();
  try {
    await locker.query("BEGIN; LOCK TABLE product IN ACCESS EXCLUSIVE MODE");
    const read = await server.gql(CATALOG);
    expect(read.errors?.[0]?.extensions?.code).toBe("CONNECTOR_UNAVAILABLE");
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }
  await until(async () => router.healthOf("store")?.circuit === "OPEN", "the store's circuit open");
}

describe("a mutation whose payload cannot be read after it committed", () => {
  for (const production of [false, true]) {
    it(`says the change was stored, with the command's id, not just "unavailable" (${production ? "production" : "development"})`, async () => {
      let router!: Router;
      const config = connectorsConfig({ connectors: { store: { kind: "store", timeoutMs: 100, circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 3_600_000 } } } });
      const server = await startTestServer({ databaseUrl, acquireTimeoutMs: 200, security: { production }, router: (dataSource) => (router = buildRouter(config, dataSource)) });
      try {
        const token = await server.customerToken(0);
        const [line] = (await server.dataSource.query(
          `SELECT p.sku, il.warehouse_id FROM product p JOIN inventory_level il ON il.product_id = p.id
           WHERE il.on_hand - il.reserved >= 100 AND NOT p.special_order AND NOT p.presell
             AND NOT EXISTS (SELECT 1 FROM account_restricted_product r WHERE r.product_id = p.id)
           ORDER BY p.sku, il.warehouse_id LIMIT 1`,
        )) as Array<{ sku: string; warehouse_id: string }>;
        const variables = { input: { lines: [{ sku: line!.sku, warehouseId: `gid://store/Warehouse/${line!.warehouse_id}`, quantity: 1 }] }, key: `stored-${randomBytes(6).toString("hex")}` };
        // Verified now, so that the order below needs no read outside its transaction before it commits.
        expect((await server.gql(graphql(`query ChangeStoredViewer { viewer { __typename } }`), {}, token)).errors).toBeUndefined();
        await openStoreCircuit(server, router);

        const answer = await server.gql(PLACE, variables, token);
        expect(answer.data).toBeNull();
        expect(answer.errors).toHaveLength(1);
        const [error] = answer.errors!;
        const [stored] = (await server.dataSource.query(`SELECT response FROM idempotency_record WHERE key = $1`, [variables.key])) as Array<{ response: { entityKey: string; commandId: string } }>;
        // The order was committed with its command, and the error names that command.
        expect(stored?.response.entityKey).toBeTruthy();
        const commandId = `gid://outbox/Command/${stored!.response.commandId}`;
        expect(error!.message).toBe(`The change was stored (command ${commandId}), but its result could not be read now (CONNECTOR_UNAVAILABLE). Read it again, or retry with the same idempotency key: it is answered, not applied again.`);
        expect(error!.extensions).toMatchObject({ code: "CONNECTOR_UNAVAILABLE", changeStored: true, commandId });
        expect(error!.path).toEqual(["orderPlace"]);
      } finally {
        await server.close();
      }
    });
  }
});
