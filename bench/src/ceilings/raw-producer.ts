import type { Producer } from "kafkajs";
import { createMicroBatcher } from "@bakery/shared/micro-batcher";

export type RawMessage = { topic: string; key: string; value: string };

/**
 * kafkajs with nothing on top but the product's batching: whatever is added while a
 * batch is in flight goes out as the next sendBatch, acks = all.
 */
export function createRawSender(producer: Producer) {
  const batcher = createMicroBatcher<RawMessage, void>(async (messages) => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const { topic, key, value } of messages) {
      const list = byTopic.get(topic) ?? [];
      list.push({ key, value });
      byTopic.set(topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
    return messages.map(() => undefined);
  });
  return { send: (message: RawMessage) => batcher.add(message) };
}
