import { randomUUID } from "node:crypto";
import { Kafka, logLevel, type Consumer, type Producer } from "kafkajs";
import { eventIds, type StationEvent } from "@bakery/shared/events";
import type { ItemView } from "@bakery/shared/order";
import { waitFor } from "./wait-for";

type Item = Pick<ItemView, "itemId" | "menuItemId" | "name" | "station">;
export type Seen = { topic: string; key: string | null; value: { type: string; id: string; data: unknown } };

/**
 * Plays a station for a test on the real broker: reports on the test's private balcony what
 * a station would (real Kafka messages, validated by the waiter like any other), and records
 * what the waiter sends to the stations (items, withdrawals, staff commands).
 */
export async function startStationStandIn(env: Record<string, string>) {
  const kafka = new Kafka({
    clientId: "station-stand-in",
    brokers: (env.KAFKA_BROKERS ?? "").split(","),
    logLevel: logLevel.NOTHING,
  });
  const producer: Producer = kafka.producer();
  await producer.connect();
  const consumer: Consumer = kafka.consumer({ groupId: `stand-in-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  const topics = [env.TOPIC_FOODS, env.TOPIC_DRINKS, env.TOPIC_STATION_CONTROL].filter((t): t is string => !!t);
  await consumer.subscribe({ topics, fromBeginning: true });
  const seen: Seen[] = [];
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      seen.push({
        topic,
        key: message.key?.toString() ?? null,
        value: JSON.parse(message.value?.toString() ?? "{}") as Seen["value"],
      });
    },
  });

  const ref = (item: Item) => ({
    itemId: item.itemId,
    menuItemId: item.menuItemId,
    name: item.name,
    station: item.station,
  });
  const envelope = (id: string, orderId: string, at: number) => ({
    id,
    version: 1 as const,
    occurredAt: new Date(at).toISOString(),
    orderId,
  });

  async function report(events: StationEvent[]): Promise<void> {
    await producer.send({
      topic: env.TOPIC_BALCONY ?? "",
      acks: -1,
      messages: events.map((event) => ({
        key: "orderId" in event ? event.orderId : event.data.station,
        value: JSON.stringify(event),
      })),
    });
  }

  return {
    seen,
    /** Waits until the waiter has sent a message of `type` about `itemId` (or matching `match`). */
    sent: (type: string, match: (value: Seen["value"]) => boolean) =>
      waitFor(`the waiter to send ${type}`, async () =>
        seen.find((message) => message.value.type === type && match(message.value)),
      ),
    queued: (orderId: string, item: Item, at = Date.now()) =>
      report([
        {
          ...envelope(eventIds.itemQueued(item.itemId), orderId, at),
          type: "ItemQueued",
          data: { ...ref(item), expectedReadyAt: new Date(at + 60_000).toISOString(), position: 0 },
        },
      ]),
    started: (orderId: string, item: Item, at = Date.now()) =>
      report([
        {
          ...envelope(eventIds.itemStarted(item.itemId), orderId, at),
          type: "ItemStarted",
          data: { ...ref(item), expectedReadyAt: new Date(at + 60_000).toISOString() },
        },
      ]),
    ready: (orderId: string, item: Item, at = Date.now()) =>
      report([{ ...envelope(eventIds.itemReady(item.itemId), orderId, at), type: "ItemReady", data: ref(item) }]),
    unavailable: (orderId: string, item: Item, at = Date.now()) =>
      report([
        {
          ...envelope(eventIds.itemUnavailable(item.itemId), orderId, at),
          type: "ItemUnavailable",
          data: { ...ref(item), reason: "SOLD_OUT" },
        },
      ]),
    withdrawn: (orderId: string, item: Item, reason: "CUSTOMER_CANCELLED" | "STAFF_CANCELLED") =>
      report([
        {
          ...envelope(eventIds.itemWithdrawn(item.itemId), orderId, Date.now()),
          type: "ItemWithdrawn",
          data: { ...ref(item), reason },
        },
      ]),
    refused: (orderId: string, item: Item, status: "PREPARING" | "READY") =>
      report([
        {
          ...envelope(eventIds.itemWithdrawalRefused(item.itemId), orderId, Date.now()),
          type: "ItemWithdrawalRefused",
          data: { ...ref(item), reason: "TOO_LATE", status },
        },
      ]),
    stock: (station: "KITCHEN" | "BAR", menuItemId: number, portions: number | null) =>
      report([
        {
          id: `${station}.test.${randomUUID()}`,
          type: "StockChanged",
          version: 1,
          occurredAt: new Date().toISOString(),
          data: { station, menuItemId, available: portions === null || portions > 0, portions },
        },
      ]),
    paused: (station: "KITCHEN" | "BAR", paused: boolean) =>
      report([
        {
          id: `${station}.test.${randomUUID()}`,
          type: "StationStatusChanged",
          version: 1,
          occurredAt: new Date().toISOString(),
          data: { station, paused },
        },
      ]),
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
export type StationStandIn = Awaited<ReturnType<typeof startStationStandIn>>;
