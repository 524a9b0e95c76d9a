import type { Summary } from "../report/percentiles";

export type StageLimits = { maxProbeP99Ms: number; maxRssMb: number; maxFailShare: number };

export type StageFigures = {
  target: number;
  held: number;
  attempted: number;
  failed: number;
  outOfBudget: boolean;
  probe: Summary;
  expected: number;
  received: number;
  rssKb: number;
};

/**
 * Whether one web process still holds a stage of event streams well: the streams are
 * all there, (almost) every connect worked, every probe arrived in time, and memory is
 * under the limit. Running out of the phase's time is its own reason: then the figure
 * says how far the ramp got, not where the process gave up.
 */
export function judgeStage(f: StageFigures, limits: StageLimits): { ok: boolean; note: string } {
  const problems: string[] = [];
  if (f.attempted > 0 && f.failed / f.attempted > limits.maxFailShare)
    problems.push(`${f.failed} of ${f.attempted} connects failed`);
  if (f.held < f.target && !f.outOfBudget) problems.push(`${f.target - f.held} streams missing`);
  if (f.received < f.expected) problems.push(`${f.expected - f.received} of ${f.expected} probe deliveries lost`);
  if (!(f.probe.p99 <= limits.maxProbeP99Ms))
    problems.push(
      `probe p99 ${Number.isFinite(f.probe.p99) ? f.probe.p99.toFixed(0) : "-"} ms > ${limits.maxProbeP99Ms}`,
    );
  if (f.rssKb > limits.maxRssMb * 1024) problems.push(`web RSS ${(f.rssKb / 1024).toFixed(0)} MB > ${limits.maxRssMb}`);
  if (problems.length > 0) return { ok: false, note: problems.join("; ") };
  if (f.outOfBudget) return { ok: true, note: `time budget spent at ${f.held} streams` };
  return { ok: true, note: "ok" };
}

/** RSS growth per stream, in kB, between an empty process and `held` streams. */
export const perStreamKb = (beforeKb: number, afterKb: number, held: number): number =>
  held > 0 ? (afterKb - beforeKb) / held : NaN;
