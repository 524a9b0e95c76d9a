import { describe, expect, it } from "vitest";
import { createReadyTracker, type Completion } from "./ready-tracker";

describe("createReadyTracker", () => {
  it("completes an order when its last item is ready, timed by that item", () => {
    const done: Completion[] = [];
    const tracker = createReadyTracker((c) => done.push(c));
    tracker.placed("o1", 2, 100);
    tracker.itemReady("o1", "o1.1", 150);
    expect(tracker.waiting).toBe(1);
    tracker.itemReady("o1", "o1.1", 160);
    expect(done).toEqual([]);
    tracker.itemReady("o1", "o1.2", 180);
    expect(done).toEqual([{ orderId: "o1", sentAt: 100, readyAt: 180 }]);
    expect(tracker.waiting).toBe(0);
    expect(tracker.completed).toBe(1);
  });

  it("keeps items that arrive before the order is known", () => {
    const done: Completion[] = [];
    const tracker = createReadyTracker((c) => done.push(c));
    tracker.itemReady("o2", "o2.1", 10);
    tracker.itemReady("o2", "o2.2", 12);
    expect(done).toEqual([]);
    tracker.placed("o2", 2, 5);
    expect(done).toEqual([{ orderId: "o2", sentAt: 5, readyAt: 12 }]);
  });

  it("does not complete an order twice on redelivery", () => {
    const done: Completion[] = [];
    const tracker = createReadyTracker((c) => done.push(c));
    tracker.placed("o3", 1, 0);
    tracker.itemReady("o3", "o3.1", 1);
    tracker.itemReady("o3", "o3.1", 2);
    expect(done).toHaveLength(1);
  });

  it("forgets everything on reset", () => {
    const tracker = createReadyTracker();
    tracker.placed("o4", 2, 0);
    tracker.reset();
    expect(tracker.waiting).toBe(0);
  });
});
