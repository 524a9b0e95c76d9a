/** Java's String.hashCode, which Kafka uses to place a group in `__consumer_offsets`. */
export function javaStringHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The `__consumer_offsets` partition (hence coordinator shard) that owns `groupId`. */
export function offsetsPartitionFor(groupId: string, partitions: number): number {
  return (javaStringHashCode(groupId) & 0x7fffffff) % partitions;
}

/**
 * Group ids that land on every `__consumer_offsets` partition: describing them all
 * proves each coordinator shard has loaded, so the first real consumer does not meet
 * "The coordinator is loading" and restart.
 */
export function groupIdsCoveringAllPartitions(partitions: number, prefix = "bakery-stack-readiness"): string[] {
  const byPartition = new Map<number, string>();
  for (let i = 0; byPartition.size < partitions; i += 1) {
    const id = `${prefix}-${i}`;
    const partition = offsetsPartitionFor(id, partitions);
    if (!byPartition.has(partition)) byPartition.set(partition, id);
  }
  return [...byPartition.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
}
