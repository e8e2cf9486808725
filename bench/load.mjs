// Runs one autocannon load against a URL, in a process of its own, and prints
// the figures as one JSON line: node bench/load.mjs '<json options>'.
// Options: url, body or bodies (sent in turn), authorization, connections,
// duration (s), rate (requests per second in all, when given); in a body, __UNIQUE__ becomes a value no other request has
// (idempotency keys of mutations).
import process from "node:process";
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2]);
const bodies = options.bodies ?? [options.body];
const run = `${process.pid}-${Date.now()}`;
let sent = 0;
const result = await autocannon({
  url: options.url,
  method: "POST",
  headers: { "content-type": "application/json", ...(options.authorization ? { authorization: options.authorization } : {}) },
  requests: [
    {
      setupRequest: (request) => {
        const body = bodies[sent % bodies.length].replaceAll("__UNIQUE__", `${run}-${sent}`);
        sent++;
        return { ...request, body };
      },
    },
  ],
  connections: options.connections,
  duration: options.duration,
  ...(options.rate ? { overallRate: options.rate } : {}),
});
process.stdout.write(
  `${JSON.stringify({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total: result.requests.total })}\n`,
);
