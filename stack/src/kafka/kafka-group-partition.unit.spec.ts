import { describe, expect, it } from "vitest";
import { groupIdsCoveringAllPartitions, javaStringHashCode, offsetsPartitionFor } from "./kafka-group-partition";

describe("javaStringHashCode", () => {
  it("matches Java, including overflow", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("hello")).toBe(99162322);
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
  });
});

describe("groupIdsCoveringAllPartitions", () => {
  it("names one group per __consumer_offsets partition", () => {
    const ids = groupIdsCoveringAllPartitions(6);
    expect(ids.map((id) => offsetsPartitionFor(id, 6))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
