import { randomUUID } from "node:crypto";
import kafkajs, { type Consumer, type KafkaMessage } from "kafkajs";

const { Kafka, logLevel } = kafkajs;

export function testKafka(brokers: string) {
  return new Kafka({ clientId: "stack-int-test", brokers: brokers.split(","), logLevel: logLevel.WARN });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export type Received = {
  partition: number;
  offset: string;
  value: string;
};

/**
 * Runs `consumer` and resolves with what it received once `count` messages arrived,
 * committing each offset explicitly so the test controls exactly what is committed.
 */
export async function consumeAndCommit(
  consumer: Consumer,
  topic: string,
  count: number,
  timeoutMs = 30_000,
): Promise<Received[]> {
  const received: Received[] = [];
  let done!: () => void;
  const enough = new Promise<void>((resolve) => (done = resolve));
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
      received.push({ partition, offset: message.offset, value: message.value?.toString() ?? "" });
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      if (received.length >= count) done();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`received ${received.length} of ${count} messages within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  await Promise.race([enough, timeout]).finally(() => clearTimeout(timer));
  return received;
}

export function values(count: number, prefix: string): { key: string; value: string }[] {
  return Array.from({ length: count }, (_, i) => ({ key: `k${i % 7}`, value: `${prefix}-${i}` }));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
