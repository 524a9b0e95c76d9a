import { isFaultId, type FaultId } from "./faults";
import type { ScheduleMode } from "./schedule";

export type ChaosOptions = {
  seed: number;
  /** Orders per second, steady. */
  rate: number;
  mode: ScheduleMode;
  /** Only these faults (`--faults 1,6`), for repeating one finding. */
  faults?: FaultId[];
  /** Customers' browsers following orders over server-sent events for the whole run. */
  browsers: number;
};

export const USAGE = `usage: npm run chaos -- [--medium | --short] [--seed N] [--rate N] [--faults 1,3,5] [--browsers N]
  --medium      a shorter schedule (every fault alone, one window of three at once)
  --short       faults 1, 3 and 5 alone (what npm test runs)
  --seed N      the schedule's and the client's seed (default: random, printed)
  --rate N      orders per second (default 30)
  --faults L    only these faults (1-7, comma-separated)
  --browsers N  customers following orders over SSE (default 4)`;

/** Parses `npm run chaos -- ...`; throws with the usage on anything it does not know. */
export function parseChaosArgs(argv: readonly string[], randomSeed: () => number): ChaosOptions {
  const options: ChaosOptions = { seed: randomSeed(), rate: 30, mode: "full", browsers: 4 };
  const number = (flag: string, raw: string | undefined, min: number, max: number): number => {
    const value = Number(raw);
    if (raw === undefined || !Number.isInteger(value) || value < min || value > max)
      throw new Error(`${flag} needs a whole number from ${min} to ${max}, got ${raw ?? "nothing"}\n${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--medium" || arg === "--short") options.mode = arg === "--medium" ? "medium" : "short";
    else if (arg === "--seed") options.seed = number(arg, argv[++i], 0, 2 ** 32 - 1);
    else if (arg === "--rate") options.rate = number(arg, argv[++i], 1, 1000);
    else if (arg === "--browsers") options.browsers = number(arg, argv[++i], 0, 100);
    else if (arg === "--faults") {
      const list = (argv[++i] ?? "").split(",").map(Number);
      if (list.length === 0 || !list.every(isFaultId)) throw new Error(`--faults needs numbers 1-7\n${USAGE}`);
      options.faults = [...new Set(list)] as FaultId[];
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return options;
}
