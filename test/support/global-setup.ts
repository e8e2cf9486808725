import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectAndMigrate } from "../../src/db/data-source.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/db/embedded-postgres.js";
import { seedDemoData } from "../../src/db/seed/seed-demo-data.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole run — `DATABASE_URL` when set
 * (it must point at an empty database), else an embedded server on a free port
 * in a temporary directory, never `.data/` — migrates it and seeds the demo data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: EmbeddedDatabase | null = null;
  let dir: string | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), "commerce-graph-test-"));
    // When running as root, PostgreSQL runs as a separate user that must reach the directory.
    chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: 0, ephemeral: true });
    url = server.url;
  }
  const dataSource = await connectAndMigrate({ url });
  await seedDemoData(dataSource);
  await dataSource.destroy();
  project.provide("databaseUrl", url);
  return async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
