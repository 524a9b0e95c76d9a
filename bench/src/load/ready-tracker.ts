export type Completion = { orderId: string; sentAt: number; readyAt: number };

type Entry = { expected?: number; sentAt?: number; ready: Set<string>; lastReadyAt: number };

/**
 * Knows which orders are READY: an order is placed with its number of items, and each
 * ItemReady seen adds its item. ItemReady may arrive before the 201 is read (the saga is
 * that fast), so early items are kept until the order is placed. Repeats are harmless.
 * Times are whatever clock the caller passes (performance.now() in the load generator).
 */
export function createReadyTracker(onComplete: (completion: Completion) => void = () => undefined) {
  const orders = new Map<string, Entry>();
  let placedCount = 0;
  let completed = 0;

  function check(orderId: string, entry: Entry): void {
    if (entry.expected === undefined || entry.sentAt === undefined || entry.ready.size < entry.expected) return;
    orders.delete(orderId);
    completed++;
    onComplete({ orderId, sentAt: entry.sentAt, readyAt: entry.lastReadyAt });
  }

  return {
    placed(orderId: string, items: number, sentAt: number): void {
      const entry = orders.get(orderId) ?? { ready: new Set<string>(), lastReadyAt: 0 };
      entry.expected = items;
      entry.sentAt = sentAt;
      orders.set(orderId, entry);
      placedCount++;
      check(orderId, entry);
    },
    itemReady(orderId: string, itemId: string, at: number): void {
      const entry = orders.get(orderId) ?? { ready: new Set<string>(), lastReadyAt: 0 };
      if (entry.ready.has(itemId)) return;
      entry.ready.add(itemId);
      entry.lastReadyAt = Math.max(entry.lastReadyAt, at);
      orders.set(orderId, entry);
      check(orderId, entry);
    },
    /** Orders placed and not READY yet. */
    get waiting(): number {
      return placedCount - completed;
    },
    get completed(): number {
      return completed;
    },
    /** Forgets everything, e.g. between steps; ready items of unknown orders go too. */
    reset(): void {
      orders.clear();
      placedCount = 0;
      completed = 0;
    },
  };
}
export type ReadyTracker = ReturnType<typeof createReadyTracker>;
