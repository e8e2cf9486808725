import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** What the operating system says about a running process. */
export interface ProcessInfo {
  /** Its parent's pid (1 once it is orphaned, or a sub-reaper's). */
  parentPid: number;
  /** Its command line, arguments separated by spaces. */
  commandLine: string;
}

/** True while a process with this pid runs (ours or another user's); a zombie waiting to be reaped has ended. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is another user's.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return stateOf(pid) !== "Z";
}

/** The one-letter state of a process from /proc (Linux), or null where there is no /proc. */
function stateOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] ?? null;
  } catch {
    return null;
  }
}

/** The parent and command line of a running process, or null when there is none. */
export function processInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  try {
    if (existsSync(`/proc/${pid}/stat`)) {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const parentPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      return { parentPid, commandLine };
    }
    const line = execFileSync("ps", ["-o", "ppid=,command=", "-p", String(pid)], { encoding: "utf8" }).trim();
    const match = /^(\d+)\s+(.*)$/.exec(line);
    return match ? { parentPid: Number(match[1]), commandLine: match[2]! } : null;
  } catch {
    // It ended while we looked.
    return null;
  }
}

/**
 * How many processes are attached to a System V shared memory segment (Linux's
 * /proc/sysvipc/shm): 0 when the segment is gone, null where that cannot be read.
 * A PostgreSQL's processes stay attached to the segment its `postmaster.pid` names
 * until each has exited, even after the postmaster itself was killed.
 */
export function sharedMemoryAttachments(shmid: number): number | null {
  let table: string;
  try {
    table = readFileSync("/proc/sysvipc/shm", "utf8");
  } catch {
    return null;
  }
  const [header, ...rows] = table.trim().split("\n").map((line) => line.trim().split(/\s+/));
  const idColumn = header!.indexOf("shmid");
  const attachColumn = header!.indexOf("nattch");
  const row = rows.find((fields) => Number(fields[idColumn]) === shmid);
  return row ? Number(row[attachColumn]) : 0;
}
