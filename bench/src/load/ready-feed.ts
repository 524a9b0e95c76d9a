import type { Kafka } from "kafkajs";

const READY_MARK = Buffer.from('"type":"ItemReady"');

/**
 * Follows a topic of order events in a consumer group of its own, from its end, and
 * reports every ItemReady (order id, item id). Other messages are skipped before any
 * JSON is parsed: at a few thousand messages a second that saves the generator's CPU.
 */
export async function startReadyFeed(opts: {
  kafka: Kafka;
  topic: string;
  groupId: string;
  onItemReady: (orderId: string, itemId: string) => void;
}) {
  const consumer = opts.kafka.consumer({
    groupId: opts.groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: opts.topic, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  let messages = 0;
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        messages++;
        if (!message.value || message.value.indexOf(READY_MARK) < 0) continue;
        try {
          const event = JSON.parse(message.value.toString("utf8")) as { orderId?: string; data?: { itemId?: string } };
          if (event.orderId && event.data?.itemId) opts.onItemReady(event.orderId, event.data.itemId);
        } catch {
          // not ours to judge: a malformed message is the product's dead-letter business
        }
      }
    },
  });
  await joined;
  return {
    messages: () => messages,
    stop: () => consumer.disconnect(),
  };
}
