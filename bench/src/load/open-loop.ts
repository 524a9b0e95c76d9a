import { setTimeout as sleep } from "node:timers/promises";

/** When request `index` is due, in ms after the start, at `rate` per second. */
export const scheduledOffsetMs = (index: number, rate: number): number => (index * 1000) / rate;

/** How many requests should have been sent `elapsedMs` after the start (the first one at 0). */
export const dueCount = (elapsedMs: number, rate: number, total: number): number =>
  Math.max(0, Math.min(total, Math.floor((elapsedMs * rate) / 1000) + 1));

/**
 * Open-loop arrivals: request i is due at start + i/rate whatever happened to the
 * earlier ones, and is handed its scheduled time so latency is measured from when it
 * should have gone (no coordinated omission). A late timer sends the overdue ones at once.
 * Ends after `durationMs` worth of requests, or earlier when `shouldStop` says so.
 */
export async function runOpenLoop(opts: {
  rate: number;
  durationMs: number;
  now: () => number;
  fire: (scheduledAt: number, index: number) => void;
  shouldStop?: () => boolean;
}): Promise<{ fired: number; startedAt: number }> {
  const total = Math.round((opts.rate * opts.durationMs) / 1000);
  const startedAt = opts.now();
  let fired = 0;
  while (fired < total) {
    if (opts.shouldStop?.()) break;
    const due = dueCount(opts.now() - startedAt, opts.rate, total);
    for (; fired < due; fired++) opts.fire(startedAt + scheduledOffsetMs(fired, opts.rate), fired);
    if (fired < total)
      await sleep(Math.max(0, Math.min(5, startedAt + scheduledOffsetMs(fired, opts.rate) - opts.now())));
  }
  return { fired, startedAt };
}
