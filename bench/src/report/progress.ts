import { performance } from "node:perf_hooks";

/** One line per step on stdout, stamped with the run's name and the time since it began. */
export function createProgress(label = "bench", write: (text: string) => void = (text) => process.stdout.write(text)) {
  const started = performance.now();
  const stamp = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s`;
  return {
    step: (line: string) => write(`[${label} ${stamp()}] ${line}\n`),
    elapsedS: () => (performance.now() - started) / 1000,
  };
}
