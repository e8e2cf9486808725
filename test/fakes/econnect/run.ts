/**
 * Runs the eConnect fake on its own, for trying connectors by hand:
 *   npm run fake:econnect            (port 9090, api key "test-econnect-key")
 *   PORT=9191 ECONNECT_API_KEY=… npm run fake:econnect
 */
import { EconnectFake } from "./econnect-fake.js";

const fake = await new EconnectFake(process.env.ECONNECT_API_KEY ?? "test-econnect-key").seed({ accounts: 20, items: 500 }).start(Number(process.env.PORT ?? 9090));
console.log(`eConnect fake at ${fake.url}/nep/api/econnect/<command>.jsp (api key: ${fake.apiKey}); Ctrl-C to stop`);
process.on("SIGINT", () => void fake.stop().then(() => process.exit(0)));
process.on("SIGTERM", () => void fake.stop().then(() => process.exit(0)));
