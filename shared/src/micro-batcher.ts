/**
 * Gathers the calls made while a batch is in flight (or within one tick) and runs them
 * as one: a single Kafka request or one insertMany instead of hundreds. One batch is in
 * flight at a time, so under load batches grow by themselves and latency stays one round trip.
 * While a batch hangs (Kafka down, kafkajs retrying) the queue is bounded: beyond
 * `maxPending` waiting calls, `add` fails at once, so callers fall back (the outbox sweeper)
 * instead of piling up work that all goes out, late and repeated, at recovery.
 */
export function createMicroBatcher<T, R>(
  run: (items: T[]) => Promise<R[]>,
  options: { maxBatch?: number; maxPending?: number } = {},
) {
  const maxBatch = options.maxBatch ?? 1000;
  const maxPending = options.maxPending ?? 10_000;
  const pending: { item: T; resolve: (result: R) => void; reject: (err: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, maxBatch);
        try {
          const results = await run(batch.map((entry) => entry.item));
          batch.forEach((entry, i) => entry.resolve(results[i] as R));
        } catch (err) {
          for (const entry of batch) entry.reject(err);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    add(item: T): Promise<R> {
      if (pending.length >= maxPending)
        return Promise.reject(new Error(`batcher full: ${pending.length} calls already waiting`));
      const result = new Promise<R>((resolve, reject) => pending.push({ item, resolve, reject }));
      queueMicrotask(() => void drain());
      return result;
    },
    get size(): number {
      return pending.length;
    },
  };
}
