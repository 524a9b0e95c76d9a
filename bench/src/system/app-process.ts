import { setTimeout as sleep } from "node:timers/promises";
import { REPO_ROOT } from "@bakery/stack/repo-root";
import { spawnGroup, type ProcessGroup } from "@bakery/stack/processes/spawn-group";
import { withFdLimit } from "./fd-limit";
import { listProcesses } from "../profile/proc-stats";

/**
 * One app of the bakery started the way production starts it (`npm run start -w <workspace>`,
 * so `next start` for the web), in a process group of its own with its output in `logFile`,
 * under the raised open-file limit. The kernel stops it if we die.
 */
export function startAppProcess(opts: {
  name: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  extraArgs?: readonly string[];
}): ProcessGroup {
  const extra = opts.extraArgs ?? [];
  const [command, args] = withFdLimit("npm", [
    "run",
    "start",
    "-w",
    opts.workspace,
    ...(extra.length ? ["--", ...extra] : []),
  ]);
  return spawnGroup({
    name: opts.name,
    command,
    args,
    cwd: REPO_ROOT,
    env: opts.env,
    output: { kind: "file", path: opts.logFile },
    dieWithParent: true,
  });
}

/** Waits for `GET /api/health` to answer 200; fails early if one of `groups` exits meanwhile. */
export async function waitHealthy(
  baseUrl: string,
  groups: readonly ProcessGroup[],
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = groups.find((group) => group.hasExited());
    if (dead) throw new Error(`${dead.name} exited during start-up; see its log`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000}s`);
}

/** The process that holds the web's sockets: `next-server` under npm and sh in the web's process group. */
export async function findNextServer(pgid: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = listProcesses().find(
      (p) =>
        p.pgrp === pgid &&
        (p.comm.startsWith("next-server") || / next start/.test(p.cmdline)) &&
        p.comm !== "sh" &&
        !p.cmdline.startsWith("npm"),
    );
    if (found) return found.pid;
    await sleep(100);
  }
  throw new Error("could not find the next-server process");
}
