import { FAULT_NAMES, type FaultId } from "../faults";
import type { Schedule } from "../schedule";
import { runFault, type FaultContext, type FaultOutcome } from "./fault-actions";

export type WindowResult = {
  name: string;
  faults: FaultId[];
  startedAt: number;
  injectedAt: number;
  healedAt: number;
  /** When every order acknowledged before the heal was settled again and new orders were taken; absent if not within the limit. */
  recoveredAt?: number;
  notes: string[];
  down: NonNullable<FaultOutcome["down"]>[];
  /** A fault that could not be carried out (the run goes on; the report says so). */
  errors: string[];
};

/**
 * Runs the schedule during the load: each window's faults (together, each after its own
 * delay), then waits until the bakery has recovered (bounded), then a calm pause.
 */
export async function runNemesis(opts: {
  schedule: Schedule;
  ctx: FaultContext;
  /** Resolves with the time the bakery was whole again after `healedAt`, or undefined at the limit. */
  recovered: (healedAt: number) => Promise<number | undefined>;
  stopped: () => boolean;
}): Promise<WindowResult[]> {
  const { schedule, ctx } = opts;
  const results: WindowResult[] = [];
  await pause(schedule.warmupMs, opts.stopped);
  for (const [i, window] of schedule.windows.entries()) {
    if (opts.stopped()) break;
    const faults = window.faults.map((f) => f.fault);
    ctx.say(
      `fault window ${i + 1}/${schedule.windows.length}: ${faults.map((f) => `${f} (${FAULT_NAMES[f]})`).join(" + ")}`,
    );
    const startedAt = Date.now();
    const outcomes = await Promise.allSettled(window.faults.map((plan) => runFault(plan, ctx)));
    const done = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    errors.forEach((error) => ctx.say(`  could not carry out a fault: ${error}`));
    const healedAt = Math.max(startedAt, ...done.map((o) => o.healedAt));
    const recoveredAt = await opts.recovered(healedAt);
    ctx.say(
      recoveredAt === undefined
        ? "  NOT recovered within the limit"
        : `  recovered ${((recoveredAt - healedAt) / 1000).toFixed(1)} s after the heal`,
    );
    results.push({
      name: window.name,
      faults,
      startedAt,
      injectedAt: Math.min(...done.map((o) => o.injectedAt), healedAt),
      healedAt,
      ...(recoveredAt === undefined ? {} : { recoveredAt }),
      notes: done.flatMap((o) => o.notes),
      down: done.flatMap((o) => (o.down ? [o.down] : [])),
      errors,
    });
    await pause(schedule.calmMs, opts.stopped);
  }
  return results;
}

async function pause(ms: number, stopped: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !stopped())
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
}
