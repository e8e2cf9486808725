import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DOMAINS, type Domain } from "./connector.js";
import type { ConnectorKind } from "./kind.js";
import { CONNECTOR_KINDS } from "./kinds.js";
import { InboundSettingsSchema } from "./inbound-settings.js";
import { ResilienceSchema } from "./resilience-settings.js";

/** One kind's connector settings: `kind`, the kind's own settings, timeout, circuit breaker, concurrency and quota, and its inbound settings (sync schedules, pushed events). */
function connectorSchemaOf<Name extends string, Shape extends z.ZodRawShape>(kind: ConnectorKind<Name, Shape>) {
  return z.object({ kind: z.literal(kind.name), ...kind.settings.shape, ...ResilienceSchema, ...InboundSettingsSchema }).strict();
}

/** The settings schema of each registered kind, in registry order. */
type SchemasOf<Kinds extends readonly unknown[]> = { -readonly [I in keyof Kinds]: Kinds[I] extends ConnectorKind<infer Name, infer Shape> ? ReturnType<typeof connectorSchemaOf<Name, Shape>> : never };

/** A connector's settings: one schema per registered kind, told apart by `kind`. */
// `map` forgets which element is which kind; the tuple type restores it (the same order, by construction).
const ConnectorSchema = z.discriminatedUnion("kind", (CONNECTOR_KINDS as readonly ConnectorKind[]).map((kind) => connectorSchemaOf(kind)) as unknown as SchemasOf<typeof CONNECTOR_KINDS>);

/** The connectors config file: which backends exist, and which serves what. */
export const ConnectorsConfigSchema = z
  .object({
    connectors: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, "connector names are lower-case letters, digits, - and _"), ConnectorSchema),
    reads: z
      .partialRecord(z.enum(DOMAINS as [Domain, ...Domain[]]), z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (typeof v === "string" ? [v] : v)))
      .default({}),
    writes: z.record(z.string(), z.array(z.string()).min(1)).default({}),
  })
  .strict();

/** The validated config file. */
export type ConnectorsConfig = z.infer<typeof ConnectorsConfigSchema>;
/** One connector's settings. */
export type ConnectorConfig = z.infer<typeof ConnectorSchema>;

/** Used when no config file is given: everything in the built-in store. */
export const DEFAULT_CONNECTORS_CONFIG: ConnectorsConfig = ConnectorsConfigSchema.parse({ connectors: { store: { kind: "store" } } });

/** A config problem, with the key it is about. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Replaces `${NAME}` in every string with the environment variable NAME (for
 * secrets); a variable that is not set is an error naming the key.
 */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, path: string[] = []): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) throw new ConfigError(`${path.join(".") || "(root)"}: environment variable ${name} is not set`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, env, [...path, String(i)]));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, [...path, k])]));
  return value;
}

/** Parses and validates config text (YAML, or JSON, which is YAML too); errors name the key and what is wrong. */
export function parseConnectorsConfig(text: string, source: string, env: NodeJS.ProcessEnv = process.env): ConnectorsConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid YAML or JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const substituted = substituteEnv(raw ?? {}, env);
  const parsed = ConnectorsConfigSchema.safeParse(substituted);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n");
    throw new ConfigError(`${source} is not a valid config:\n${problems}`);
  }
  return parsed.data;
}

/** Reads the config file at `path`, or the default (everything in the store) when there is none. */
export function loadConnectorsConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): ConnectorsConfig {
  if (!path) return DEFAULT_CONNECTORS_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read the config file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseConnectorsConfig(text, path, env);
}

/** Config as written (defaults not yet filled in). */
export type ConnectorsConfigInput = z.input<typeof ConnectorsConfigSchema>;

/** Validates a config given as an object (in code and tests); throws zod's error when it is wrong. */
export function connectorsConfig(input: ConnectorsConfigInput): ConnectorsConfig {
  return ConnectorsConfigSchema.parse(input);
}
