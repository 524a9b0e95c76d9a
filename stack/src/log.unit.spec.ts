import { describe, expect, it } from "vitest";
import { formatLine } from "./log";

describe("formatLine", () => {
  it("writes logfmt pairs and quotes values with spaces", () => {
    expect(
      formatLine("stack", "ready", { brokers: "127.0.0.1:19092", took: "4.2s", note: "two words", skip: undefined }),
    ).toBe('[stack] ready brokers=127.0.0.1:19092 took=4.2s note="two words"');
  });

  it("shows an error by its message", () => {
    expect(formatLine("stack", "failed", { err: new Error("boom") })).toBe("[stack] failed err=boom");
  });
});
