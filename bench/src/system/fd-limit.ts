import { readFileSync } from "node:fs";

/** 10,000 event streams are 10,000 sockets in the generator and in the web process, plus everything else. */
export const FD_WANTED = 65_536;

/**
 * Runs a command under bash with the open-file limit raised to FD_WANTED, or to the hard
 * limit when that is lower (raising the hard limit needs privileges we may not have).
 * `exec` keeps the pid: the process we track is the program itself.
 */
export function withFdLimit(command: string, args: readonly string[]): [string, string[]] {
  return [
    "bash",
    ["-c", `ulimit -n ${FD_WANTED} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`, command, ...args],
  ];
}

/** Soft and hard open-file limits from a /proc/<pid>/limits text. */
export function parseFdLimits(limits: string): { soft: number; hard: number } {
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits);
  const value = (raw: string | undefined) => (raw === undefined ? 1024 : raw === "unlimited" ? Infinity : Number(raw));
  return { soft: value(match?.[1]), hard: value(match?.[2]) };
}

export function fdLimitsOf(pid: number | "self"): { soft: number; hard: number } {
  try {
    return parseFdLimits(readFileSync(`/proc/${pid}/limits`, "utf8"));
  } catch {
    return { soft: NaN, hard: NaN };
  }
}
