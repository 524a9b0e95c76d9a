import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Kafka } from "kafkajs";
import { OrderUpdate } from "@bakery/shared/events";
import { decodeMessage } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";

export type OrderFeed = {
  /** Calls `listener` for every order update (all orders when orderId is "*"); returns the unsubscribe. */
  subscribe(orderId: string, listener: (event: OrderUpdate) => void): () => void;
  /** Open subscriptions: all of them, or those of one order ("*" for the staff streams). */
  listeners(orderId?: string): number;
  stop(): Promise<void>;
};

/**
 * This process's view of `order-updates`: every web process reads the whole topic in a
 * group of its own, so an update reaches a browser whichever process it is connected to.
 * The group commits nothing: a new process starts at the end, and its browsers begin
 * from a snapshot read from the database.
 */
export async function startOrderFeed(deps: { kafka: Kafka; topic: string; log: Logger }): Promise<OrderFeed> {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let listeners = 0;
  const consumer = deps.kafka.consumer({
    groupId: `waiter-feed-${randomUUID()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: deps.topic, fromBeginning: false });
  // Resolves once the group is joined, so start-up completes only when updates flow.
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const decoded = decodeMessage(OrderUpdate, message);
        if (!decoded.ok) {
          deps.log.debug("ignored an order update", { reason: decoded.reason });
          continue;
        }
        if ("orderId" in decoded.value) bus.emit(decoded.value.orderId, decoded.value);
        bus.emit("*", decoded.value);
      }
    },
  });
  await joined;

  return {
    subscribe(orderId, listener) {
      bus.on(orderId, listener);
      listeners++;
      return () => {
        bus.off(orderId, listener);
        listeners--;
      };
    },
    listeners: (orderId) => (orderId === undefined ? listeners : bus.listenerCount(orderId)),
    stop: () => consumer.disconnect(),
  };
}
