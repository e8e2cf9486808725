import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLBuilder } from "fast-xml-parser";

/**
 * A fake of the Nikrad eConnect XML command API (see the integration guide in
 * the project's shared seeds), on an in-memory store:
 *
 *   POST {base}/nep/api/econnect/{command}.jsp   apikey=…&param=…   (form-encoded body or query string)
 *   → 200 text/xml  <packet><status>up</status><command>…</command><result>done|error</result><data>…</data></packet>
 *
 * `status` is `up` when the command exists (`down` otherwise, and while the
 * fake is told to be down); `result` is `error` with the reason in `data` for
 * an invalid api key, an unknown record or bad parameters. Commands:
 * account.list/get/add/set/del (by ID, CID or Email), inventory.list/get/set
 * (by ID, Code or Barcode), invoice.register/set. Field names inside `data`,
 * and the list parameters, are this fake's reading of the guide, which does
 * not list them: a list is ordered by CID (accounts) or Code (items), paged
 * with `offset` and `limit` (at most 100), and "categorised" by repeating
 * `id`, `cid`, `email` (accounts) or `id`, `code`, `barcode` (items) — any
 * record matching one of the values is listed.
 * `invoice.register` with a `ref` already seen returns the first invoice
 * (the connector sends its idempotency key as `ref`).
 * Stock is per store (the guide's "Store ID"): an item's `stores` holds the
 * quantity of each store, and `inventory.list` with a `store` parameter
 * answers that store's quantity as `onhand` (0 where the store has none).
 *
 * Test controls, outside the protocol: {@link goDown}, {@link goUp},
 * {@link delayMs}, {@link failNext}, {@link requests} (every call, in order,
 * with when it came), {@link maxInFlight} and {@link ignorePaging} (a server
 * that answers every list call with the whole list).
 */
export interface EconnectAccount {
  id: string;
  cid: string;
  name: string;
  email: string;
  phone: string;
  group: string;
  /** When the account was created (ISO date-time). */
  created: string;
}

/** An inventory item. */
export interface EconnectItem {
  id: string;
  code: string;
  barcode: string;
  name: string;
  price: string;
  onhand: number;
  /** When the item was created (ISO date-time). */
  created: string;
  /** On-hand quantity per Store ID, when the item is stocked per store. */
  stores?: Record<string, number>;
}

/** A registered invoice. */
export interface EconnectInvoice {
  id: string;
  number: string;
  account: string;
  ref: string;
  total: string;
  paid: string;
  rows: Array<{ code: string; qty: number; price: string; store: string }>;
}

type Params = Record<string, string[]>;
type Outcome = { result: "done" | "error"; data: unknown };

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/** The fake server. */
export class EconnectFake {
  readonly accounts = new Map<string, EconnectAccount>();
  readonly items = new Map<string, EconnectItem>();
  readonly invoices = new Map<string, EconnectInvoice>();
  /** Every request: command and parameters (api key left out). */
  readonly requests: Array<{ command: string; params: Record<string, string>; at: number }> = [];
  /** True: list commands ignore `offset` and `limit` and answer every record, as a server that does not page. */
  ignorePaging = false;
  /** Milliseconds to wait before answering. */
  delayMs = 0;
  /** Requests being answered now, and the most there have been at once. */
  inFlight = 0;
  maxInFlight = 0;
  url = "";
  private down = false;
  private failures = 0;
  private failureStatus = 500;
  private failureRetryAfter: string | undefined;
  private nextId = 1000;
  private server: Server | null = null;

  constructor(readonly apiKey = "test-econnect-key") {}

  /** Answers `status: down` (HTTP 503) until {@link goUp}. */
  goDown(): void {
    this.down = true;
  }

  goUp(): void {
    this.down = false;
  }

  /** Answers the next `count` requests with an HTTP error (429 "too many requests", say), with a `Retry-After` header when given. */
  failNext(count: number, status = 500, retryAfter?: string): void {
    this.failures = count;
    this.failureStatus = status;
    this.failureRetryAfter = retryAfter;
  }

