import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";

// The logger of the server, in a process of its own (its output is the process's standard output).

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs a few lines with `createLogger` in a new Node process and returns what it printed. */
function logOf(script: string): string {
  const code = `import { createLogger } from "./src/logger.ts";\n${script}`;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
}

/** An error as node-postgres makes it for an idle connection the server dropped: with its whole client attached. */
const DROPPED_CONNECTION = `const error = Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET", client: { connectionParameters: { password: "secret" }, queue: Array(500).fill({ text: "SELECT 1" }) } });`;

describe("logs", () => {
  it("are JSON lines when standard output is not a terminal, and an error keeps its plain fields only", () => {
    const out = logOf(`${DROPPED_CONNECTION}\ncreateLogger("info").warn({ err: error }, "relay database connection lost");`);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { msg: string; err: Record<string, unknown> };
    expect(line.msg).toBe("relay database connection lost");
    expect(line.err).toMatchObject({ type: "Error", message: "Connection terminated unexpectedly", code: "ECONNRESET" });
    expect(line.err).not.toHaveProperty("client");
    expect(lines[0]!.length).toBeLessThan(1000);
  });

  it("are readable lines (pino-pretty) when asked for, as for a terminal", () => {
    // The colours a terminal gets are left out of the comparison.
    const out = stripVTControlCharacters(logOf(`${DROPPED_CONNECTION}\nconst logger = createLogger("info", { pretty: true });\nlogger.info({ signal: "SIGINT" }, "shutting down");\nlogger.warn({ err: error }, "relay database connection lost");`));
    expect(out).toMatch(/INFO.*: shutting down\n\s+signal: "SIGINT"/);
    expect(out).toMatch(/WARN.*: relay database connection lost/);
    expect(out).not.toMatch(/^\{/m);
    expect(out).not.toContain("secret");
  });
});
