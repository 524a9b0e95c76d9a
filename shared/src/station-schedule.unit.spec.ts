import { describe, expect, it } from "vitest";
import { prepMs, scheduleQueue } from "./station-schedule";

describe("station ETA rules", () => {
  it("gives each free hand the next item in queue order", () => {
    expect(scheduleQueue({ now: 0, hands: 2, busyUntil: [], queued: [5000, 4000, 1000] })).toEqual([
      { startAt: 0, readyAt: 5000 },
      { startAt: 0, readyAt: 4000 },
      { startAt: 4000, readyAt: 5000 },
    ]);
  });

  it("waits for the hands that are busy", () => {
    expect(scheduleQueue({ now: 1000, hands: 1, busyUntil: [3000], queued: [2000, 1000] })).toEqual([
      { startAt: 3000, readyAt: 5000 },
      { startAt: 5000, readyAt: 6000 },
    ]);
  });

  it("never starts in the past, even when an item is overdue", () => {
    expect(scheduleQueue({ now: 10_000, hands: 1, busyUntil: [9000], queued: [1000] })).toEqual([
      { startAt: 10_000, readyAt: 11_000 },
    ]);
  });

  it("more hands means earlier ETAs for the back of the queue", () => {
    const queued = [8000, 8000, 8000, 8000];
    const three = scheduleQueue({ now: 0, hands: 3, busyUntil: [], queued });
    const one = scheduleQueue({ now: 0, hands: 1, busyUntil: [], queued });
    expect(three.at(-1)?.readyAt).toBe(16_000);
    expect(one.at(-1)?.readyAt).toBe(32_000);
  });

  it("scales preparation time, 0 being instant", () => {
    expect(prepMs(5, 1)).toBe(5000);
    expect(prepMs(5, 0.1)).toBe(500);
    expect(prepMs(5, 0)).toBe(0);
  });
});
