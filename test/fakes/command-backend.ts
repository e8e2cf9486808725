import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the fake backend received. */
export interface ReceivedCommand {
  type: string;
  idempotencyKey: string;
  body: { id: string; type: string; aggregateType: string; aggregateId: string; payload: Record<string, unknown> };
  /** False when this key had been applied before (a redelivery). */
  applied: boolean;
  /** The request's `Authorization` header, if any. */
  authorization?: string;
}

/** A scripted answer for the next request(s). */
export interface FakeFailure {
  status: number;
  retryAfter?: string;
  body?: string;
}

/**
 * A small HTTP backend speaking the `http-commands` protocol: `POST /commands/{type}`
 * with an `Idempotency-Key`. It applies each key once (a redelivery gets the
 * first answer back), records every request, and can be told to fail the next
 * requests, be down (503 to everything) or answer slowly. With `strictAccounts`
 * it behaves like an ERP that checks references: a command naming an
 * `accountCode` it has not received an `accountCreate` for is refused with
 * 422 "account not found" (off by default: seeded accounts were never created there).
 */
export class FakeCommandBackend {
  readonly received: ReceivedCommand[] = [];
  /** Applied commands, once per idempotency key, in the order applied. */
  readonly applied: ReceivedCommand[] = [];
  private readonly answers = new Map<string, string>();
  private failures: FakeFailure[] = [];
  /** References to answer for the next applied commands, in order, before generated ones (`ERP-000001`…): a test can know an order's external number in advance. */
  readonly nextReferences: string[] = [];
  private server: Server | null = null;
  delayMs = 0;
  /** While true, every request gets 503 (the backend is down). */
  down = false;
  /** Refuse commands for accounts this backend has not created (see the class comment). */
  strictAccounts = false;
  /** Account codes of the `accountCreate`s applied. */
  readonly accounts = new Set<string>();
  url = "";

  /** Fails the next requests with these answers, one each. */
  failNext(...failures: FakeFailure[]): void {
    this.failures.push(...failures);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, headers, body }) => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const match = /^\/commands\/([^/]+)$/.exec(request.url ?? "");
    const key = request.headers["idempotency-key"];
    if (request.method !== "POST" || !match || typeof key !== "string") return { status: 404, body: `{"error":"unknown route"}` };
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedCommand["body"];
    const failure = this.failures.shift();
    const record: ReceivedCommand = { type: match[1]!, idempotencyKey: key, body, applied: false, authorization: request.headers.authorization };
    this.received.push(record);
    if (failure) return { status: failure.status, headers: failure.retryAfter ? { "retry-after": failure.retryAfter } : {}, body: failure.body ?? `{"error":"scripted failure"}` };
    if (this.down) return { status: 503, body: `{"error":"service unavailable"}` };
    const previous = this.answers.get(key);
    if (previous) return { status: 200, body: previous };
    const accountCode = body.payload?.accountCode;
    if (this.strictAccounts && record.type !== "accountCreate" && typeof accountCode === "string" && !this.accounts.has(accountCode)) {
      return { status: 422, body: JSON.stringify({ error: `account not found: ${accountCode}` }) };
    }
    if (record.type === "accountCreate" && typeof body.payload?.code === "string") this.accounts.add(body.payload.code);
    record.applied = true;
    this.applied.push(record);
    const answer = JSON.stringify({ reference: this.nextReferences.shift() ?? `ERP-${String(this.applied.length).padStart(6, "0")}` });
    this.answers.set(key, answer);
    return { status: 200, body: answer };
  }
}
