/** What one run does; `--smoke` is the same run, smaller, for a quick sanity check. */
export type BenchPlan = {
  mode: "full" | "smoke";
  warmup: { rate: number; durationMs: number };
  /** Arrival rates tried in order until one is not sustained. */
  rates: number[];
  /** Seconds into each step at which a `top -b -n1` snapshot is saved next to the logs. */
  topAfterMs: number;
  stepMs: number;
  drainMs: number;
  /** Time allowed for an overloaded step's backlog to clear before the next scenario. */
  settleMs: number;
  streams: {
    /** Orders the customers watch; few, because every stream start reads the order and its events (see the report). */
    orders: number;
    concurrency: number;
    /** The whole stream phase stops starting connects after this. */
    budgetMs: number;
    latencyClients: number;
    latencyProbe: { rate: number; durationMs: number; waitMs: number };
    /** Stream counts after the latency stage, towards the capacity goal. */
    stages: number[];
    stageProbe: { rate: number; durationMs: number; waitMs: number };
    limits: { maxProbeP99Ms: number; maxRssMb: number; maxFailShare: number };
  };
  kafkaCeiling: { window: number; warmMs: number; durationMs: number };
  httpCeiling: { concurrency: number; warmMs: number; durationMs: number };
  connections: number;
  profile: boolean;
};

export const FULL_PLAN: BenchPlan = {
  mode: "full",
  warmup: { rate: 10, durationMs: 4_000 },
  rates: [10, 25, 50, 100, 200, 400, 500, 800, 1200, 1600, 2000, 2400, 3200],
  topAfterMs: 6_000,
  stepMs: 10_000,
  drainMs: 10_000,
  settleMs: 60_000,
  streams: {
    orders: 20,
    concurrency: 16,
    budgetMs: 300_000,
    latencyClients: 1_000,
    latencyProbe: { rate: 10, durationMs: 10_000, waitMs: 5_000 },
    stages: [2_500, 5_000, 7_500, 10_000],
    stageProbe: { rate: 20, durationMs: 1_000, waitMs: 5_000 },
    limits: { maxProbeP99Ms: 1_000, maxRssMb: 4_096, maxFailShare: 0.01 },
  },
  kafkaCeiling: { window: 2_000, warmMs: 4_000, durationMs: 10_000 },
  httpCeiling: { concurrency: 64, warmMs: 2_000, durationMs: 8_000 },
  connections: 256,
  profile: false,
};

export const SMOKE_PLAN: BenchPlan = {
  mode: "smoke",
  warmup: { rate: 20, durationMs: 2_000 },
  rates: [20],
  topAfterMs: 3_000,
  stepMs: 5_000,
  drainMs: 10_000,
  settleMs: 15_000,
  streams: {
    orders: 5,
    concurrency: 8,
    budgetMs: 30_000,
    latencyClients: 50,
    latencyProbe: { rate: 10, durationMs: 2_000, waitMs: 5_000 },
    stages: [],
    stageProbe: { rate: 10, durationMs: 1_000, waitMs: 5_000 },
    limits: { maxProbeP99Ms: 5_000, maxRssMb: 4_096, maxFailShare: 0 },
  },
  kafkaCeiling: { window: 50, warmMs: 2_000, durationMs: 3_000 },
  httpCeiling: { concurrency: 8, warmMs: 1_000, durationMs: 3_000 },
  connections: 32,
  profile: false,
};

/** `--smoke` picks the small plan; `--profile` adds --cpu-prof to the apps. Anything else is an error. */
export function planFromArgs(args: readonly string[]): BenchPlan {
  const unknown = args.filter((arg) => arg !== "--smoke" && arg !== "--profile");
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(" ")} (use --smoke, --profile)`);
  const base = args.includes("--smoke") ? SMOKE_PLAN : FULL_PLAN;
  return { ...base, profile: args.includes("--profile") };
}
