import { describe, expect, it } from "vitest";
import { createOpenCounter, createWindowCounter } from "./window-counter";

describe("per-client window counter", () => {
  it("lets each key through `limit` times per window, then says how long until the next window", () => {
    const counter = createWindowCounter({ limit: 3, windowMs: 60_000 });
    const start = 600_000; // the start of a window
    expect([1, 2, 3].map(() => counter.take("a", start + 1000).ok)).toEqual([true, true, true]);
    expect(counter.take("a", start + 15_000)).toEqual({ ok: false, retryAfterS: 45 });
    expect(counter.take("b", start + 15_000).ok).toBe(true);
    expect(counter.take("a", start + 60_000).ok).toBe(true);
  });
});

describe("open stream counter", () => {
  it("holds at most `limit` per key, and a release frees one slot once", () => {
    const open = createOpenCounter(2);
    const first = open.acquire("a");
    const second = open.acquire("a");
    expect(first && second).toBeTruthy();
    expect(open.acquire("a")).toBeUndefined();
    expect(open.acquire("b")).toBeDefined();
    first?.();
    first?.();
    expect(open.held("a")).toBe(1);
    expect(open.acquire("a")).toBeDefined();
    expect(open.acquire("a")).toBeUndefined();
  });
});
