import type { CpuUse } from "../profile/cpu-sampler";
import type { KafkaCeilingResult, SaturateResult } from "../load/load-protocol";
import type { Machine } from "../system/machine";
import type { E2eResult } from "../phases/run-e2e";
import type { ConnectCost, SseResult } from "../phases/run-sse";

/** Everything one run measured: what is written as JSON, and what the table and targets are made from. */
export type BenchReport = {
  runId: string;
  mode: "full" | "smoke";
  startedAt: string;
  finishedAt: string;
  durationS: number;
  machine: Machine;
  stack: "local" | "external";
  e2e: E2eResult;
  sse: SseResult;
  /** One stream start at a time again, after the ladder filled the database. */
  connectCostAfter: ConnectCost;
  ceilings: {
    kafka: KafkaCeilingResult & { cpu: CpuUse };
    http: SaturateResult & { cpu: CpuUse };
    /** The product's accept path under the same saturation as the bare server (workers and projector running). */
    productAccept: SaturateResult & { cpu: CpuUse };
  };
  /** Our e2e figure over each ceiling. */
  ratios: { e2eOverKafka: number; e2eOverHttp: number; acceptOverHttp: number };
  targets: TargetResult[];
  sanity: TargetResult[];
  profiles?: { process: string; file: string; top: string[] }[];
  notes: string[];
};

export type TargetResult = { name: string; target: string; measured: string; pass: boolean };
