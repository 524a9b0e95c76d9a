import type { BenchReport } from "./bench-report";
import { summarize } from "./percentiles";

/** A small, complete report for the rendering and target tests. */
export function reportFixture(overrides: Partial<BenchReport> = {}): BenchReport {
  const lat = summarize([5, 10, 40]);
  const step = (rate: number, sustained: boolean, readyRate: number) => ({
    rate,
    durationMs: 10_000,
    sent: rate * 10,
    accepted: rate * 10,
    failed: 0,
    errors: {},
    accept: summarize([3, 4, 30]),
    sendLag: summarize([0, 1]),
    e2e: summarize([50, 80, 200]),
    readyRate,
    backlogSlope: 0,
    backlogMax: 12,
    drained: true,
    drainMs: 200,
    abandoned: false,
    verdict: sustained ? { sustained: true, reason: "ok" } : { sustained: false, reason: "backlog grows 80/s" },
    cpu: { web: 0.8, kitchen: 0.2, bar: 0.2, kafka: 0.3, ferretdb: 0.4, load: 0.1, other: 0, machine: 2 },
    ordersBefore: 100,
    extra: false,
  });
  const probe = { injected: 100, expected: 5000, received: 5000, latency: lat, held: 1000 };
  const cpu = { web: 0.1, machine: 0.1 };
  return {
    runId: "bench-20260101-000000-abcd",
    mode: "full",
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:08:00.000Z",
    durationS: 480,
    machine: {
      cores: 2,
      cpuModel: "Test CPU",
      memoryGiB: 24,
      node: "v20.20.2",
      kafka: "4.1.1",
      ferretdb: "1.24.2",
      fdLimit: { soft: 20000, hard: 20000 },
      kernel: "6.1",
    },
    stack: "local",
    e2e: {
      steps: [step(400, true, 398), step(500, true, 497), step(800, false, 610)],
      sustainedRate: 497,
      sustainedStep: 500,
      peakReadyRate: 610,
      settle: { waiting: 0, tookMs: 900 },
      ordersAfter: 17_000,
    },
    sse: {
      orderIds: ["a", "b"],
      latency: { clients: 1000, held: 1000, probe, connect: lat, cpu },
      capacity: {
        stages: [
          {
            target: 1000,
            held: 1000,
            attempted: 1000,
            failed: 0,
            connect: lat,
            connectRate: 60,
            probe,
            rssKb: 300_000,
            ok: true,
            note: "ok",
          },
        ],
        maxHeld: 1000,
        rssBeforeKb: 200_000,
        rssAtMaxKb: 300_000,
        perClientKb: 100,
        stopReason: "time budget (240s) spent",
        cpu,
      },
      connectCostFresh: { ordersInDb: 20, connect: lat },
    },
    connectCostAfter: { ordersInDb: 17_000, connect: summarize([900, 1200]) },
    ceilings: {
      kafka: { throughput: 2000, completed: 20_000, sent: 22_000, e2e: lat, cpu },
      http: { throughput: 900, accepted: 7200, failed: 0, errors: {}, accept: lat, cpu },
      productAccept: { throughput: 300, accepted: 2400, failed: 0, errors: {}, accept: lat, cpu },
    },
    ratios: { e2eOverKafka: 497 / 2000, e2eOverHttp: 497 / 900, acceptOverHttp: 300 / 900 },
    targets: [],
    sanity: [],
    notes: ["a note"],
    ...overrides,
  };
}
