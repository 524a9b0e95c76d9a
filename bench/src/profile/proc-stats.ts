import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export type ProcStat = {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  utime: number;
  stime: number;
};

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields are read after its last ")". */
export function parseStat(text: string): ProcStat | undefined {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < 0) return undefined;
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const field = (n: number) => Number(rest[n - 3]);
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: rest[0] ?? "?",
    ppid: field(4),
    pgrp: field(5),
    utime: field(14),
    stime: field(15),
  };
}

/** VmRSS from /proc/<pid>/status, in kB (0 when absent, e.g. a zombie). */
export function parseRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

/** Total busy and idle jiffies from the first line of /proc/stat. */
export function parseCpuTotals(stat: string): { busy: number; idle: number } {
  const [, ...values] = (stat.split("\n")[0] ?? "").trim().split(/\s+/);
  const n = values.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((sum, v) => sum + v, 0);
  return { busy: total - idle, idle };
}

export type ProcInfo = ProcStat & { cmdline: string };

/** Every live process on the machine (those that vanish while being read are skipped). */
export function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (!stat || stat.state === "Z") continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      out.push({ ...stat, cmdline });
    } catch {
      // gone
    }
  }
  return out;
}

export function rssKbOf(pid: number): number {
  try {
    return parseRssKb(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return 0;
  }
}

export function readCpuTotals(): { busy: number; idle: number } {
  return parseCpuTotals(readFileSync("/proc/stat", "utf8"));
}

/** Clock ticks per second of the stat files; 100 on every Linux we run on. */
export const CLOCK_TICKS = 100;

/** Inodes of the sockets listening on `port`, from a /proc/net/tcp or tcp6 text. */
export function listeningInodes(netTcp: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return netTcp
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A")
    .map((f) => f[9] ?? "")
    .filter(Boolean);
}

/** The process listening on a local TCP port (found through its socket's inode), if we may see it. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set(
    ["tcp", "tcp6"].flatMap((file) => {
      try {
        return listeningInodes(readFileSync(`/proc/net/${file}`, "utf8"), port);
      } catch {
        return [];
      }
    }),
  );
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}
