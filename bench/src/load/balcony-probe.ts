import { randomBytes } from "node:crypto";
import type { Kafka } from "kafkajs";
import { ItemReady } from "@bakery/shared/events";
import { createPublisher } from "@bakery/shared/kafka";

/**
 * Balcony-to-browser probes: ItemReady events published on `balcony` exactly as a station
 * publishes them (same schema, same publisher, acks = all), for orders whose customers
 * are connected. Each probe has its own event id, so the projector stores and relays it
 * like any new event; the browsers that watch the order receive it as an `update`.
 * The send time of each probe is kept so a receiver can time its arrival.
 */
export async function createBalconyProbe(opts: { kafka: Kafka; topic: string; now: () => number }) {
  const producer = opts.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const publisher = createPublisher(producer);
  const prefix = `probe-${randomBytes(4).toString("hex")}-`;
  const sentAt = new Map<string, number>();
  let seq = 0;

  return {
    prefix,
    /** Publishes one probe for the order's first item (a Batata Frita, see BENCH_ORDER); resolves when acknowledged. */
    async send(orderId: string): Promise<string> {
      const id = `${prefix}${seq++}`;
      const at = opts.now();
      sentAt.set(id, at);
      await publisher.publish(opts.topic, ItemReady, [
        {
          id,
          type: "ItemReady",
          version: 1,
          occurredAt: new Date().toISOString(),
          orderId,
          data: { itemId: `${orderId}.1`, menuItemId: 1, name: "Batata Frita", station: "KITCHEN" },
        },
      ]);
      return id;
    },
    /** Milliseconds since probe `id` was sent, or undefined for anything that is not one of our probes. */
    age(id: string): number | undefined {
      const at = sentAt.get(id);
      return at === undefined ? undefined : opts.now() - at;
    },
    forget: () => sentAt.clear(),
    stop: () => producer.disconnect(),
  };
}
export type BalconyProbe = Awaited<ReturnType<typeof createBalconyProbe>>;

/** The probe id of an SSE `update`, read without parsing unless the message can be one. */
export function probeIdOf(data: string, prefix: string): string | undefined {
  if (!data.includes(prefix)) return undefined;
  try {
    const event = JSON.parse(data) as { id?: unknown };
    return typeof event.id === "string" && event.id.startsWith(prefix) ? event.id : undefined;
  } catch {
    return undefined;
  }
}
