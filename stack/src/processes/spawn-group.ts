import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { findOnPath } from "../provision/find-on-path";
import { trackGroup, untrackGroup } from "./process-registry";

export type OutputMode =
  | { kind: "inherit" }
  /** Each line goes to our stdout as `name | line`, so interleaved children stay readable. */
  | { kind: "prefix"; width?: number }
  /** The child writes straight into the file: no pipe that depends on our event loop. */
  | { kind: "file"; path: string }
  | { kind: "lines"; onLine(line: string): void };

export type SpawnGroupOptions = {
  name: string;
  command: string;
  args?: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  output: OutputMode;
  /** Asks the kernel to SIGTERM the child if we die without a chance to clean up (kill -9). */
  dieWithParent?: boolean;
};

export type ExitInfo = {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
};

export type ProcessGroup = {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  hasExited(): boolean;
  /** Recent output lines (prefix and lines modes), for error messages. */
  tail(): string[];
  /** SIGTERM to the whole group, then SIGKILL after `timeoutMs`; resolves when no member is left. */
  stop(timeoutMs?: number): Promise<ExitInfo>;
};

const TAIL_LINES = 40;

/**
 * Starts the child as leader of its own process group (detached), so a terminal's Ctrl-C
 * reaches only us and we decide the stop order, and so `kill(-pgid)` also reaches the
 * grandchildren that npm, sh and tsx put between us and the real program.
 */
export function spawnGroup(opts: SpawnGroupOptions): ProcessGroup {
  const [command, args] = withParentDeathSignal(opts);
  const fileFd = opts.output.kind === "file" ? openSync(opts.output.path, "a") : undefined;
  const stdio =
    opts.output.kind === "inherit"
      ? (["ignore", "inherit", "inherit"] as const)
      : fileFd !== undefined
        ? (["ignore", fileFd, fileFd] as const)
        : (["ignore", "pipe", "pipe"] as const);

  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: [...stdio],
    detached: true,
  });
  if (fileFd !== undefined) closeSync(fileFd);

  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > TAIL_LINES) recent.shift();
  };
  pipeLines(child, opts, remember);

  let done = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("error", (error) => {
      done = true;
      resolve({ code: null, signal: null, error });
    });
    child.once("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const pid = child.pid ?? -1;
  if (pid > 0) {
    trackGroup(pid);
    // Members left behind after the leader exits stay tracked, so our exit hook still kills them.
    void exited.then(() => {
      if (!groupIsAlive(pid)) untrackGroup(pid);
    });
  }

  return {
    name: opts.name,
    pid,
    exited,
    hasExited: () => done,
    tail: () => [...recent],
    stop: (timeoutMs = 15_000) => stopGroup(pid, exited, timeoutMs),
  };
}

function withParentDeathSignal(opts: SpawnGroupOptions): [string, string[]] {
  const args = [...(opts.args ?? [])];
  if (!opts.dieWithParent) return [opts.command, args];
  // setpriv (util-linux) sets PR_SET_PDEATHSIG and then execs, so the pid stays the program's.
  const setpriv = findOnPath("setpriv");
  return setpriv ? [setpriv, ["--pdeathsig", "TERM", "--", opts.command, ...args]] : [opts.command, args];
}

function pipeLines(child: ChildProcess, opts: SpawnGroupOptions, remember: (line: string) => void): void {
  const mode = opts.output;
  if (mode.kind !== "prefix" && mode.kind !== "lines") return;
  const label = mode.kind === "prefix" ? `${opts.name.padEnd(mode.width ?? opts.name.length)} | ` : "";
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
      remember(line);
      if (mode.kind === "prefix") process.stdout.write(`${label}${line}\n`);
      else mode.onLine(line);
    });
  }
}

async function stopGroup(pgid: number, exited: Promise<ExitInfo>, timeoutMs: number): Promise<ExitInfo> {
  if (pgid <= 0) return exited;
  signalGroup(pgid, "SIGTERM");
  if (!(await waitGroupGone(pgid, timeoutMs))) {
    signalGroup(pgid, "SIGKILL");
    await waitGroupGone(pgid, 5_000);
  }
  untrackGroup(pgid);
  return exited;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already empty
  }
}

/** The leader's exit is not enough: npm or sh may exit first and leave the real program running. */
async function waitGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupIsAlive(pgid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Reads /proc rather than `kill(-pgid, 0)`: orphaned members that exited stay zombies
 * (still group members) when PID 1 does not reap, as in some containers and VMs.
 */
export function groupIsAlive(pgid: number): boolean {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return signalZeroSucceeds(pgid);
  }
  return pids.some((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which may itself contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(pgrp) === pgid && state !== "Z" && state !== "X";
    } catch {
      return false;
    }
  });
}

function signalZeroSucceeds(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
