import { describe, expect, it } from "vitest";
import { FULL_PLAN, planFromArgs } from "./bench-plan";
import { newRunId, runNames } from "../system/run-names";

describe("planFromArgs", () => {
  it("runs the full plan by default and the smoke plan on --smoke", () => {
    expect(planFromArgs([]).mode).toBe("full");
    expect(planFromArgs(["--smoke"]).mode).toBe("smoke");
    expect(planFromArgs(["--smoke", "--profile"]).profile).toBe(true);
  });

  it("refuses what it does not know", () => {
    expect(() => planFromArgs(["--fast"])).toThrow(/--fast/);
  });

  it("steps up through 500/s (a target is set there) and ends at 10,000 streams", () => {
    expect(FULL_PLAN.rates).toContain(500);
    expect(FULL_PLAN.rates).toEqual([...FULL_PLAN.rates].sort((a, b) => a - b));
    expect(FULL_PLAN.streams.stages.at(-1)).toBe(10_000);
    expect(FULL_PLAN.streams.latencyClients).toBe(1_000);
  });
});

describe("run names", () => {
  it("are sortable by time and usable as topic and database names", () => {
    const id = newRunId(new Date(Date.UTC(2026, 10, 25, 19, 30, 5)), "ab12");
    expect(id).toBe("bench-20261125-193005-ab12");
    const names = runNames(id);
    for (const name of [...Object.values(names.topics), ...Object.values(names.dbs)])
      expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    // Every topic its own: two roles on one topic would mix their messages.
    expect(new Set(Object.values(names.topics)).size).toBe(Object.keys(names.topics).length);
  });
});
