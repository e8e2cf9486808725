/**
 * `npm run demo`: the federated setup on one machine. Starts the fake eConnect
 * ERP, then Commerce Graph (`npm start`: the embedded store) with the example
 * connectors file, runs a sample query that reads from both, prints it with
 * the answer; then places an order as a demo customer and, as the ERP would,
 * pushes signed events for it (processing, a shipment with tracking, shipped),
 * printing the order's status, events and shipments after each; and keeps
 * both running until Ctrl-C.
 *
 *   PORT (default 4000), ERP_PORT (default 9090), ADMIN_API_KEY (default: a demo key),
 *   ERP_EVENTS_SECRET (the ERP's events secret; default: a demo secret).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { InboundChangeInput } from "../src/commands/inbound-changes.js";
import { EconnectFake } from "../test/fakes/econnect/econnect-fake.js";
import { PushingBackend } from "../test/fakes/pushing-backend.js";

const port = Number(process.env.PORT ?? 4000);
const erpPort = Number(process.env.ERP_PORT ?? 9090);
const adminKey = process.env.ADMIN_API_KEY ?? "cgk_demo_admin_key_change_me";
const eventsSecret = process.env.ERP_EVENTS_SECRET ?? "demo-erp-events-secret-change-me-0123456789";
const apiKey = "test-econnect-key";
const root = fileURLToPath(new URL("..", import.meta.url));

/** The sample: an account from the ERP matched to the store's, products merged from both, store orders with ERP accounts and products. */
const SAMPLE = `{
  account(code: "C00001") { id name email externalReferences { connector externalId } }
  products(first: 5, filter: { skus: ["SKU-00001", "SKU-00002", "SKU-90001", "SKU-90002"] }) {
    nodes { id sku name listPrice { amount currencyCode } }
  }
  orders(first: 2) {
    nodes { number account { id name } lines { sku product { id name } } }
  }
  connectors { name kind status circuit reads backlog { pending failed } }
}`;

/** The order as its customer reads it: status, events (oldest first), shipments. */
const ORDER = `query DemoOrder($id: ID!) { order(id: $id) {
  number status
  events { kind fromStatus toStatus connector occurredAt }
  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }
} }`;

const erp = new EconnectFake(apiKey).seed({ accounts: 120, items: 500 });
// Spare parts the ERP sells that the web store does not list.
for (const [i, name] of ["Replacement gasket", "Service kit"].entries()) {
  const id = String(9001 + i);
  erp.items.set(id, { id, code: `SKU-9000${i + 1}`, barcode: `49000000000${i + 1}`, name, price: `${12 + i * 10}.50`, onhand: 40, created: "2024-06-01T00:00:00.000Z" });
}
await erp.start(erpPort);
console.log(`fake eConnect ERP on ${erp.url} (api key ${apiKey})`);

const gateway = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start", "--config", "commerce-graph.config.example.yaml"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PORT: String(port), ERP_URL: erp.url, ERP_API_KEY: apiKey, ADMIN_API_KEY: adminKey, ERP_EVENTS_SECRET: eventsSecret },
});
const stop = async () => {
  gateway.kill("SIGTERM");
  await erp.stop();
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
gateway.once("exit", (code) => {
  void erp.stop();
  process.exitCode = code ?? 0;
});

const baseUrl = `http://localhost:${port}`;
const endpoint = `${baseUrl}/graphql`;
/** A GraphQL answer, read loosely (the demo prints it). */
interface Answer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- printed as it comes, read by a few known paths
  data?: Record<string, any> | null;
  errors?: unknown[];
}

async function ask(query: string, variables: Record<string, unknown> = {}, token = adminKey): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

