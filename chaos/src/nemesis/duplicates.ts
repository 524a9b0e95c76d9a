import type { Kafka, KafkaMessage } from "kafkajs";

/**
 * Fault 7: produces again the last `count` messages of `topic` that `groupId` has already
 * consumed (spread over the partitions), with their keys, values and headers, as a producer
 * retry or an operator's replay would. Returns how many were produced again.
 */
export async function reproduceConsumed(opts: {
  kafka: Kafka;
  topic: string;
  groupId: string;
  count: number;
  readerGroupId: string;
  timeoutMs: number;
}): Promise<number> {
  const admin = opts.kafka.admin();
  await admin.connect();
  let ranges: Map<number, { start: bigint; end: bigint }>;
  try {
    const [committed] = await admin.fetchOffsets({ groupId: opts.groupId, topics: [opts.topic] });
    const lows = new Map((await admin.fetchTopicOffsets(opts.topic)).map((p) => [p.partition, BigInt(p.low)]));
    const partitions = committed?.partitions.filter((p) => BigInt(p.offset) > 0n) ?? [];
    const each = BigInt(Math.ceil(opts.count / Math.max(1, partitions.length)));
    ranges = new Map(
      partitions.map((p) => {
        const end = BigInt(p.offset);
        const low = lows.get(p.partition) ?? 0n;
        return [p.partition, { start: end - each > low ? end - each : low, end }];
      }),
    );
  } finally {
    await admin.disconnect();
  }
  // A topic with nothing consumed yet has nothing to repeat.
  if (ranges.size === 0) return 0;

  const found = new Map<string, KafkaMessage>();
  const done = new Set<number>();
  const consumer = opts.kafka.consumer({ groupId: opts.readerGroupId, maxWaitTimeInMs: 200 });
  let finished: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => (finished = resolve));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const [partition, range] of ranges)
        consumer.seek({ topic: opts.topic, partition, offset: range.start.toString() });
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = ranges.get(batch.partition);
        if (!range) return;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset >= range.start && offset < range.end) found.set(`${batch.partition}/${message.offset}`, message);
          if (offset >= range.end - 1n) done.add(batch.partition);
        }
        if (done.size === ranges.size) finished();
      },
    });
    await Promise.race([allRead, new Promise((resolve) => setTimeout(resolve, opts.timeoutMs))]);
  } finally {
    await consumer.disconnect();
  }

  const producer = opts.kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: opts.topic,
      acks: -1,
      messages: [...found.values()].map((message) => ({
        key: message.key,
        value: message.value,
        ...(message.headers ? { headers: message.headers } : {}),
      })),
    });
  } finally {
    await producer.disconnect();
  }
  return found.size;
}
