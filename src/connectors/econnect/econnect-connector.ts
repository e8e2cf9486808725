import { XMLParser } from "fast-xml-parser";
import type { ApplyResult, Connector, OutboxCommand } from "../connector.js";
import { PermanentDeliveryError, TransientDeliveryError } from "../connector.js";

/** Settings of an `econnect` connector. */
export interface EconnectOptions {
  name: string;
  /** Server address; commands go to `{url}/nep/api/econnect/{command}.jsp`. */
  url: string;
  apiKey: string;
  timeoutMs?: number;
}

/** An eConnect answer: `packet { status, result, data }`. */
interface Packet {
  status: string;
  result: string;
  data: unknown;
}

/** The commands this connector applies (reads come in a later step). */
export const ECONNECT_APPLIES = ["accountCreate", "accountUpdate", "accountDelete", "productUpdate", "inventorySet", "invoiceRegister"] as const;

const parser = new XMLParser({ parseTagValue: false });

/**
 * The Nikrad eConnect XML command API as a write target. Each command is a
 * form-encoded POST with the `apikey`; the XML `packet` is parsed with
 * fast-xml-parser. `status` other than `up`, HTTP 5xx and timeouts are
 * transient; an `error` result is permanent — an invalid api key is reported
 * as an authentication failure, never as "not found". eConnect has no
 * idempotency keys, so each mapping is made safe to repeat: `invoice.register`
 * carries the key as `ref`, and an `account.add` that finds the account
 * already there (same CID and e-mail) answers with that account's id.
 */
export function createEconnectConnector(options: EconnectOptions): Connector {
  const base = options.url.replace(/\/+$/, "");

  async function call(command: string, params: Array<[string, string | number | null | undefined]>): Promise<Packet> {
    const body = new URLSearchParams([["apikey", options.apiKey]]);
    for (const [key, value] of params) if (value !== null && value !== undefined) body.append(key, String(value));
    let response: Response;
    try {
      response = await fetch(`${base}/nep/api/econnect/${command}.jsp`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new TransientDeliveryError(`${options.name} unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    if (response.status >= 500 || response.status === 429 || response.status === 408) throw new TransientDeliveryError(`${options.name} ${command} answered ${response.status}`);
    const packet = (parser.parse(text) as { packet?: Packet }).packet;
    if (!packet) throw new PermanentDeliveryError(`${options.name} ${command}: the answer is not an eConnect packet (HTTP ${response.status})`);
    if (packet.status !== "up") throw new TransientDeliveryError(`${options.name} ${command}: service is ${packet.status}`);
    if (packet.result === "error") {
      const reason = String(packet.data);
      if (/api key/i.test(reason)) throw new PermanentDeliveryError(`${options.name} refused the api key (authentication failed): ${reason}`);
      throw new PermanentDeliveryError(`${options.name} ${command}: ${reason}`);
    }
    return packet;
  }

  /** The eConnect id of an account by its CID, or null. */
  async function accountId(cid: string): Promise<string | null> {
    try {
      const packet = await call("account.get", [["cid", cid]]);
      return String((packet.data as { account: { id: string } }).account.id);
    } catch (error) {
      if (error instanceof PermanentDeliveryError && /not found/i.test(error.message)) return null;
      throw error;
    }
  }

  async function requireAccountId(cid: string): Promise<string> {
    const id = await accountId(cid);
    if (!id) throw new PermanentDeliveryError(`${options.name} has no account with CID ${cid}`);
    return id;
  }

  const apply = async (command: OutboxCommand): Promise<ApplyResult> => {
    const p = command.payload as Record<string, string | number | null | undefined>;
    const code = String(p.code ?? "");
    switch (command.type) {
      case "accountCreate": {
        const existing = await accountId(code);
        if (existing) return { reference: existing };
        const packet = await call("account.add", [["cid", code], ["name", p.name], ["email", p.email], ["phone", p.phone], ["group", p.customerGroupCode]]);
        return { reference: String((packet.data as { id: string }).id) };
      }
      case "accountUpdate": {
        const id = await requireAccountId(code);
        await call("account.set", [["id", id], ["name", p.name], ["email", p.email], ["phone", p.phone], ["group", p.customerGroupCode]]);
        return { reference: id };
      }
      case "accountDelete": {
        const id = await accountId(code);
        if (id) await call("account.del", [["id", id]]);
        return { reference: id };
      }
      case "productUpdate":
        await call("inventory.set", [["code", p.sku], ["name", p.name], ["price", p.listPrice]]);
        return { reference: String(p.sku) };
      case "inventorySet":
        await call("inventory.set", [["code", p.sku], ["onhand", p.onHand]]);
        return { reference: String(p.sku) };
      case "invoiceRegister": {
        const lines = (command.payload.lines as Array<{ sku: string | null; quantity: number; unitPrice: string; warehouseCode: string | null }>).filter((l) => l.sku);
        const rows: Array<[string, string | number | null]> = lines.flatMap((l) => [["code", l.sku], ["qty", l.quantity], ["price", l.unitPrice], ["store", l.warehouseCode ?? ""]] as Array<[string, string | number | null]>);
        const packet = await call("invoice.register", [["cid", p.accountCode], ["ref", command.idempotencyKey], ["paid", p.status === "PAID" ? p.total : "0"], ...rows]);
        return { reference: String((packet.data as { number: string }).number) };
      }
      default:
        throw new PermanentDeliveryError(`${options.name} cannot apply ${command.type}`);
    }
  };

  return { name: options.name, kind: "econnect", readers: {}, writer: { applies: ECONNECT_APPLIES, apply } };
}
