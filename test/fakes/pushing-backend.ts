/**
 * A backend that pushes its changes to Commerce Graph: signs each batch as the
 * events endpoint expects (HMAC-SHA256 of "<timestamp>.<body>" with the
 * connector's events secret) and POSTs it to `/connectors/<name>/events`.
 *
 * Runnable on its own, to push a batch by hand:
 *   tsx test/fakes/pushing-backend.ts <base url> <connector> <batch.json | -> 
 * with the secret in EVENTS_SECRET, for example
 *   EVENTS_SECRET=… tsx test/fakes/pushing-backend.ts http://localhost:4000 erp batch.json
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { InboundChangeInput } from "../../src/commands/inbound-changes.js";
import { signBatch } from "../../src/domains/inbound/push-signature.js";

/** What the endpoint answered. */
export interface PushAnswer {
  status: number;
  body: any;
  /** The `Retry-After` header, when there is one. */
  retryAfter?: string;
}

/** Ways to send a batch wrong on purpose (tests of refusals). */
export interface PushOptions {
  /** Sign with this Unix time (seconds) instead of now. */
  timestamp?: number;
  /** Send this signature header instead of the right one (null: none). */
  signature?: string | null;
  /** Sign with this secret instead of the backend's. */
  secret?: string;
  /** The Content-Type header (default application/json). */
  contentType?: string;
}

/** Signs and pushes batches of changes as one connector's backend. */
export class PushingBackend {
  /** Every answer, in order. */
  readonly answers: PushAnswer[] = [];

  constructor(
    /** Where Commerce Graph listens: `http://localhost:4000`. */
    private readonly baseUrl: string,
    readonly connector: string,
    private readonly secret: string,
  ) {}

  /** Pushes `{ changes }`. */
  push(changes: readonly InboundChangeInput[], options: PushOptions = {}): Promise<PushAnswer> {
    return this.pushRaw(JSON.stringify({ changes }), options);
  }

  /** Pushes `body` exactly as given (signed unless told otherwise). */
  async pushRaw(body: string | Buffer, options: PushOptions = {}): Promise<PushAnswer> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature === undefined ? signBatch(options.secret ?? this.secret, timestamp, body) : options.signature;
    const response = await fetch(`${this.baseUrl}/connectors/${encodeURIComponent(this.connector)}/events`, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/json",
        "x-commerce-graph-timestamp": String(timestamp),
        ...(signature === null ? {} : { "x-commerce-graph-signature": signature }),
      },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    const retryAfter = response.headers.get("retry-after");
    const answer: PushAnswer = { status: response.status, body: parsed, ...(retryAfter === null ? {} : { retryAfter }) };
    this.answers.push(answer);
    return answer;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [baseUrl, connector, file] = process.argv.slice(2);
  const secret = process.env.EVENTS_SECRET;
  if (!baseUrl || !connector || !file || !secret) {
    console.error("usage: EVENTS_SECRET=<secret> tsx test/fakes/pushing-backend.ts <base url> <connector> <batch.json | ->");
    process.exit(2);
  }
  const body = readFileSync(file === "-" ? 0 : file);
  const answer = await new PushingBackend(baseUrl, connector, secret).pushRaw(body);
  console.log(answer.status, JSON.stringify(answer.body, null, 2));
  process.exitCode = answer.status === 202 ? 0 : 1;
}
