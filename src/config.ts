import { z } from "zod";

/** Settings read from the environment at start-up. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  ADMIN_API_KEY: z.string().min(20, "ADMIN_API_KEY must be at least 20 characters").optional(),
  SEED: z.enum(["auto", "always", "never"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
});

/** Validated configuration. */
export interface AppConfig {
  port: number;
  host: string;
  /** External Postgres; when absent, an embedded server is started. */
  databaseUrl: string | undefined;
  /** Where the embedded Postgres keeps its data. */
  dataDir: string;
  embeddedPgPort: number;
  adminApiKey: string | undefined;
  /** Seed the demo data: `auto` seeds an empty embedded database only. */
  seed: "auto" | "always" | "never";
  logLevel: string;
  production: boolean;
}

/** Reads and validates the configuration; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    adminApiKey: e.ADMIN_API_KEY,
    seed: e.SEED ?? "auto",
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
  };
}
