import { describe, expect, it } from "vitest";
import { FAULT_IDS } from "./faults";
import { planSchedule } from "./schedule";

const base = { ownServers: true, sessionTimeoutMs: 6_000 };

describe("the nemesis's schedule", () => {
  it("is the same for the same seed, and another for another seed", () => {
    const a = planSchedule({ ...base, seed: 42, mode: "full" });
    expect(planSchedule({ ...base, seed: 42, mode: "full" })).toEqual(a);
    expect(planSchedule({ ...base, seed: 43, mode: "full" })).not.toEqual(a);
  });

  it("runs every fault alone once, then several at once", () => {
    const { windows } = planSchedule({ ...base, seed: 7, mode: "full" });
    const alone = windows.filter((w) => w.faults.length === 1).map((w) => w.faults[0]?.fault);
    expect([...alone].sort()).toEqual([...FAULT_IDS]);
    const together = windows.filter((w) => w.faults.length > 1);
    expect(together).toHaveLength(4);
    for (const window of together) expect(new Set(window.faults.map((f) => f.fault)).size).toBe(window.faults.length);
    expect(windows.indexOf(together[0]!)).toBe(FAULT_IDS.length);
  });

  it("keeps the short version to faults 1, 3 and 5, in that order, alone", () => {
    const { windows } = planSchedule({ ...base, seed: 1, mode: "short" });
    expect(windows.map((w) => w.name)).toEqual(["1", "3", "5"]);
  });

  it("skips the server faults on an external stack and says why", () => {
    const schedule = planSchedule({ ...base, ownServers: false, seed: 3, mode: "medium" });
    expect(schedule.skipped.map((s) => s.fault)).toEqual([4, 5]);
    expect(schedule.windows.flatMap((w) => w.faults.map((f) => f.fault))).not.toContain(4);
    expect(schedule.windows.flatMap((w) => w.faults.map((f) => f.fault))).not.toContain(5);
  });

  it("freezes a worker for longer than its session timeout and stops the database for 10 s", () => {
    const { windows } = planSchedule({ ...base, seed: 9, mode: "full", faults: [5, 6] });
    for (const fault of windows.flatMap((w) => w.faults)) {
      if (fault.fault === 6) expect(fault.frozenMs).toBeGreaterThan(6_000);
      if (fault.fault === 5) expect(fault.downMs).toBe(10_000);
    }
  });
});
