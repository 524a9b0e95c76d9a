import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import { OrderUpdate } from "@bakery/shared/events";
import { decodeMessage } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";
import { watchConsumer, type ConsumerState } from "./consumer-health";

export type OrderFeed = {
  /** Calls `listener` for every order update (all orders when orderId is "*"); returns the unsubscribe. */
  subscribe(orderId: string, listener: (event: OrderUpdate) => void): () => void;
  /** Calls `listener` for every update, as part of this process (not a stream: `listeners` does not count it). */
  follow(listener: (event: OrderUpdate) => void): () => void;
  /** Open subscriptions: all of them, or those of one order ("*" for the staff streams). */
  listeners(orderId?: string): number;
  /** Whether the feed's consumer still runs (for /api/health). */
  state(): ConsumerState;
  stop(): Promise<void>;
};

/**
 * This process's view of `order-updates`: every web process reads the whole topic in a
 * group of its own, so an update reaches a browser whichever process it is connected to.
 * The group commits nothing: a new process starts at the end, and its browsers begin
 * from a snapshot read from the database.
 */
/** Not an order id (those are base64url), so no update's orderId reaches the followers by mistake. */
const FOLLOWERS = "(followers)";

export async function startOrderFeed(deps: { kafka: Kafka; topic: string; log: Logger }): Promise<OrderFeed> {
  // A map of sets, not an EventEmitter: an order id is data from the topic, and EventEmitter
  // gives names such as "error" a meaning of its own (emitting it without a listener throws).
  const subscribers = new Map<string, Set<(event: OrderUpdate) => void>>();
  let listeners = 0;
  const notify = (key: string, update: OrderUpdate) => {
    for (const listener of subscribers.get(key) ?? []) {
      try {
        listener(update);
      } catch (err) {
        // One stream's failure must not stop the feed for every other stream.
        deps.log.warn("an order update listener failed", { err, key });
      }
    }
  };
  const consumer = deps.kafka.consumer({
    groupId: `waiter-feed-${randomUUID()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 100,
  });
  const health = watchConsumer(consumer, "order feed");
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
        if ("orderId" in decoded.value) notify(decoded.value.orderId, decoded.value);
        notify("*", decoded.value);
        notify(FOLLOWERS, decoded.value);
      }
    },
  });
  await joined;

  return {
    subscribe(orderId, listener) {
      // A wrapper per subscription, so subscribing the same function twice counts twice.
      const entry = (update: OrderUpdate) => listener(update);
      const set = subscribers.get(orderId) ?? new Set();
      subscribers.set(orderId, set.add(entry));
      listeners++;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (set.size === 0 && subscribers.get(orderId) === set) subscribers.delete(orderId);
        listeners--;
      };
    },
    follow(listener) {
      const set = subscribers.get(FOLLOWERS) ?? new Set();
      subscribers.set(FOLLOWERS, set.add(listener));
      return () => set.delete(listener);
    },
    listeners: (orderId) => (orderId === undefined ? listeners : (subscribers.get(orderId)?.size ?? 0)),
    state: health.state,
    stop: () => consumer.disconnect(),
  };
}
