/** One sample taken during a step: seconds since the step began and orders sent but not yet READY. */
export type BacklogSample = { t: number; waiting: number };

/** Least-squares slope of waiting orders over time, in orders per second. */
export function backlogSlope(samples: readonly BacklogSample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.t, 0) / n;
  const meanW = samples.reduce((sum, s) => sum + s.waiting, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.t - meanT) * (s.waiting - meanW);
    den += (s.t - meanT) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export type StepFigures = {
  /** The arrival rate asked for, orders per second. */
  rate: number;
  sent: number;
  failed: number;
  /** Orders that reached READY per second over the steady part of the step. */
  readyRate: number;
  /** Growth of the not-yet-READY count over the second half of the step, orders per second. */
  backlogSlope: number;
  /** Whether every accepted order of the step reached READY before the drain deadline. */
  drained: boolean;
  /** The step was cut short because the backlog ran away. */
  abandoned: boolean;
};

export type Verdict = { sustained: boolean; reason: string };

/** Generous enough for timer jitter on a busy 2-core machine, strict enough to catch a backlog that keeps growing. */
export const SUSTAINED = { minReadyShare: 0.95, maxSlopeShare: 0.05, maxFailedShare: 0.001 };

/**
 * A rate is sustained when orders leave as fast as they arrive: the READY rate keeps up
 * with the arrival rate, the backlog does not grow, (almost) nothing fails, and the
 * backlog empties once the arrivals stop.
 */
export function judgeStep(f: StepFigures): Verdict {
  if (f.abandoned) return { sustained: false, reason: "backlog ran away; step cut short" };
  if (f.sent > 0 && f.failed / f.sent > SUSTAINED.maxFailedShare)
    return { sustained: false, reason: `${f.failed} of ${f.sent} requests failed` };
  if (f.readyRate < SUSTAINED.minReadyShare * f.rate)
    return {
      sustained: false,
      reason: `READY ${f.readyRate.toFixed(0)}/s < ${(SUSTAINED.minReadyShare * 100).toFixed(0)}% of ${f.rate}/s`,
    };
  if (f.backlogSlope > SUSTAINED.maxSlopeShare * f.rate)
    return { sustained: false, reason: `backlog grows ${f.backlogSlope.toFixed(0)}/s` };
  if (!f.drained) return { sustained: false, reason: "backlog did not drain" };
  return { sustained: true, reason: "ok" };
}

/** True when waiting orders exceed what a few seconds of arrivals explain: the step can stop early. */
export function backlogRanAway(waiting: number, rate: number, elapsedSeconds: number): boolean {
  return elapsedSeconds > 3 && waiting > Math.max(500, 3 * rate);
}
