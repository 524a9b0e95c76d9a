import type { StackLog } from "../log";
import { REPO_ROOT } from "../repo-root";
import { spawnGroup, type ExitInfo, type ProcessGroup } from "./spawn-group";
import { waitUntil } from "../wait-until";

export type AppSpec = {
  name: string;
  workspace: string;
};

export const BAKERY_APPS: readonly AppSpec[] = [
  { name: "kitchen", workspace: "@bakery/kitchen-worker" },
  { name: "bar", workspace: "@bakery/bar-worker" },
  { name: "web", workspace: "@bakery/web" },
];

export type RunningApps = {
  /** Resolves when the first app exits, whatever the reason. */
  firstExit: Promise<{ name: string; exit: ExitInfo }>;
  stop(): Promise<void>;
};

export function startApps(apps: readonly AppSpec[], env: NodeJS.ProcessEnv): RunningApps {
  const width = Math.max(...apps.map((a) => a.name.length));
  const groups: ProcessGroup[] = apps.map((app) =>
    spawnGroup({
      name: app.name,
      command: "npm",
      args: ["run", "start", "-w", app.workspace],
      cwd: REPO_ROOT,
      env,
      output: { kind: "prefix", width },
    }),
  );
  return {
    firstExit: Promise.race(groups.map((g) => g.exited.then((exit) => ({ name: g.name, exit })))),
    stop: async () => {
      await Promise.all(groups.map((g) => g.stop(15_000)));
    },
  };
}

/** Any HTTP answer counts: the page may redirect or 404 while the web app is still fine. */
export async function waitForHttp(
  url: string,
  log: StackLog,
  abandonWhen: Promise<unknown>,
  timeoutMs = 180_000,
): Promise<void> {
  log.info("waiting for the web app to answer", { url });
  await waitUntil(
    async () => {
      await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
      return true;
    },
    { what: `${url} to answer`, timeoutMs, intervalMs: 500, abandonWhen },
  );
}
