import { describe, expect, it } from "vitest";
import { createMicroBatcher } from "./micro-batcher";

describe("the micro-batcher", () => {
  it("runs the calls made together as one batch, each with its own result", async () => {
    const batches: number[][] = [];
    const batcher = createMicroBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((item) => item * 2);
    });
    expect(await Promise.all([1, 2, 3].map((n) => batcher.add(n)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("refuses new work at once when its bound is reached, instead of growing while a batch hangs", async () => {
    let release: () => void = () => undefined;
    const batcher = createMicroBatcher<number, void>(
      (items) => new Promise((resolve) => (release = () => resolve(items.map(() => undefined)))),
      { maxPending: 3 },
    );
    const first = batcher.add(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const queued = [1, 2, 3].map((n) => batcher.add(n));
    await expect(batcher.add(4)).rejects.toThrow(/full/);
    expect(batcher.size).toBe(3);
    release();
    await first;
    release();
    await Promise.all(queued);
  });
});