for (let attempt = 0; ; attempt++) {
  let answer: Answer;
  try {
    answer = await ask(SAMPLE);
  } catch {
    if (attempt > 240 || gateway.exitCode !== null) {
      console.error("Commerce Graph did not start; see its log above.");
      await stop();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    continue;
  }
  console.log(`\nCommerce Graph: ${endpoint} (admin API key: ${adminKey})\n\nSample query — the account and the spare parts come from the ERP, the orders from the store:\n\n${SAMPLE}\n`);
  console.log(JSON.stringify(answer, null, 2));
  await showOrderMovingToShipped().catch((error: unknown) => console.error("The order demo stopped:", error));
  console.log("\nBoth keep running; press Ctrl-C to stop.");
  break;
}


/**
 * Places an order as the demo customer, then pushes signed events for it as
 * the ERP would (`POST /connectors/erp/events`), printing the order after each.
 */
async function showOrderMovingToShipped(): Promise<void> {
  const signIn = await ask(`mutation { customerAccessTokenCreate(input: { email: "buyer@acme.example", password: "acme-demo-1" }) { customerAccessToken { accessToken } } }`);
  const token = signIn.data?.customerAccessTokenCreate?.customerAccessToken?.accessToken as string | undefined;
  if (!token) {
    console.error("Could not sign the demo customer in:", JSON.stringify(signIn));
    return;
  }
  // A product the customer can buy now, from a warehouse with stock to spare.
  const catalog = await ask(`{ products(first: 20, sortKey: SKU) { nodes { sku inventoryLevels { available warehouse { id } } } } }`, {}, token);
  const nodes = (catalog.data?.products?.nodes ?? []) as Array<{ sku: string; inventoryLevels: Array<{ available: number; warehouse: { id: string } | null }> }>;
  const lines = nodes.flatMap((p) => p.inventoryLevels.filter((level) => level.available >= 10 && level.warehouse).map((level) => ({ sku: p.sku, quantity: 2, warehouseId: level.warehouse!.id })));
  let order: { id: string; number: string } | null = null;
  let refusal: unknown = "no product in stock";
  for (const line of lines.slice(0, 5)) {
    const placed = await ask(
      `mutation DemoPlace($line: OrderLineInput!, $key: String!) { orderPlace(input: { lines: [$line], poNumber: "DEMO-SHIP" }, idempotencyKey: $key) { order { id number } userErrors { message } } }`,
      { line, key: `demo-${Date.now()}-${line.sku}` },
      token,
    );
    order = (placed.data?.orderPlace?.order as { id: string; number: string } | null) ?? null;
    if (order) break;
    refusal = placed;
  }
  if (!order) {
    console.error("Could not place the demo order:", JSON.stringify(refusal));
    return;
  }
  console.log(`\nOrder ${order.number} placed through the API as buyer@acme.example. The ERP now pushes signed events for it to ${baseUrl}/connectors/erp/events:`);
  await showWhen(order, token, "OPEN", "placed (the relay delivers it to the store and the ERP)");
  const backend = new PushingBackend(baseUrl, "erp", eventsSecret);
  const now = Date.now();
  const steps: Array<{ label: string; status: string; change: InboundChangeInput }> = [
    { label: "the ERP reports it processing", status: "PROCESSING", change: { type: "order.status", id: `demo-${now}-1`, occurredAt: new Date(now).toISOString(), order: { number: order.number }, status: "PROCESSING" } },
    {
      label: "the ERP ships it, with tracking",
      status: "SHIPPED",
      change: { type: "order.shipment", id: `demo-${now}-2`, occurredAt: new Date(now + 1000).toISOString(), order: { number: order.number }, shipment: { id: "DEMO-SHIPMENT-1", carrierCode: "UPS", trackingNumber: "1Z999AA10123456784", trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784" } },
    },
    { label: "the ERP reports it shipped", status: "SHIPPED", change: { type: "order.status", id: `demo-${now}-3`, occurredAt: new Date(now + 2000).toISOString(), order: { number: order.number }, status: "SHIPPED" } },
  ];
  for (const step of steps) {
    const answer = await backend.push([step.change]);
    console.log(`\n→ ${step.label}: POST answered ${answer.status} ${JSON.stringify(answer.body)}`);
    await showWhen(order, token, step.status, step.label);
  }
}

/** An order as the demo prints it. */
interface ShownOrder {
  status: string;
  events: Array<{ kind: string; fromStatus: string | null; toStatus: string | null; connector: string | null; occurredAt: string }>;
  shipments: Array<{ carrierCode: string; trackingNumber: string; trackingUrl: string | null }>;
}

/** Waits (up to 15 s) until the order has `status`, then prints it. */
async function showWhen(order: { id: string; number: string }, token: string, status: string, label: string): Promise<void> {
  let shown: ShownOrder | null = null;
  for (let attempt = 0; attempt < 150; attempt++) {
    shown = ((await ask(ORDER, { id: order.id }, token)).data?.order as ShownOrder | undefined) ?? null;
    if (shown?.status === status) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`  ${label}: ${order.number} is ${shown?.status}`);
  for (const event of shown?.events ?? []) console.log(`    ${event.occurredAt}  ${event.kind}  ${event.fromStatus ?? "—"} → ${event.toStatus ?? "—"}  (${event.connector ?? "API"})`);
  for (const shipment of shown?.shipments ?? []) console.log(`    shipment: ${shipment.carrierCode} ${shipment.trackingNumber} ${shipment.trackingUrl ?? ""}`);
}
