import type { StackLog } from "../log";
import type { PhaseResult } from "./run-phase";

export const INTERRUPTED = 130;

/** The exit code of a run: the first failure's, so CI reports the earliest cause. */
export function firstFailureCode(phases: readonly PhaseResult[]): number {
  return phases.find((p) => p.code !== 0)?.code ?? 0;
}

export function wasInterrupted(phases: readonly PhaseResult[]): boolean {
  return phases.some((p) => p.code === INTERRUPTED);
}

export function logPhaseSummary(log: StackLog, phases: readonly PhaseResult[]): void {
  const parts = phases.map(
    (p) => `${p.name} ${p.code === 0 ? "ok" : `FAILED(${p.code})`} ${(p.ms / 1000).toFixed(1)}s`,
  );
  log.info(`summary: ${parts.join(" | ")}`);
}
