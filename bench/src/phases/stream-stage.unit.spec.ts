import { describe, expect, it } from "vitest";
import { summarize } from "../report/percentiles";
import { judgeStage, perStreamKb, type StageFigures } from "./stream-stage";

const limits = { maxProbeP99Ms: 1000, maxRssMb: 4096, maxFailShare: 0.01 };
const good: StageFigures = {
  target: 1000,
  held: 1000,
  attempted: 1000,
  failed: 0,
  outOfBudget: false,
  probe: summarize([5, 10, 20]),
  expected: 3,
  received: 3,
  rssKb: 300_000,
};

describe("judgeStage", () => {
  it("passes a stage held completely with timely probes", () => {
    expect(judgeStage(good, limits)).toEqual({ ok: true, note: "ok" });
  });

  it("fails on failed connects, lost or late probes and memory", () => {
    expect(judgeStage({ ...good, failed: 50, held: 950 }, limits).note).toMatch(/50 of 1000 connects failed/);
    expect(judgeStage({ ...good, received: 2 }, limits).note).toMatch(/1 of 3 probe deliveries lost/);
    expect(judgeStage({ ...good, probe: summarize([5, 2000]) }, limits).note).toMatch(/probe p99 2000 ms/);
    expect(judgeStage({ ...good, rssKb: 5_000_000 }, limits).ok).toBe(false);
  });

  it("treats no probe arriving as late, not as fine", () => {
    expect(judgeStage({ ...good, probe: summarize([]), expected: 0, received: 0 }, limits).ok).toBe(false);
  });

  it("keeps a stage cut short by the time budget, and says so", () => {
    expect(judgeStage({ ...good, target: 5000, held: 3100, attempted: 2100, outOfBudget: true }, limits)).toEqual({
      ok: true,
      note: "time budget spent at 3100 streams",
    });
  });
});

describe("perStreamKb", () => {
  it("divides the growth by the streams, and is NaN without any", () => {
    expect(perStreamKb(100_000, 150_000, 1000)).toBe(50);
    expect(perStreamKb(100_000, 150_000, 0)).toBeNaN();
  });
});
