import { describe, expect, it } from "vitest";
import { decideChromium, DEFAULT_CHROMIUM } from "./chromium-check";

const facts = { configuredPath: undefined, exists: () => false, isRoot: false, hasApt: false };

describe("what the test runner does about Chromium", () => {
  it("uses the default or configured browser when it is there", () => {
    expect(decideChromium({ ...facts, exists: (p) => p === DEFAULT_CHROMIUM })).toEqual({
      kind: "ready",
      path: DEFAULT_CHROMIUM,
    });
    expect(decideChromium({ ...facts, configuredPath: "/opt/c", exists: (p) => p === "/opt/c" })).toEqual({
      kind: "ready",
      path: "/opt/c",
    });
  });

  it("installs Debian's package when missing, as root with apt", () => {
    expect(decideChromium({ ...facts, isRoot: true, hasApt: true })).toEqual({
      kind: "install",
      path: DEFAULT_CHROMIUM,
    });
  });

  it("stops with one line naming what to install when it cannot install", () => {
    for (const situation of [
      { isRoot: false, hasApt: true },
      { isRoot: true, hasApt: false },
    ]) {
      const action = decideChromium({ ...facts, ...situation });
      expect(action.kind).toBe("stop");
      expect(action.kind === "stop" && action.message).toMatch(/apt-get install chromium.*CHROMIUM_PATH/);
      expect(action.kind === "stop" && action.message).not.toContain("\n");
    }
  });

  it("never installs over a CHROMIUM_PATH that points nowhere", () => {
    const action = decideChromium({ ...facts, configuredPath: "/nope", isRoot: true, hasApt: true });
    expect(action).toEqual({ kind: "stop", message: expect.stringContaining("CHROMIUM_PATH=/nope") });
  });
});
