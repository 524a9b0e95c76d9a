import { describe, expect, it } from "vitest";
import { renderMarkdown, renderText } from "./report";
import { reportFixture } from "./report-fixture";
import { evaluateTargets } from "./targets";

describe("report rendering", () => {
  const report = reportFixture();
  report.targets = evaluateTargets(report);

  it("prints every step, the headline figures and PASS/FAIL per target", () => {
    const text = renderText(report);
    expect(text).toMatch(/^800\s+100\s+8000\s+610\s+.*NO: backlog grows 80\/s/m);
    expect(text).toContain("sustained end-to-end");
    expect(text).toMatch(/^PASS\s+accept latency at 500\/s/m);
    expect(text).toMatch(/^FAIL\s+end-to-end throughput/m);
    expect(text).toContain("2      Test CPU  24 GiB");
  });

  it("writes Markdown tables with escaped cells", () => {
    const markdown = renderMarkdown({ ...report, notes: ["a | b"] });
    expect(markdown).toContain("| rate/s | orders in DB | sent |");
    expect(markdown).toContain("- a | b");
    expect(markdown.split("\n").filter((line) => line.startsWith("| ---")).length).toBeGreaterThanOrEqual(5);
  });

  it("marks targets as informative in a smoke run and adds the sanity checks", () => {
    const text = renderText({
      ...report,
      mode: "smoke",
      sanity: [{ name: "x", target: "y", measured: "z", pass: true }],
    });
    expect(text).toContain("Targets (informative only");
    expect(text).toContain("Sanity checks (smoke)");
  });
});
