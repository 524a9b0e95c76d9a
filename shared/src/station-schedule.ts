/**
 * ETA rules of a station: `hands` people work a first-in, first-out queue in parallel.
 * Each queued item starts when the earliest hand is free and is ready a preparation
 * time later. Pure: times are epoch milliseconds and `now` is passed in.
 */
export function scheduleQueue(input: {
  now: number;
  hands: number;
  /** Expected ready times of the items being prepared right now. */
  busyUntil: readonly number[];
  /** Preparation times, in queue order. */
  queued: readonly number[];
}): { startAt: number; readyAt: number }[] {
  const free = Array.from({ length: Math.max(1, input.hands) }, (_, i) =>
    Math.max(input.now, input.busyUntil[i] ?? input.now),
  );
  return input.queued.map((prepMs) => {
    const hand = indexOfMin(free);
    const startAt = free[hand] ?? input.now;
    const readyAt = startAt + prepMs;
    free[hand] = readyAt;
    return { startAt, readyAt };
  });
}

/** Preparation time in milliseconds for a recipe under PREP_TIME_SCALE (0 = instant). */
export const prepMs = (prepSeconds: number, scale: number): number => Math.round(prepSeconds * scale * 1000);

const indexOfMin = (values: readonly number[]): number =>
  values.reduce((best, value, i) => (value < (values[best] ?? Infinity) ? i : best), 0);
