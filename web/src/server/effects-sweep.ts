import type { Logger } from "@bakery/shared/logger";
import type { SagaDeps } from "./saga-deps";
import { runEffects } from "./saga-effects";

const SWEEP_EVERY_MS = 2000;
/** A pending record this old belongs to a request that stopped half-way (a crash). */
const ABANDONED_AFTER_MS = 5000;

/**
 * Finishes what a crash interrupted: a decision or cancellation that is stored but whose
 * effects were not recorded as done runs its effects again (they are harmless to repeat).
 * A pending record with no stored event lost its race or never got stored: nothing to do.
 */
export function startEffectsSweep(deps: SagaDeps & { log: Logger }, now: () => number = Date.now) {
  async function sweep(): Promise<number> {
    const pending = await deps.c.pendingEffects
      .find({ createdAt: { $lt: new Date(now() - ABANDONED_AFTER_MS) } })
      .limit(200)
      .toArray();
    let finished = 0;
    for (const { _id } of pending) {
      const [stored, done] = await Promise.all([
        deps.c.orderEvents.findOne({ _id }),
        deps.c.effectsDone.findOne({ _id }),
      ]);
      const step = stored?.event;
      if (!done && step && (step.type === "ItemDecided" || step.type === "OrderCancellationRequested")) {
        await runEffects(deps, step);
        finished++;
      } else await deps.c.pendingEffects.deleteOne({ _id });
    }
    if (finished > 0) deps.log.info("saga effects finished by the sweep", { finished });
    return finished;
  }

  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((err: unknown) => deps.log.warn("effects sweep failed; will retry", { err }))
      .finally(() => (sweeping = false));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
