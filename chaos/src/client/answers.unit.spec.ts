import { describe, expect, it } from "vitest";
import { retryDelayMs, worthRetrying } from "./answers";

describe("the client's retries", () => {
  it("asks again after no answer, a 5xx, a 429 or a key still being processed", () => {
    expect(worthRetrying({ error: "ECONNRESET" })).toBe(true);
    expect(worthRetrying({ error: "TimeoutError" })).toBe(true);
    expect(worthRetrying({ status: 503, code: "UNAVAILABLE" })).toBe(true);
    expect(worthRetrying({ status: 500 })).toBe(true);
    expect(worthRetrying({ status: 429 })).toBe(true);
    expect(worthRetrying({ status: 409, code: "CONFLICT" })).toBe(true);
  });

  it("takes anything else as the answer", () => {
    expect(worthRetrying({ status: 201 })).toBe(false);
    expect(worthRetrying({ status: 409, code: "SOLD_OUT" })).toBe(false);
    expect(worthRetrying({ status: 409, code: "TOO_LATE" })).toBe(false);
    expect(worthRetrying({ status: 400, code: "VALIDATION" })).toBe(false);
  });

  it("backs off from 250 ms to 4 s, or as long as Retry-After asks, up to 5 s", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((attempt) => retryDelayMs(attempt))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect(retryDelayMs(1, "3")).toBe(3000);
    expect(retryDelayMs(1, "60")).toBe(5000);
    expect(retryDelayMs(2, "soon")).toBe(500);
  });
});
