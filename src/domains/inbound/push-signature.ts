import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying when the batch was signed, in Unix seconds. */
export const TIMESTAMP_HEADER = "x-commerce-graph-timestamp";
/** The header carrying the signature: `sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>`. */
export const SIGNATURE_HEADER = "x-commerce-graph-signature";

/** A Unix time in whole seconds, as the timestamp header must hold it. */
const UNIX_SECONDS = /^\d{1,12}$/;
/** `sha256=` and 64 hexadecimal digits. */
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** Why a request's signature headers are refused, before or after the body is read. */
export type SignatureProblem = "SIGNATURE_MISSING" | "TIMESTAMP_INVALID" | "TIMESTAMP_OUT_OF_TOLERANCE" | "SIGNATURE_INVALID";

/**
 * The signature of a pushed batch: HMAC-SHA256 with the connector's shared
 * secret over `"<timestamp>.<raw body>"`, as hex (the scheme Stripe and Slack
 * sign their webhooks with). A backend sends it as `sha256=<hex>`.
 */
export function signBatch(secret: string, timestamp: number | string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
}

/**
 * Checks the timestamp header before the body is read (cheap: no hashing):
 * present, whole seconds, and within `toleranceSeconds` of `nowSeconds` either way
 * (an old batch replayed, or a sender's clock far off). Null when it is fine.
 */
export function checkTimestamp(timestamp: string | undefined, signature: string | undefined, toleranceSeconds: number, nowSeconds: number): SignatureProblem | null {
  if (timestamp === undefined || signature === undefined) return "SIGNATURE_MISSING";
  if (!UNIX_SECONDS.test(timestamp)) return "TIMESTAMP_INVALID";
  return Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds ? "TIMESTAMP_OUT_OF_TOLERANCE" : null;
}

/** True when `signature` (`sha256=<hex>`) is the batch's signature with `secret`; compared in constant time. */
export function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const given = SIGNATURE.exec(signature.trim());
  if (!given) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given[1]!, "hex"));
}
