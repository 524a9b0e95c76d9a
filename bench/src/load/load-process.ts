import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "@bakery/stack/repo-root";
import { childEnv } from "@bakery/stack/processes/child-env";
import type { FromLoad, ScenarioName, Scenarios, ToLoad } from "./load-protocol";
import { tsEntryCommand } from "../system/ts-entry";

/**
 * Starts the load-generator process (load-generator.ts) and talks to it: `run` sends one
 * scenario and resolves with its result. Its progress lines and output go to `onLine`.
 */
export function startLoadProcess(opts: { onLine: (line: string) => void }) {
  const [command, args] = tsEntryCommand(new URL("./load-generator.ts", import.meta.url));
  const child = spawn(command, args, { cwd: REPO_ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe", "ipc"] });
  for (const stream of [child.stdout, child.stderr])
    if (stream) createInterface({ input: stream }).on("line", (line) => opts.onLine(`load | ${line}`));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let exited = false;
  child.on("message", (message: FromLoad) => {
    if ("progress" in message) return opts.onLine(message.progress);
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.result);
    else waiter?.reject(new Error(`load generator: ${message.error}`));
  });
  child.on("exit", (code, signal) => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited (${code ?? signal})`));
    pending.clear();
  });

  return {
    get pid(): number {
      return child.pid ?? -1;
    },
    run<K extends ScenarioName>(scenario: K, body: Scenarios[K][0]): Promise<Scenarios[K][1]> {
      if (exited) return Promise.reject(new Error("the load generator is not running"));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, scenario, body } satisfies ToLoad);
      });
    },
    async stop(): Promise<void> {
      if (exited) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
export type LoadProcess = ReturnType<typeof startLoadProcess>;
