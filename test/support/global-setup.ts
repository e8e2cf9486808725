import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectAndMigrate } from "../../src/db/data-source.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/db/embedded-postgres.js";
import { seedDemoData } from "../../src/db/seed/seed-demo-data.js";
import { copyDatabase } from "./databases.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded database that read tests share (never written to). */
    databaseUrl: string;
    /** A seeded template: each test file that writes copies it into a database of its own. */
    writeTemplateUrl: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole run — `DATABASE_URL` when set
 * (it must point at an empty database), else an embedded server on a free port
 * in a temporary directory, never `.data/` — migrates it and seeds the demo data;
 * and a seeded template `<name>_template` that tests which write copy (see `copyDatabase`).
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
  const writeUrl = await createSiblingDatabase(url, "template");
  for (const target of [url, writeUrl]) {
    const dataSource = await connectAndMigrate({ url: target });
    await seedDemoData(dataSource);
    await dataSource.destroy();
  }
  project.provide("databaseUrl", url);
  project.provide("writeTemplateUrl", writeUrl);
  return async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

/** Creates (or recreates) `<database>_<suffix>` on the same server and returns its URL. */
async function createSiblingDatabase(url: string, suffix: string): Promise<string> {
  return copyDatabase(url, `${new URL(url).pathname.slice(1)}_${suffix}`);
}
