import { econnectKind } from "./econnect/econnect-kind.js";
import { httpCommandsKind } from "./http-commands/http-commands-kind.js";
import type { ConnectorKind } from "./kind.js";
import { storeKind } from "./store/store-kind.js";

/**
 * Every connector kind, one line each. The connectors file's schema, the
 * router's factory and the README's table of kinds are built from this list:
 * adding a kind is its folder and one line here.
 */
export const CONNECTOR_KINDS = [
  storeKind,
  httpCommandsKind,
  econnectKind,
] as const satisfies readonly ConnectorKind[];

/** The name of a registered kind. */
export type KindName = (typeof CONNECTOR_KINDS)[number]["name"];

/** The kind of that name (the connectors file's schema only lets known names through). */
export function kindNamed(name: string): ConnectorKind {
  const kind = (CONNECTOR_KINDS as readonly ConnectorKind[]).find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`unknown connector kind "${name}"; known: ${CONNECTOR_KINDS.map((k) => k.name).join(", ")}`);
  return kind;
}
