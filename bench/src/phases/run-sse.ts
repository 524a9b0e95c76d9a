import { performance } from "node:perf_hooks";
import type { BenchPlan } from "./bench-plan";
import type { CpuSampler, CpuUse } from "../profile/cpu-sampler";
import type { StreamsProbeResult } from "../load/load-protocol";
import type { LoadProcess } from "../load/load-process";
import type { Summary } from "../report/percentiles";
import { rssKbOf } from "../profile/proc-stats";
import { judgeStage, perStreamKb } from "./stream-stage";

export type StreamStage = {
  target: number;
  held: number;
  attempted: number;
  failed: number;
  connect: Summary;
  /** Streams connected per second in this stage. */
  connectRate: number;
  probe: StreamsProbeResult;
  rssKb: number;
  ok: boolean;
  note: string;
};
export type ConnectCost = { ordersInDb: number; connect: Summary };
export type SseResult = {
  orderIds: string[];
  /** The stage with `latencyClients` streams: the balcony-to-browser figure. */
  latency: { clients: number; held: number; probe: StreamsProbeResult; connect: Summary; cpu: CpuUse };
  capacity: {
    stages: StreamStage[];
    maxHeld: number;
    rssBeforeKb: number;
    rssAtMaxKb: number;
    perClientKb: number;
    stopReason: string;
    cpu: CpuUse;
  };
  /** One connect at a time, on the fresh database: what a single customer waits for the first snapshot. */
  connectCostFresh: ConnectCost;
};

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");

/** Serial connects (then closed): the cost of one stream's start, given the database as it is now. */
export async function measureConnectCost(
  load: LoadProcess,
  orderIds: string[],
  ordersInDb: number,
  count: number,
): Promise<ConnectCost> {
  const opened = await load.run("streamsOpen", { target: count, orderIds, concurrency: 1, budgetMs: 60_000 });
  await load.run("streamsClose", {});
  return { ordersInDb, connect: opened.connect };
}

/**
 * Customers watching their orders: a few orders are placed, then streams are opened in
 * stages on one web process. The first stage (1,000 streams) is the balcony-to-browser
 * latency test; the later ones ramp towards 10,000 with a probe burst and an RSS reading
 * each, until a stage is not held well or the phase's time budget is spent.
 */
export async function runSsePhases(deps: {
  load: LoadProcess;
  plan: BenchPlan;
  webPid: number;
  cpu: CpuSampler;
  step: (line: string) => void;
}): Promise<SseResult> {
  const { load, plan } = deps;
  const s = plan.streams;
  deps.step(
    `placing ${s.orders} orders for the customers' event streams (${Math.ceil(s.latencyClients / s.orders)}+ streams per order)`,
  );
  const placed = await load.run("placeOrders", { count: s.orders, concurrency: 4 });
  if (placed.orderIds.length === 0) throw new Error("no order could be placed for the event-stream tests");
  await load.run("settle", { timeoutMs: 5_000 });
  const connectCostFresh = await measureConnectCost(load, placed.orderIds, placed.orderIds.length, 10);
  deps.step(`  one stream at a time on a fresh database: connect p50 ${ms(connectCostFresh.connect.p50)} ms`);

  const rssBeforeKb = rssKbOf(deps.webPid);
  const deadline = performance.now() + s.budgetMs;
  const stages: StreamStage[] = [];
  let stopReason = "reached the last stage";
  let latency: SseResult["latency"] | undefined;
  const mark = deps.cpu.mark();
  try {
    for (const [index, target] of [s.latencyClients, ...s.stages].entries()) {
      const budgetMs = deadline - performance.now();
      if (budgetMs <= 0) {
        stopReason = `time budget (${s.budgetMs / 1000}s) spent`;
        break;
      }
      const stageMark = deps.cpu.mark();
      const opened = await load.run("streamsOpen", {
        target,
        orderIds: placed.orderIds,
        concurrency: s.concurrency,
        budgetMs,
      });
      const isLatency = index === 0;
      const probe = await load.run("streamsProbe", isLatency ? s.latencyProbe : s.stageProbe);
      const rssKb = rssKbOf(deps.webPid);
      const failed = Object.values(opened.failures).reduce((sum, n) => sum + n, 0);
      const verdict = judgeStage(
        {
          target,
          held: probe.held,
          attempted: opened.attempted,
          failed,
          outOfBudget: opened.outOfBudget,
          probe: probe.latency,
          expected: probe.expected,
          received: probe.received,
          rssKb,
        },
        s.limits,
      );
      const stage: StreamStage = {
        target,
        held: probe.held,
        attempted: opened.attempted,
        failed,
        connect: opened.connect,
        connectRate: opened.tookMs > 0 ? (opened.attempted / opened.tookMs) * 1000 : NaN,
        probe,
        rssKb,
        ...verdict,
      };
      stages.push(stage);
      if (isLatency)
        latency = { clients: target, held: probe.held, probe, connect: opened.connect, cpu: deps.cpu.since(stageMark) };
      deps.step(
        `  ${stage.held} streams${isLatency ? " (latency stage)" : ""}: connect p50/p99 ${ms(opened.connect.p50)}/${ms(opened.connect.p99)} ms at ${stage.connectRate.toFixed(0)}/s, ` +
          `probes ${probe.received}/${probe.expected} arrived, p50/p99 ${ms(probe.latency.p50)}/${ms(probe.latency.p99)} ms, web RSS ${(rssKb / 1024).toFixed(0)} MB -> ${stage.note}`,
      );
      if (!stage.ok || opened.outOfBudget) {
        stopReason = stage.ok ? stage.note : stage.note;
        break;
      }
    }
  } finally {
    await load.run("streamsClose", {});
  }
  const best = [...stages].reverse().find((stage) => stage.ok);
  const maxHeld = best?.held ?? 0;
  const rssAtMaxKb = best?.rssKb ?? rssBeforeKb;
  const capacity = {
    stages,
    maxHeld,
    rssBeforeKb,
    rssAtMaxKb,
    perClientKb: perStreamKb(rssBeforeKb, rssAtMaxKb, maxHeld),
    stopReason,
    cpu: deps.cpu.since(mark),
  };
  deps.step(
    `  held ${maxHeld} streams; ${Number.isFinite(capacity.perClientKb) ? `${capacity.perClientKb.toFixed(1)} KB RSS per stream` : "no per-stream memory figure"}; stopped: ${stopReason}`,
  );
  if (!latency) throw new Error("the latency stage did not run");
  return { orderIds: placed.orderIds, latency, capacity, connectCostFresh };
}
