import { describe, expect, it } from "vitest";
import { reportFixture } from "./report-fixture";
import { evaluateSanity, evaluateTargets } from "./targets";

describe("evaluateTargets", () => {
  const results = Object.fromEntries(evaluateTargets(reportFixture()).map((t) => [t.name, t]));

  it("judges throughput and the ratio to the Kafka ceiling from the sustained figure", () => {
    expect(results["end-to-end throughput"]).toMatchObject({ pass: false, measured: "497 orders/s" });
    expect(results["end-to-end vs raw-Kafka ceiling"]).toMatchObject({ pass: false, measured: "25% (497 / 2000)" });
  });

  it("reads accept latency at the 500/s step", () => {
    expect(results["accept latency at 500/s"]).toMatchObject({ pass: true, measured: "p99 30 ms" });
  });

  it("wants every probe delivered within 100 ms to 1,000 streams", () => {
    expect(results["balcony-to-browser with 1,000 clients"]?.pass).toBe(true);
    expect(results["event streams in one web process"]).toMatchObject({ pass: false, measured: "1000" });
  });

  it("fails the accept target when 500/s was never run", () => {
    const r = reportFixture();
    r.e2e.steps = r.e2e.steps.filter((s) => s.rate !== 500);
    expect(evaluateTargets(r).find((t) => t.name === "accept latency at 500/s")).toMatchObject({
      pass: false,
      measured: "500/s not reached",
    });
  });
});

describe("evaluateSanity", () => {
  it("passes a run whose every part produced figures", () => {
    expect(evaluateSanity(reportFixture()).filter((c) => !c.pass)).toEqual([]);
  });

  it("fails when a probe went missing", () => {
    const r = reportFixture();
    r.sse.latency.probe = { ...r.sse.latency.probe, received: 4999 };
    expect(evaluateSanity(r).find((c) => c.name === "every balcony probe reaches its browser")?.pass).toBe(false);
  });
});
