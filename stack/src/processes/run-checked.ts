import { spawnGroup, type SpawnGroupOptions } from "./spawn-group";
import { StackError } from "../stack-errors";

export type RunCheckedOptions = SpawnGroupOptions & {
  what: string;
  /** Stops the step early, e.g. when a parallel step already failed. */
  signal?: AbortSignal;
};

/** Runs a build step to the end; on failure the error carries the step's last lines. */
export async function runChecked(opts: RunCheckedOptions): Promise<void> {
  opts.signal?.throwIfAborted();
  const group = spawnGroup(opts);
  const abort = () => void group.stop(5_000);
  opts.signal?.addEventListener("abort", abort, { once: true });
  const exit = await group.exited.finally(() => opts.signal?.removeEventListener("abort", abort));
  opts.signal?.throwIfAborted();
  if (exit.code === 0) return;
  const reason = exit.error?.message ?? (exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
  const tail = group.tail().slice(-15).join("\n");
  throw new StackError(`${opts.what} failed (${reason})${tail ? `:\n${tail}` : ""}`);
}
