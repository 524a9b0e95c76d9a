import { describe, expect, it } from "vitest";
import { inclusiveTimes, originOf, summarizeProfile, type CpuProfile } from "./cpuprofile-summary";

describe("originOf", () => {
  it("names packages, scoped ones too, the app bundle, node and V8 frames", () => {
    expect(originOf("file:///w/node_modules/kafkajs/src/producer/index.js", "send")).toBe("kafkajs");
    expect(originOf("file:///w/node_modules/@next/env/dist/index.js", "x")).toBe("@next/env");
    expect(originOf("file:///w/web/.next/server/chunks/123.js", "placeOrder")).toBe("app bundle (.next/server)");
    expect(originOf("node:internal/streams/readable", "read")).toBe("node:internal");
    expect(originOf("", "(garbage collector)")).toBe("(garbage collector)");
    expect(originOf("", "writev")).toBe("(native)");
  });
});

describe("summarizeProfile", () => {
  it("shares the profiled time out by hits", () => {
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 4_000_000,
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, hitCount: 0 },
        {
          id: 2,
          callFrame: { functionName: "parse", url: "file:///w/node_modules/zod/v4/core.js", lineNumber: 9 },
          hitCount: 3,
        },
        { id: 3, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 }, hitCount: 1 },
      ],
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(4000);
    expect(summary.byOrigin).toEqual([
      ["zod", 3000],
      ["(idle)", 1000],
    ]);
    expect(summary.byFunction[0]).toEqual(["parse v4/core.js:10", 3000]);
  });
});

describe("inclusiveTimes", () => {
  it("adds callees to their callers, once per recursive function", () => {
    const frame = (functionName: string) => ({ functionName, url: "file:///w/a.js", lineNumber: 0 });
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 10_000_000,
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, hitCount: 0, children: [2, 5] },
        { id: 2, callFrame: frame("handle"), hitCount: 1, children: [3] },
        { id: 3, callFrame: frame("parse"), hitCount: 2, children: [4] },
        { id: 4, callFrame: frame("parse"), hitCount: 3 },
        { id: 5, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 }, hitCount: 4 },
      ],
    };
    expect(inclusiveTimes(profile)).toEqual([
      ["handle w/a.js:1", 6000],
      ["parse w/a.js:1", 5000],
    ]);
  });
});
