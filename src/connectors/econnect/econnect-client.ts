import { XMLParser } from "fast-xml-parser";
import { PermanentDeliveryError, TransientDeliveryError } from "../errors.js";
import { httpTransport } from "../http/http-transport.js";

/** Settings of an `econnect` connector. */
export interface EconnectOptions {
  /** Connector name from the config. */
  name: string;
  /** Server address; commands go to `{url}/nep/api/econnect/{command}.jsp`. */
  url: string;
  apiKey: string;
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number;
  /** Code of the warehouse whose stock the ERP's on-hand quantity is (default: the first warehouse by code). */
  warehouseCode?: string;
  /** Currency of the ERP's prices (default USD). */
  currencyCode?: string;
}

/** An eConnect answer: `packet { status, result, data }`. */
export interface Packet {
  status: string;
  result: string;
  data: unknown;
}

/** Parameters of a command; a repeated key is sent once per value, null and undefined are left out. */
export type Params = Array<[string, string | number | null | undefined]>;

/** Record tags that are lists inside `data` even when one record is returned. */
const LIST_TAGS = new Set(["packet.data.account", "packet.data.item"]);
const parser = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => LIST_TAGS.has(String(jpath)) });

/** Calls one eConnect command. */
export type EconnectCall = (command: string, params: Params) => Promise<Packet>;

/**
 * The eConnect transport: each command is a form-encoded POST with the
 * `apikey`, sent through the shared HTTP transport (timeouts, 5xx/408
 * transient, 429 throttled, `Retry-After`); the XML `packet` is parsed with
 * fast-xml-parser. A `status` other than `up` is transient; an `error` result
 * is permanent, and an invalid api key is reported as an authentication
 * failure, never as "not found".
 */
export function econnectClient(options: EconnectOptions): EconnectCall {
  // The packet says why a command failed: HTTP failures are not quoted, and answers below 500 are read as packets.
  const send = httpTransport({ name: options.name, baseUrl: options.url, timeoutMs: options.timeoutMs, reasonOf: () => null });
  return async (command, params) => {
    const body = new URLSearchParams([["apikey", options.apiKey]]);
    for (const [key, value] of params) if (value !== null && value !== undefined) body.append(key, String(value));
    const response = await send({
      path: `/nep/api/econnect/${command}.jsp`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      label: command,
      returnClientErrors: true,
    });
    const packet = (parser.parse(response.text) as { packet?: Packet }).packet;
    if (!packet) throw new PermanentDeliveryError(`${options.name} ${command}: the answer is not an eConnect packet (HTTP ${response.status})`);
    if (packet.status !== "up") throw new TransientDeliveryError(`${options.name} ${command}: service is ${packet.status}`);
    if (packet.result === "error") {
      const reason = String(packet.data);
      if (/api key/i.test(reason)) throw new PermanentDeliveryError(`${options.name} refused the api key (authentication failed): ${reason}`);
      throw new PermanentDeliveryError(`${options.name} ${command}: ${reason}`);
    }
    return packet;
  };
}

/** True for an `error` result saying the record does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof PermanentDeliveryError && /not found/i.test(error.message);
}
