import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStackLog } from "@bakery/stack/log";
import { renderText, type ChaosReport } from "../src/report";
import { runChaos } from "../src/run-chaos";

/**
 * `npm run chaos` in short: faults 1 (kill -9 a kitchen worker), 3 (a worker joins, one
 * leaves, a rebalanced one is killed) and 5 (the database stopped for 10 s) under a steady
 * load, on a stack of its own (it stops its database), then the checker. A failure lists the
 * problems, each naming the order and what went wrong.
 */
let workDir: string;
let report: ChaosReport;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "bakery-chaos-test-"));
  ({ report } = await runChaos({
    options: { seed: 20261202, rate: 10, mode: "short", browsers: 2 },
    workDir,
    log: createStackLog("chaos stack", "warn"),
    step: (line) => process.stdout.write(`[chaos] ${line}\n`),
    allowExternal: false,
  }));
  process.stdout.write(`${renderText(report)}\n`);
}, 480_000);
afterAll(async () => {
  // A failed run keeps its logs and history for whoever repeats it.
  if (report?.verdict === "PASS") await rm(workDir, { recursive: true, force: true });
  else if (workDir) process.stdout.write(`[chaos] the run's logs and history are kept in ${workDir}\n`);
});

describe("the bakery under faults 1, 3 and 5", () => {
  it("ran the three faults and took orders throughout", () => {
    expect(report.windows.map((w) => [w.name, w.errors])).toEqual([
      ["1", []],
      ["3", []],
      ["5", []],
    ]);
    expect(report.rows.at(-1)?.acknowledged).toBeGreaterThan(100);
  });

  it("lost no acknowledged order, left none unfinished and prepared nothing twice", () => {
    const wrong = report.problems.filter((p) =>
      ["lost", "stuck", "double effect", "outcome", "stock", "money"].includes(p.kind),
    );
    expect(wrong.map((p) => p.message)).toEqual([]);
  });

  it("showed every browser what the API says, and answered no 5xx but 503s while the database was down", () => {
    const wrong = report.problems.filter((p) => ["sse", "unloaded", "http", "process"].includes(p.kind));
    expect(wrong.map((p) => p.message)).toEqual([]);
  });

  it("recovered after each fault", () => {
    expect(report.checks.find((c) => c.name === "recovered after every fault")).toMatchObject({ ok: true });
  });
});
