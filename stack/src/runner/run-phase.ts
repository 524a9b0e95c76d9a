import { seconds, type StackLog } from "../log";
import { REPO_ROOT } from "../repo-root";
import { shutdownRequested } from "../processes/shutdown-signal";
import { spawnGroup } from "../processes/spawn-group";

export type PhaseResult = {
  name: string;
  code: number;
  ms: number;
};

/**
 * Runs one step (lint, build, tests) with the terminal as its output, and times it.
 * A shutdown signal stops the step's whole process group; the phase then fails with 130.
 */
export async function runPhase(
  log: StackLog,
  name: string,
  command: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<PhaseResult> {
  const started = Date.now();
  log.info(`phase ${name}: ${[command, ...args].join(" ")}`);
  const group = spawnGroup({ name, command, args, cwd: REPO_ROOT, env, output: { kind: "inherit" } });
  const interrupted = shutdownRequested().then(() => group.stop(10_000).then(() => "interrupted" as const));
  const exit = await Promise.race([group.exited, interrupted]);
  const code = exit === "interrupted" ? 130 : (exit.code ?? 1);
  const result = { name, code, ms: Date.now() - started };
  log.info(`phase ${name} ${code === 0 ? "passed" : `failed (exit ${code})`}`, { took: seconds(started) });
  return result;
}
