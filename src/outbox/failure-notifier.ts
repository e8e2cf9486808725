import { createHmac } from "node:crypto";
import type { Logger } from "../logger.js";

/** What operators are told when a command ends `FAILED`. */
export interface CommandFailure {
  outboxId: string;
  commandId: string;
  type: string;
  connector: string;
  aggregateType: string;
  aggregateId: string;
  attempts: number;
  error: string;
  /** The command's payload (secrets are redacted before it leaves). */
  payload: object;
}

/** Where failure webhooks go; the body is signed with HMAC-SHA256 of `secret`. */
export interface FailureWebhook {
  url: string;
  secret: string;
}

/** Signs a webhook body: hex HMAC-SHA256, sent as `X-Commerce-Graph-Signature: sha256=<hex>`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Keys whose values never leave the database: payment tokens, passwords, secrets. */
const SECRET_KEY = /token|secret|password|cardNumber/i;

/** A copy of `value` with the values of secret-looking keys replaced by "[redacted]", at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(v)]));
  }
  return value;
}

/**
 * Tells operators about a failed command: an error-level log line always, and
 * a signed POST to the webhook when one is configured. A webhook that fails is
 * logged, never retried into a loop.
 */
export function createFailureNotifier(logger: Logger, webhook?: FailureWebhook) {
  return async (unsafe: CommandFailure): Promise<void> => {
    const failure = { ...unsafe, payload: redactSecrets(unsafe.payload) as CommandFailure["payload"] };
    logger.error({ event: "command_failed", ...failure }, `command ${failure.type} for ${failure.aggregateType} ${failure.aggregateId} failed at ${failure.connector}: ${failure.error}`);
    if (!webhook) return;
    const body = JSON.stringify({ event: "command.failed", ...failure });
    try {
      const response = await fetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-commerce-graph-signature": signBody(body, webhook.secret) },
        body,
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) logger.warn({ status: response.status }, "failure webhook answered with an error");
    } catch (error) {
      logger.warn({ err: error }, "failure webhook unreachable");
    }
  };
}

/** The notifier type. */
export type FailureNotifier = ReturnType<typeof createFailureNotifier>;
