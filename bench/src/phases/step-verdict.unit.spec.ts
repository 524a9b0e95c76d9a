import { describe, expect, it } from "vitest";
import { backlogRanAway, backlogSlope, judgeStep, type StepFigures } from "./step-verdict";

const ok: StepFigures = {
  rate: 100,
  sent: 1000,
  failed: 0,
  readyRate: 99,
  backlogSlope: 0.5,
  drained: true,
  abandoned: false,
};

describe("backlogSlope", () => {
  it("is the growth per second of a steadily growing backlog", () => {
    const samples = Array.from({ length: 11 }, (_, i) => ({ t: i * 0.5, waiting: 10 + i * 50 }));
    expect(backlogSlope(samples)).toBeCloseTo(100);
  });

  it("is about zero for a flat, noisy backlog", () => {
    const samples = Array.from({ length: 20 }, (_, i) => ({ t: i, waiting: 20 + (i % 2 === 0 ? 3 : -3) }));
    expect(Math.abs(backlogSlope(samples))).toBeLessThan(1);
  });

  it("is zero with fewer than two samples", () => {
    expect(backlogSlope([{ t: 1, waiting: 5 }])).toBe(0);
  });
});

describe("judgeStep", () => {
  it("passes a step whose orders keep up", () => {
    expect(judgeStep(ok)).toEqual({ sustained: true, reason: "ok" });
  });

  it("fails when READY falls behind arrivals", () => {
    expect(judgeStep({ ...ok, readyRate: 80 }).sustained).toBe(false);
  });

  it("fails when the backlog keeps growing", () => {
    expect(judgeStep({ ...ok, backlogSlope: 30 }).reason).toMatch(/backlog grows/);
  });

  it("fails on errors, on a backlog that does not drain, and on a cut-short step", () => {
    expect(judgeStep({ ...ok, failed: 5 }).sustained).toBe(false);
    expect(judgeStep({ ...ok, drained: false }).sustained).toBe(false);
    expect(judgeStep({ ...ok, abandoned: true }).sustained).toBe(false);
  });
});

describe("backlogRanAway", () => {
  it("allows a backlog a few seconds of arrivals explain, and not more", () => {
    expect(backlogRanAway(400, 100, 5)).toBe(false);
    expect(backlogRanAway(5000, 1000, 5)).toBe(true);
    expect(backlogRanAway(5000, 1000, 2)).toBe(false);
  });
});