  /**
   * Fills the store with deterministic records that mirror the demo store: the
   * same account codes (C00001…, the first two with the demo buyers' e-mails)
   * and the same item codes (SKU-00001…), as the guide recommends for matching.
   */
  seed(options: { accounts?: number; items?: number } = {}): this {
    const demoEmails = ["buyer@acme.example", "buyer@globex.example"];
    for (let i = 1; i <= (options.accounts ?? 5); i++) {
      const cid = `C${String(i).padStart(5, "0")}`;
      const created = new Date(Date.UTC(2024, 0, i)).toISOString();
      this.accounts.set(String(i), { id: String(i), cid, name: `ERP customer ${i}`, email: demoEmails[i - 1] ?? `erp${i}@example.com`, phone: `555-01${String(i).padStart(2, "0")}`, group: i % 2 ? "WHOLESALE" : "RETAIL", created });
    }
    for (let i = 1; i <= (options.items ?? 5); i++) {
      const id = String(100 + i);
      const created = new Date(Date.UTC(2024, 1, 1, 0, i)).toISOString();
      this.items.set(id, { id, code: `SKU-${String(i).padStart(5, "0")}`, barcode: `4${String(i).padStart(12, "0")}`, name: `ERP item ${i}`, price: `${10 + (i % 90)}.00`, onhand: (i * 7) % 50, created });
    }
    return this;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://fake");
    const match = /^\/nep\/api\/econnect\/([a-z]+\.[a-z]+)\.jsp$/.exec(url.pathname);
    const params: Params = {};
    const add = (key: string, value: string) => (params[key] ??= []).push(value);
    url.searchParams.forEach((value, key) => add(key, value));
    new URLSearchParams(Buffer.concat(chunks).toString("utf8")).forEach((value, key) => add(key, value));
    const command = match?.[1] ?? "";
    const { apikey: _apikey, ...logged } = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.join(",")]));
    this.requests.push({ command, params: logged, at: Date.now() });
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    response.on("close", () => this.inFlight--);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));

    const send = (status: number, packet: Record<string, unknown>, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "text/xml; charset=utf-8", ...headers });
      response.end(`<?xml version="1.0" encoding="UTF-8"?>${builder.build({ packet: { ...packet, command } })}`);
    };
    if (this.failures > 0) {
      this.failures--;
      return send(this.failureStatus, { status: "down", result: "error", data: "scripted failure" }, this.failureRetryAfter === undefined ? {} : { "retry-after": this.failureRetryAfter });
    }
    const handler = match ? this.commands[command] : undefined;
    if (this.down || !handler) return send(this.down ? 503 : 404, { status: "down", result: "error", data: this.down ? "service unavailable" : "unknown command" });
    if (params.apikey?.[0] !== this.apiKey) return send(200, { status: "up", result: "error", data: "invalid api key" });
    const outcome = handler((key) => params[key]?.[0], (key) => params[key] ?? []);
    send(200, { status: "up", ...outcome });
  }

  private findAccount(get: (key: string) => string | undefined): EconnectAccount | undefined {
    const id = get("id");
    const cid = get("cid");
    const email = get("email")?.toLowerCase();
    return [...this.accounts.values()].find((a) => (id && a.id === id) || (cid && a.cid === cid) || (email && a.email.toLowerCase() === email));
  }

  private findItem(get: (key: string) => string | undefined): EconnectItem | undefined {
    const id = get("id");
    const code = get("code");
    const barcode = get("barcode");
    return [...this.items.values()].find((i) => (id && i.id === id) || (code && i.code === code) || (barcode && i.barcode === barcode));
  }

  private readonly commands: Record<string, (get: (key: string) => string | undefined, all: (key: string) => string[]) => Outcome> = {
    "account.list": (get, all) => {
      const accounts = categorised([...this.accounts.values()], all, ["id", "cid", "email"], "cid");
      return this.ignorePaging ? { result: "done", data: { count: accounts.length, account: accounts } } : page(accounts, get, "account");
    },
    "account.get": (get) => {
      const account = this.findAccount(get);
      return account ? { result: "done", data: { account } } : { result: "error", data: "account not found" };
    },
    "account.add": (get) => {
      const email = get("email");
      const name = get("name");
      if (!email || !name) return { result: "error", data: "name and email are required" };
      if (this.findAccount((key) => (key === "email" ? email : key === "cid" ? get("cid") : undefined))) return { result: "error", data: "duplicate email or cid" };
      const id = String(this.nextId++);
      this.accounts.set(id, { id, cid: get("cid") ?? "", name, email, phone: get("phone") ?? "", group: get("group") ?? "", created: new Date().toISOString() });
      return { result: "done", data: { id } };
    },
    "account.set": (get) => {
      const account = this.findAccount((key) => (key === "id" ? get("id") : undefined));
      if (!account) return { result: "error", data: "account not found" };
      for (const key of ["cid", "name", "email", "phone", "group"] as const) {
        const value = get(key);
        if (value !== undefined) account[key] = value;
      }
      return { result: "done", data: { id: account.id } };
    },
    "account.del": (get) => {
      const account = this.findAccount((key) => (key === "id" ? get("id") : undefined));
      if (!account) return { result: "error", data: "account not found" };
      this.accounts.delete(account.id);
      return { result: "done", data: { id: account.id } };
    },
    "inventory.list": (get, all) => {
      const store = get("store");
      const items = categorised([...this.items.values()], all, ["id", "code", "barcode"], "code").map(({ stores, ...item }) =>
        store === undefined ? item : { ...item, onhand: stores?.[store] ?? 0 },
      );
      return this.ignorePaging ? { result: "done", data: { count: items.length, item: items } } : page(items, get, "item");
    },
    "inventory.get": (get) => {
      const item = this.findItem(get);
      return item ? { result: "done", data: { item } } : { result: "error", data: "item not found" };
    },
    "inventory.set": (get) => {
      const item = this.findItem((key) => (key === "id" || key === "code" ? get(key) : undefined));
      if (!item) return { result: "error", data: "item not found" };
      if (get("name") !== undefined) item.name = get("name")!;
      if (get("price") !== undefined) item.price = get("price")!;
      if (get("onhand") !== undefined) {
        const onhand = Number(get("onhand"));
        if (!Number.isInteger(onhand) || onhand < 0) return { result: "error", data: "invalid onhand" };
        item.onhand = onhand;
      }
      return { result: "done", data: { id: item.id } };
    },
    "invoice.register": (get, all) => {
      const ref = get("ref") ?? "";
      const previous = ref ? [...this.invoices.values()].find((i) => i.ref === ref) : undefined;
      if (previous) return { result: "done", data: { id: previous.id, number: previous.number } };
      const account = this.findAccount((key) => (key === "id" ? get("account") : key === "cid" ? get("cid") : key === "email" ? get("email") : undefined));
      if (!account) return { result: "error", data: "account not found" };
      const codes = all("code");
      const rows = codes.map((code, i) => ({ code, qty: Number(all("qty")[i]), price: all("price")[i] ?? "0", store: all("store")[i] ?? "" }));
      if (rows.length === 0 || rows.some((r) => !Number.isInteger(r.qty) || r.qty < 1)) return { result: "error", data: "invalid rows" };
      for (const row of rows) {
        const item = this.findItem((key) => (key === "code" ? row.code : undefined));
        if (item && row.store) item.onhand = Math.max(0, item.onhand - row.qty);
      }
      const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.price) * 100) * r.qty, 0);
      const id = String(this.nextId++);
      const invoice = { id, number: `EC-${id}`, account: account.id, ref, total: (cents / 100).toFixed(2), paid: get("paid") ?? "0", rows };
      this.invoices.set(id, invoice);
      return { result: "done", data: { id, number: invoice.number } };
    },
    "invoice.set": (get) => {
      const invoice = this.invoices.get(get("id") ?? "");
      if (!invoice) return { result: "error", data: "invoice not found" };
      if (get("paid") !== undefined) invoice.paid = get("paid")!;
      return { result: "done", data: { id: invoice.id } };
    },
  };
}

/** The records matching any of the repeated filter values (all when none is given), ordered by `orderBy`. */
function categorised<T extends object>(records: T[], all: (key: string) => string[], filters: Array<keyof T & string>, orderBy: keyof T & string): T[] {
  const wanted = filters.map((key) => [key, new Set(all(key).map((v) => v.toLowerCase()))] as const).filter(([, values]) => values.size > 0);
  const matching = wanted.length === 0 ? records : records.filter((r) => wanted.some(([key, values]) => values.has(String(r[key]).toLowerCase())));
  return [...matching].sort((a, b) => (String(a[orderBy]) < String(b[orderBy]) ? -1 : String(a[orderBy]) > String(b[orderBy]) ? 1 : 0));
}

/** A page of a list command: `offset` and `limit` (default 50, at most 100), with the total `count`. */
function page<T>(records: T[], get: (key: string) => string | undefined, tag: string): Outcome {
  const offset = Number(get("offset") ?? 0);
  const limit = Number(get("limit") ?? 50);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) return { result: "error", data: "invalid offset or limit" };
  return { result: "done", data: { count: records.length, [tag]: records.slice(offset, offset + limit) } };
}
