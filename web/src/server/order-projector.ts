import type { EachBatchPayload, Kafka } from "kafkajs";
import { isOrderEvent, OrderEvent, StationEvent } from "@bakery/shared/events";
import { decodeMessage, type Publisher } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";
import { insertNew } from "@bakery/shared/mongo";
import type { Topics } from "@bakery/shared/topics";
import { watchConsumer } from "./consumer-health";
import type { OrderEventDoc, WaiterCollections } from "./waiter-db";

/** Within the consumer's heartbeat interval (1 s), well inside any session timeout. */
const HEARTBEAT_EVERY_MS = 1000;

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
  /** The failure half's work on a stored batch (station news, decision deadlines); awaited before the commit. */
  afterBatch?: (events: readonly StationEvent[]) => Promise<void>;
}) {
  const consumer = deps.kafka.consumer({
    groupId: deps.groupId,
    sessionTimeout: deps.sessionTimeoutMs,
    rebalanceTimeout: deps.sessionTimeoutMs,
    heartbeatInterval: 1000,
  });
  const health = watchConsumer(consumer, "order projector");
  await consumer.connect();
  await consumer.subscribe({ topic: deps.topics.balcony, fromBeginning: true });
  await consumer.run({
    // Partitions in parallel (each still in order), so their inserts and relays share batches.
    partitionsConsumedConcurrently: deps.partitions,
    eachBatch: async ({ batch, heartbeat }) => {
      // A batch may take longer than the session (a database slowed by an outage's backlog):
      // without heartbeats meanwhile the group drops this member, its commit fails and the
      // batch comes back, to be redone again and again. So it says it is alive while it works.
      const alive = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
      try {
        await project(batch);
      } finally {
        clearInterval(alive);
      }
    },
  });
  return { state: health.state, stop: () => consumer.disconnect() };

  async function project(batch: EachBatchPayload["batch"]): Promise<void> {
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
    await recordOrderEvents(deps, events.filter(isOrderEvent));
    await deps.afterBatch?.(events);
  }
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
