import type { Kafka, KafkaMessage } from "kafkajs";

/**
 * Reads a topic from its beginning up to its end as it is now, in a consumer group of its
 * own, handing every message to `onMessage`. For the checker, after the run.
 */
export async function readWholeTopic(opts: {
  kafka: Kafka;
  topic: string;
  groupId: string;
  onMessage: (message: KafkaMessage, partition: number) => void;
  timeoutMs?: number;
}): Promise<void> {
  const admin = opts.kafka.admin();
  await admin.connect();
  const ends = new Map(
    (await admin.fetchTopicOffsets(opts.topic))
      .filter((p) => BigInt(p.high) > BigInt(p.low))
      .map((p) => [p.partition, BigInt(p.high)]),
  );
  await admin.disconnect();
  if (ends.size === 0) return;
  const done = new Set<number>();
  let finished: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => (finished = resolve));
  const consumer = opts.kafka.consumer({ groupId: opts.groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = ends.get(batch.partition);
        if (end === undefined) return;
        for (const message of batch.messages) {
          if (BigInt(message.offset) >= end) break;
          opts.onMessage(message, batch.partition);
          if (BigInt(message.offset) + 1n >= end) done.add(batch.partition);
        }
        if (done.size === ends.size) finished();
      },
    });
    const limit = opts.timeoutMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      allRead.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), limit))),
    ]);
    clearTimeout(timer);
    if (timedOut) throw new Error(`could not read ${opts.topic} to its end within ${limit / 1000} s`);
  } finally {
    await consumer.disconnect();
  }
}
