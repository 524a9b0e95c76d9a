import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./percentiles";

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it("reports the one slow sample of ten as the p99", () => {
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 500], 99)).toBe(500);
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 500], 50)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts numerically, not as strings", () => {
    const summary = summarize([10, 9, 100, 2]);
    expect(summary).toMatchObject({ count: 4, p50: 9, max: 100, mean: 30.25 });
  });

  it("gives NaN figures for an empty set", () => {
    expect(summarize([])).toMatchObject({ count: 0, p99: NaN });
  });
});
