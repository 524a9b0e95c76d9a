import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export type WorkerProcess = {
  child: ChildProcess;
  /** Output so far, for assertions and for failure messages. */
  output(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** Runs a real worker process (`kitchen` or `bar`), exactly as `npm start` does. */
export function startWorker(name: "kitchen" | "bar", env: Record<string, string>): WorkerProcess {
  // One process, tsx as a loader: the `tsx` command would run the worker in a child of its
  // own, which a SIGKILL of the command leaves running.
  const child = spawn(process.execPath, ["--import", "tsx", `${name}-worker/src/main.ts`], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
