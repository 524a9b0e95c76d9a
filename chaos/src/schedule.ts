import { FAULT_IDS, SERVER_FAULTS, type FaultId, type FaultPlan, type FaultWindow } from "./faults";
import { seededRandom, type SeededRandom } from "./seeded-random";

export type ScheduleMode = "full" | "medium" | "short";

export type Schedule = {
  mode: ScheduleMode;
  seed: number;
  /** Load before the first fault, and calm between windows (the system settles, recovery is measured). */
  warmupMs: number;
  calmMs: number;
  windows: FaultWindow[];
  /** Faults left out, and why (an external stack's servers are not ours to kill). */
  skipped: { fault: FaultId; why: string }[];
};

const SHAPE: Record<ScheduleMode, { warmupMs: number; calmMs: number; combos: number; comboSize: [number, number] }> = {
  full: { warmupMs: 10_000, calmMs: 10_000, combos: 4, comboSize: [2, 3] },
  medium: { warmupMs: 6_000, calmMs: 6_000, combos: 1, comboSize: [3, 3] },
  short: { warmupMs: 4_000, calmMs: 4_000, combos: 0, comboSize: [2, 2] },
};
/** What `npm test` runs: the faults of the stations' loop and of the database. */
export const SHORT_FAULTS: readonly FaultId[] = [1, 3, 5];

/**
 * The nemesis's plan from a seed: every fault alone (in a seeded order), then a few windows of
 * several at once. Pure: the same seed, mode and options give the same plan.
 */
export function planSchedule(opts: {
  seed: number;
  mode: ScheduleMode;
  /** Only these faults (default: all; the short mode's default is 1, 3 and 5). */
  faults?: readonly FaultId[];
  /** False on an external stack: faults 4 and 5 are skipped. */
  ownServers: boolean;
  sessionTimeoutMs: number;
}): Schedule {
  const rng = seededRandom(opts.seed);
  const shape = SHAPE[opts.mode];
  const wanted = opts.faults ?? (opts.mode === "short" ? SHORT_FAULTS : FAULT_IDS);
  const skipped = opts.ownServers
    ? []
    : wanted
        .filter((fault) => SERVER_FAULTS.includes(fault))
        .map((fault) => ({
          fault,
          why: "external stack (KAFKA_BROKERS and MONGODB_URL set): its servers are not ours",
        }));
  const allowed = wanted.filter((fault) => !skipped.some((s) => s.fault === fault));
  const order = opts.mode === "short" ? [...allowed] : rng.shuffle(allowed);
  const plan = (fault: FaultId, delayMs: number) => planFault(fault, delayMs, rng, opts.sessionTimeoutMs);

  const windows: FaultWindow[] = order.map((fault) => ({ name: String(fault), faults: [plan(fault, 0)] }));
  if (allowed.length >= 2)
    for (let i = 0; i < shape.combos; i++) {
      const size = Math.min(allowed.length, rng.int(...shape.comboSize));
      const faults = rng
        .shuffle(allowed)
        .slice(0, size)
        .sort((a, b) => a - b);
      windows.push({
        name: faults.join("+"),
        faults: faults.map((fault, j) => plan(fault, j === 0 ? 0 : rng.int(0, 3_000))),
      });
    }
  return { mode: opts.mode, seed: opts.seed, warmupMs: shape.warmupMs, calmMs: shape.calmMs, windows, skipped };
}

function planFault(fault: FaultId, delayMs: number, rng: SeededRandom, sessionTimeoutMs: number): FaultPlan {
  switch (fault) {
    case 1:
    case 2:
      return { fault, delayMs, downMs: rng.int(2_000, 5_000) };
    case 3:
      return {
        fault,
        delayMs,
        joinedMs: rng.int(3_000, 5_000),
        leftMs: rng.int(2_000, 4_000),
        downMs: rng.int(1_000, 3_000),
      };
    case 4:
      return { fault, delayMs, downMs: rng.int(3_000, 6_000) };
    case 5:
      return { fault, delayMs, downMs: 10_000 };
    case 6:
      return {
        fault,
        delayMs,
        station: rng.chance(0.5) ? "kitchen" : "bar",
        frozenMs: sessionTimeoutMs + rng.int(2_000, 4_000),
      };
    case 7:
      return { fault, delayMs, messages: rng.int(100, 300) };
  }
}
