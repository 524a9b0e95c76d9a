import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseFdLimits, withFdLimit } from "./fd-limit";

describe("parseFdLimits", () => {
  it("reads soft and hard limits", () => {
    const text =
      "Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n";
    expect(parseFdLimits(text)).toEqual({ soft: 20000, hard: 20000 });
  });
});

describe("withFdLimit", () => {
  it("raises the limit as far as allowed and keeps the arguments intact", () => {
    const [command, args] = withFdLimit("bash", ["-c", 'echo "$(ulimit -n) $1"', "x", "a b"]);
    const [limit, rest] = execFileSync(command, args, { encoding: "utf8" }).trim().split(/ (.*)/);
    const hard = Number(execFileSync("bash", ["-c", "ulimit -Hn"], { encoding: "utf8" }).trim());
    expect(Number(limit)).toBe(Math.min(65_536, Number.isNaN(hard) ? 65_536 : hard));
    expect(rest).toBe("a b");
  });
});
