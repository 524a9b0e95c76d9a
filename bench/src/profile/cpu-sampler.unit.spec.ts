import { describe, expect, it } from "vitest";
import { coresUsed } from "./cpu-sampler";

describe("coresUsed", () => {
  it("turns tick differences into cores over the interval", () => {
    const before = new Map([
      ["web", 1000],
      ["kafka", 50],
    ]);
    const after = new Map([
      ["web", 1150],
      ["kafka", 100],
      ["load", 20],
    ]);
    expect(coresUsed(before, after, 1)).toEqual({ web: 1.5, kafka: 0.5, load: 0.2 });
  });

  it("never reports negative use (a process restarted) or divides by zero", () => {
    expect(coresUsed(new Map([["web", 500]]), new Map([["web", 100]]), 2)).toEqual({ web: 0 });
    expect(coresUsed(new Map(), new Map([["web", 100]]), 0)).toEqual({ web: 0 });
  });
});
