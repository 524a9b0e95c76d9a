import { describe, expect, it } from "vitest";
import { createPartitionProgress } from "./partition-progress";

describe("partition progress", () => {
  it("commits only up to the lowest offset still in progress", () => {
    const progress = createPartitionProgress();
    for (const offset of ["10", "11", "12"]) progress.begin(0, offset);
    progress.finish(0, "11");
    progress.finish(0, "12");
    expect(progress.committable()).toEqual([{ partition: 0, offset: "10" }]);
    progress.finish(0, "10");
    expect(progress.committable()).toEqual([{ partition: 0, offset: "13" }]);
  });

  it("does not repeat a commit already made", () => {
    const progress = createPartitionProgress();
    progress.begin(1, "5");
    progress.finish(1, "5");
    progress.markCommitted(1, "6");
    expect(progress.committable()).toEqual([]);
  });

  it("forgets partitions that went to another consumer", () => {
    const progress = createPartitionProgress();
    progress.begin(0, "1");
    progress.begin(1, "1");
    progress.keepOnly((partition) => partition === 1);
    expect(progress.committable().map((entry) => entry.partition)).toEqual([1]);
  });
});
