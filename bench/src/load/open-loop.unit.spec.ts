import { describe, expect, it } from "vitest";
import { dueCount, runOpenLoop, scheduledOffsetMs } from "./open-loop";

describe("open-loop schedule", () => {
  it("spaces requests evenly at the rate", () => {
    expect(scheduledOffsetMs(0, 200)).toBe(0);
    expect(scheduledOffsetMs(1, 200)).toBe(5);
    expect(scheduledOffsetMs(400, 200)).toBe(2000);
  });

  it("counts the requests due so far, never more than the total", () => {
    expect(dueCount(0, 100, 1000)).toBe(1);
    expect(dueCount(9.99, 100, 1000)).toBe(1);
    expect(dueCount(10, 100, 1000)).toBe(2);
    expect(dueCount(1_000_000, 100, 1000)).toBe(1000);
  });
});

describe("runOpenLoop", () => {
  it("fires every request with its scheduled time, even when the clock jumps", async () => {
    let clock = 0;
    const fired: number[] = [];
    const result = await runOpenLoop({
      rate: 1000,
      durationMs: 10,
      now: () => (clock += 3),
      fire: (scheduledAt) => fired.push(scheduledAt),
    });
    expect(result.fired).toBe(10);
    expect(fired.map((at) => at - result.startedAt)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("stops when asked", async () => {
    let clock = 0;
    let calls = 0;
    const result = await runOpenLoop({
      rate: 100,
      durationMs: 10_000,
      now: () => (clock += 50),
      fire: () => calls++,
      shouldStop: () => calls >= 5,
    });
    expect(result.fired).toBeLessThan(10);
  });
});
