const MAX_RECHECK_MS = 5 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Outbox entries the sweeper found without their order. Such an entry is never deleted (its
 * order may still be stored, see order-dispatcher.ts), so it is looked at again, soon at
 * first and then less often: after as long as it has been waiting, up to five minutes. That
 * keeps a pile of entries that will never get an order (a crash between the two inserts)
 * from taking every sweep's places. Pure: the clock is passed in.
 */
export function createWaitingList(now: () => number) {
  const entries = new Map<string, { since: number; checkedAt: number }>();
  return {
    /** Ids to leave out of this sweep. */
    notDue(): string[] {
      const at = now();
      return [...entries]
        .filter(([, entry]) => at - entry.checkedAt < Math.min(MAX_RECHECK_MS, entry.checkedAt - entry.since))
        .map(([id]) => id);
    },
    /** The sweeper found this entry, and no order for it. */
    saw(id: string): void {
      const at = now();
      const since = entries.get(id)?.since ?? at;
      entries.delete(id);
      entries.set(id, { since, checkedAt: at });
      if (entries.size > MAX_REMEMBERED) entries.delete(entries.keys().next().value as string);
    },
    forget(id: string): void {
      entries.delete(id);
    },
    get size(): number {
      return entries.size;
    },
  };
}
