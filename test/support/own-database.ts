import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { copyDatabase } from "./databases.js";

/**
 * A database of the calling test file's own: a copy of the seeded write template
 * (see the global setup), named `<prefix>_<pid>_<random>`. Drop it with `dropDatabase`.
 */
export async function copyWriteTemplate(prefix: string): Promise<string> {
  const template = inject("writeTemplateUrl");
  return copyDatabase(template, `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`, new URL(template).pathname.slice(1));
}
