import { readFileSync } from "node:fs";
import type { Queryable } from "../db/query-rows.js";
import { registerOperations } from "./persisted-queries.js";

/** Apollo's operation manifest: `{ format, operations: [{ id, body }] }`. */
interface ApolloManifest {
  operations: Array<{ id: string; body: string }>;
}

/** True when a parsed manifest is Apollo's (it has an `operations` list). */
function isApolloManifest(manifest: Record<string, unknown>): manifest is Record<string, unknown> & ApolloManifest {
  return Array.isArray(manifest.operations);
}

/** The documents of a file: a `.graphql` file is one; a JSON manifest maps hashes to documents. */
function documentsOf(file: string): Array<{ hash?: string; document: string }> {
  const text = readFileSync(file, "utf8");
  if (!file.endsWith(".json")) return [{ document: text }];
  const manifest = JSON.parse(text) as Record<string, unknown>;
  // Apollo's operation manifest: { format, operations: [{ id, body }] }; else graphql-codegen's { hash: document }.
  if (isApolloManifest(manifest)) return manifest.operations.map((op) => ({ hash: op.id, document: op.body }));
  return Object.entries(manifest).map(([hash, document]) => ({ hash, document: String(document) }));
}

/**
 * `npm run operations -- register FILE… [--client NAME]`: adds the operations
 * a client app was built with to the safelist (see `SAFELIST`).
 */
export async function runOperationsCommand(db: Queryable, args: string[], client: string | undefined, print: (line: string) => void): Promise<void> {
  const [action, ...files] = args;
  if (action !== "register" || files.length === 0) throw new Error("Use: operations register FILE… [--client NAME] (FILE: a .graphql document or a JSON manifest of hash → document)");
  const hashes = await registerOperations(db, files.flatMap(documentsOf), client ?? null);
  print(`registered ${hashes.length} operation${hashes.length === 1 ? "" : "s"}${client ? ` for ${client}` : ""}`);
}
