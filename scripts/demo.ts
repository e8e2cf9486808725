/**
 * `npm run demo`: the federated setup on one machine. Starts the fake eConnect
 * ERP, then Commerce Graph (`npm start`: the embedded store) with the example
 * connectors file, runs a sample query that reads from both, prints it with
 * the answer, and keeps both running until Ctrl-C.
 *
 *   PORT (default 4000), ERP_PORT (default 9090), ADMIN_API_KEY (default: a demo key).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EconnectFake } from "../test/fakes/econnect/econnect-fake.js";

const port = Number(process.env.PORT ?? 4000);
const erpPort = Number(process.env.ERP_PORT ?? 9090);
const adminKey = process.env.ADMIN_API_KEY ?? "cgk_demo_admin_key_change_me";
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
  env: { ...process.env, PORT: String(port), ERP_URL: erp.url, ERP_API_KEY: apiKey, ADMIN_API_KEY: adminKey },
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

const endpoint = `http://localhost:${port}/graphql`;
async function ask(query: string): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

for (let attempt = 0; ; attempt++) {
  try {
    const answer = await ask(SAMPLE);
    console.log(`\nCommerce Graph: ${endpoint} (admin API key: ${adminKey})\n\nSample query — the account and the spare parts come from the ERP, the orders from the store:\n\n${SAMPLE}\n`);
    console.log(JSON.stringify(answer, null, 2));
    console.log("\nBoth keep running; press Ctrl-C to stop.");
    break;
  } catch {
    if (attempt > 240 || gateway.exitCode !== null) {
      console.error("Commerce Graph did not start; see its log above.");
      await stop();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
