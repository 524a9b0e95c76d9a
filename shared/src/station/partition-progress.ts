/**
 * Which offset a partition may commit. Items finish out of order (several hands, different
 * preparation times), and an offset may only be committed once every message before it has
 * had its durable effect, so the commit point is the lowest offset still in progress.
 * Pure bookkeeping; offsets are Kafka's decimal strings, kept as bigint.
 */
export function createPartitionProgress() {
  const partitions = new Map<number, { inProgress: Set<bigint>; next: bigint | null; committed: bigint | null }>();
  const of = (partition: number) => {
    let state = partitions.get(partition);
    if (!state) {
      state = { inProgress: new Set(), next: null, committed: null };
      partitions.set(partition, state);
    }
    return state;
  };

  return {
    /** A message was taken in; it counts as in progress until `finish`. */
    begin(partition: number, offset: string): void {
      const state = of(partition);
      const value = BigInt(offset);
      state.inProgress.add(value);
      if (state.next === null || value + 1n > state.next) state.next = value + 1n;
    },
    finish(partition: number, offset: string): void {
      partitions.get(partition)?.inProgress.delete(BigInt(offset));
    },
    /** Offsets to commit now: per partition, the lowest in progress, else one past the last seen. */
    committable(): { partition: number; offset: string }[] {
      const result: { partition: number; offset: string }[] = [];
      for (const [partition, state] of partitions) {
        if (state.next === null) continue;
        let point = state.next;
        for (const offset of state.inProgress) if (offset < point) point = offset;
        if (state.committed !== null && point <= state.committed) continue;
        result.push({ partition, offset: point.toString() });
      }
      return result;
    },
    markCommitted(partition: number, offset: string): void {
      const state = partitions.get(partition);
      if (state) state.committed = BigInt(offset);
    },
    /** Partitions that went to another consumer: what they had in progress is that consumer's now. */
    keepOnly(owns: (partition: number) => boolean): void {
      for (const partition of [...partitions.keys()]) if (!owns(partition)) partitions.delete(partition);
    },
  };
}
