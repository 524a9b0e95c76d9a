import type { BenchPlan } from "./bench-plan";
import type { CpuSampler, CpuUse } from "../profile/cpu-sampler";
import type { SettleResult, StepResult } from "../load/load-protocol";
import type { LoadProcess } from "../load/load-process";

export type MeasuredStep = StepResult & {
  cpu: CpuUse;
  /** Orders in the waiter database when the step began; shown so a slower step can be told apart from a bigger database. */
  ordersBefore: number;
  /** Run after the ladder stopped, only to measure accept latency at the target's rate. */
  extra: boolean;
};
export type E2eResult = {
  steps: MeasuredStep[];
  /** READY/s of the highest arrival rate that was sustained (0 when none was). */
  sustainedRate: number;
  sustainedStep?: number;
  /** The most READY/s seen in any step, overloaded ones included. */
  peakReadyRate: number;
  settle: SettleResult;
  ordersAfter: number;
};

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");
/** The target on accept latency is set at this rate: it is measured even when the ladder stopped below it. */
export const ACCEPT_TARGET_RATE = 500;

export function stepLine(r: StepResult, cpu: CpuUse): string {
  const cores = ["web", "kitchen", "bar", "kafka", "ferretdb", "load", "other"]
    .map((k) => `${k} ${(cpu[k] ?? 0).toFixed(2)}`)
    .join(" ");
  return `e2e ${String(r.rate).padStart(5)}/s: READY ${fmt(r.readyRate)}/s, accept p50/p99 ${fmt(r.accept.p50)}/${fmt(r.accept.p99)} ms, e2e p50/p99 ${fmt(r.e2e.p50)}/${fmt(r.e2e.p99)} ms, backlog max ${r.backlogMax}, ${r.failed} failed -> ${r.verdict.sustained ? "sustained" : `NOT sustained (${r.verdict.reason})`} | cores: ${cores}`;
}

/**
 * Open-loop steps at rising arrival rates until one is not sustained, the backlog then
 * let to clear; if the ladder stopped below ACCEPT_TARGET_RATE, one more step there.
 */
export async function runLadder(deps: {
  load: LoadProcess;
  plan: BenchPlan;
  cpu: CpuSampler;
  step: (line: string) => void;
  ordersInDb: number;
  snapshot: (name: string) => void;
}): Promise<E2eResult> {
  const { plan, load } = deps;
  let orders = deps.ordersInDb;
  deps.step(`e2e warm-up: ${plan.warmup.rate}/s for ${plan.warmup.durationMs / 1000}s (not reported)`);
  orders += (
    await load.run("step", { rate: plan.warmup.rate, durationMs: plan.warmup.durationMs, drainMs: plan.drainMs })
  ).accepted;
  const steps: MeasuredStep[] = [];
  const runStep = async (rate: number, extra: boolean) => {
    const mark = deps.cpu.mark();
    const timer = setTimeout(() => deps.snapshot(`top-${rate}${extra ? "-extra" : ""}.txt`), plan.topAfterMs);
    const result = await load
      .run("step", { rate, durationMs: plan.stepMs, drainMs: plan.drainMs })
      .finally(() => clearTimeout(timer));
    const measured: MeasuredStep = { ...result, cpu: deps.cpu.since(mark), ordersBefore: orders, extra };
    orders += result.accepted;
    steps.push(measured);
    deps.step(`${stepLine(result, measured.cpu)}${extra ? " [extra step for the accept target]" : ""}`);
    return measured;
  };
  for (const rate of plan.rates) if (!(await runStep(rate, false)).verdict.sustained) break;
  let settle = await settleBacklog(deps, plan.settleMs);
  const reached = steps.some((s) => s.rate === ACCEPT_TARGET_RATE);
  if (!reached && plan.rates.includes(ACCEPT_TARGET_RATE)) {
    await runStep(ACCEPT_TARGET_RATE, true);
    settle = await settleBacklog(deps, plan.settleMs);
  }
  const sustained = steps.filter((s) => s.verdict.sustained && !s.extra);
  const best = sustained.at(-1);
  return {
    steps,
    sustainedRate: best?.readyRate ?? 0,
    ...(best ? { sustainedStep: best.rate } : {}),
    peakReadyRate: Math.max(0, ...steps.map((s) => s.readyRate)),
    settle,
    ordersAfter: orders,
  };
}

async function settleBacklog(
  deps: { load: LoadProcess; step: (line: string) => void },
  timeoutMs: number,
): Promise<SettleResult> {
  const settle = await deps.load.run("settle", { timeoutMs });
  if (settle.waiting > 0)
    deps.step(
      `  backlog still ${settle.waiting} orders after ${(settle.tookMs / 1000).toFixed(0)}s; what follows is measured beside it`,
    );
  else if (settle.tookMs > 1000) deps.step(`  backlog cleared in ${(settle.tookMs / 1000).toFixed(1)}s`);
  return settle;
}
