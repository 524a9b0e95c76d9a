import type { Consumer } from "kafkajs";

export type ConsumerState = { name: string; running: boolean; reason?: string };

/**
 * Follows a Kafka consumer's own events, so /api/health can say whether it still runs. A
 * crash kafkajs restarts by itself is a hiccup; a crash without restart, a stop or a
 * disconnect leaves the consumer dead until the process restarts.
 */
export function watchConsumer(consumer: Consumer, name: string): { state(): ConsumerState } {
  let state: ConsumerState = { name, running: true };
  consumer.on(consumer.events.GROUP_JOIN, () => (state = { name, running: true }));
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) state = { name, running: false, reason: `crashed: ${payload.error.message}` };
  });
  consumer.on(consumer.events.STOP, () => (state = { name, running: false, reason: "stopped" }));
  consumer.on(consumer.events.DISCONNECT, () => (state = { name, running: false, reason: "disconnected" }));
  return { state: () => state };
}
