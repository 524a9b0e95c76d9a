import { describe, expect, it } from "vitest";
import { consumerLag } from "./kafka-metrics";

describe("consumer lag", () => {
  it("is the end offset minus the committed one, per partition", () => {
    const ends = [
      { partition: 0, offset: "10" },
      { partition: 1, offset: "4" },
    ];
    const committed = [
      { partition: 0, offset: "7" },
      { partition: 1, offset: "4" },
    ];
    expect(consumerLag(ends, committed)).toEqual([
      { partition: 0, lag: 3 },
      { partition: 1, lag: 0 },
    ]);
  });

  it("counts a partition the group never committed (-1) as entirely behind", () => {
    expect(consumerLag([{ partition: 0, offset: "5" }], [{ partition: 0, offset: "-1" }])).toEqual([
      { partition: 0, lag: 5 },
    ]);
    expect(consumerLag([{ partition: 2, offset: "3" }], [])).toEqual([{ partition: 2, lag: 3 }]);
  });
});
