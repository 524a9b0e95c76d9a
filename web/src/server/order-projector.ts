import type { Kafka } from "kafkajs";
import { isOrderEvent, OrderEvent, StationEvent } from "@bakery/shared/events";
import { decodeMessage, type Publisher } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";
import { insertNew } from "@bakery/shared/mongo";
import type { Topics } from "@bakery/shared/topics";
import type { OrderEventDoc, WaiterCollections } from "./waiter-db";

/**
 * Writes what the stations report on the balcony into the orders' timelines, then tells
 * every web process through `order-updates`. One consumer group is shared by all web
 * processes, so each balcony message is stored once; offsets are committed only after
 * the batch is stored and relayed. Events are keyed by id: a redelivered one changes nothing.
 */
export async function startOrderProjector(deps: {
  kafka: Kafka;
  groupId: string;
  sessionTimeoutMs: number;
  partitions: number;
  c: WaiterCollections;
  publisher: Publisher;
  topics: Topics;
  log: Logger;
}) {
  const consumer = deps.kafka.consumer({
    groupId: deps.groupId,
    sessionTimeout: deps.sessionTimeoutMs,
    rebalanceTimeout: deps.sessionTimeoutMs,
    heartbeatInterval: 1000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: deps.topics.balcony, fromBeginning: true });
  await consumer.run({
    // Partitions in parallel (each still in order), so their inserts and relays share batches.
    partitionsConsumedConcurrently: deps.partitions,
    eachBatch: async ({ batch }) => {
      const events: StationEvent[] = [];
      for (const message of batch.messages) {
        const decoded = decodeMessage(StationEvent, message);
        if (decoded.ok) {
          events.push(decoded.value);
          continue;
        }
        deps.log.warn("balcony message set aside on the dead-letter topic", {
          reason: decoded.reason,
          partition: batch.partition,
          offset: message.offset,
        });
        await deps.publisher.deadLetter(deps.topics.deadLetters, {
          topic: batch.topic,
          partition: batch.partition,
          message,
          reason: decoded.reason,
          consumer: deps.groupId,
          at: Date.now(),
        });
      }
      // Station news (stock, pause) is not an order's: the failure half's menu and board fold it.
      await recordOrderEvents(deps, events.filter(isOrderEvent));
    },
  });
  return { stop: () => consumer.disconnect() };
}

/** Stores events (once each) and relays them to every web process. Also used for staff events. */
export async function recordOrderEvents(
  deps: { c: WaiterCollections; publisher: Publisher; topics: Topics },
  events: readonly OrderEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await insertNew<OrderEventDoc>(
    deps.c.orderEvents,
    events.map((event) => ({ _id: event.id, orderId: event.orderId, occurredAt: new Date(event.occurredAt), event })),
  );
  // Relayed even when already stored: a retried batch must still reach the browsers, which ignore repeats.
  await deps.publisher.publish(deps.topics.orderUpdates, OrderEvent, events);
}
