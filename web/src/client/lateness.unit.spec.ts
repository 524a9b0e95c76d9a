import { describe, expect, it } from "vitest";
import { lateness } from "./lateness";

const promisedAt = "2026-12-01T12:00:00.000Z";
const at = (seconds: number) => Date.parse(promisedAt) + seconds * 1000;

describe("lateness on the staff board", () => {
  it("is on time up to the promise, amber after it, red after the grace", () => {
    const order = { status: "IN_PREPARATION" as const, promisedAt };
    expect(lateness(order, at(-5), 60)).toEqual({ level: "on-time" });
    expect(lateness(order, at(0), 60)).toEqual({ level: "on-time" });
    expect(lateness(order, at(1), 60)).toEqual({ level: "late", lateMs: 1000 });
    expect(lateness(order, at(60), 60)).toEqual({ level: "late", lateMs: 60_000 });
    expect(lateness(order, at(61), 60)).toEqual({ level: "very-late", lateMs: 61_000 });
  });

  it("counts an order waiting for the customer's choice, and a just-placed one, as behind too", () => {
    expect(lateness({ status: "NEEDS_ACTION", promisedAt }, at(10), 6).level).toBe("very-late");
    expect(lateness({ status: "PLACED", promisedAt }, at(3), 6).level).toBe("late");
  });

  it("never colours an order that is no longer being made", () => {
    for (const status of ["READY", "COLLECTED", "CANCELLED"] as const)
      expect(lateness({ status, promisedAt }, at(600), 60)).toEqual({ level: "on-time" });
  });

  it("turns red at once with no grace", () => {
    expect(lateness({ status: "PLACED", promisedAt }, at(1), 0).level).toBe("very-late");
  });
});
