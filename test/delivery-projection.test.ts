import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.js";
import { dataAt } from "./support/paging.js";
import { startWriteHarness, type WriteHarness } from "./support/write-harness.js";

let h: WriteHarness;
let token: string;
beforeAll(async () => {
  h = await startWriteHarness();
  token = await h.server.customerToken(0);
  // A real failure between "delivered" and "projected": the first statement that writes the ERP's number
  // on an order with this PO number fails (a sequence counts the attempts: it is not rolled back).
  await h.server.dataSource.query(`CREATE SEQUENCE test_projection_fault_seq`);
  await h.server.dataSource.query(`
    CREATE FUNCTION test_fail_projection_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.po_number = 'PROJECTION-FAULT' AND NEW.external_number IS DISTINCT FROM OLD.external_number
         AND nextval('test_projection_fault_seq') = 1 THEN
        RAISE EXCEPTION 'test: the projection statement fails once';
      END IF;
      RETURN NEW;
    END $$`);
  await h.server.dataSource.query(`CREATE TRIGGER test_fail_projection_once BEFORE UPDATE ON "order" FOR EACH ROW EXECUTE FUNCTION test_fail_projection_once()`);
});
afterAll(() => h.close());

interface Observation {
  status: string;
  reference: string | null;
  external_number: string | null;
}

describe("delivery and projection", () => {
  it("marks a delivery DELIVERED and writes the ERP's number on the order in one transaction: a failure between them leaves neither, and the retry stores both", async () => {
    const placed = dataAt<any>(
      await h.server.gql(
        graphql(`mutation DeliveryProjectionOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, poNumber: "PROJECTION-FAULT", lines: [{ sku: "SKU-00042", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }`),
        { key: `projection-${Date.now()}` },
        token,
      ),
      "orderPlace",
    );
    expect(placed.userErrors).toEqual([]);
    const orderKey = placed.order.id.split("/").pop();

    // Watch the ERP delivery and the order together (one statement: one snapshot) until both are done.
    const seen: Observation[] = [];
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = (await h.server.dataSource.query(
        `SELECT o.status, o.reference, ord.external_number FROM outbox o JOIN "order" ord ON ord.id = o.aggregateid::uuid
         WHERE o.connector = 'erp' AND o.aggregateid = $1`,
        [orderKey],
      )) as Observation[];
      seen.push(row!);
      if ((row!.status === "DELIVERED" && row!.external_number) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    // Never DELIVERED without the order's external number.
    expect(seen.filter((o) => o.status === "DELIVERED" && o.external_number !== o.reference)).toEqual([]);
    const last = seen.at(-1)!;
    expect(last.status).toBe("DELIVERED");
    expect(last.external_number).toMatch(/^ERP-/);
    expect(last.external_number).toBe(last.reference);
    // The fault happened: the projection statement failed once, and its retry passed.
    const [fault] = (await h.server.dataSource.query(`SELECT last_value::int AS attempts, is_called FROM test_projection_fault_seq`)) as Array<{ attempts: number; is_called: boolean }>;
    expect(fault).toMatchObject({ is_called: true });
    expect(fault!.attempts).toBeGreaterThanOrEqual(2);

    // The retry sent the command again under the same idempotency key; the ERP applied it once.
    const sent = h.erp.received.filter((r) => r.body.aggregateId === orderKey);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(h.erp.applied.filter((r) => r.body.aggregateId === orderKey)).toHaveLength(1);
    const command = await h.waitForCommand(placed.command.id, ["DELIVERED"]);
    const order = dataAt<any>(await h.server.gql(graphql(`query DeliveryProjectionOrder($id: ID!) { order(id: $id) { externalNumber syncStatus } }`), { id: placed.order.id }, token), "order");
    expect(order).toEqual({ externalNumber: command.deliveries.find((d: any) => d.connector === "erp").reference, syncStatus: "SYNCED" });
  });
});
