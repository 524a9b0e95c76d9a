import { randomUUID } from "node:crypto";
import { Kafka, logLevel, type Producer } from "kafkajs";
import { StationEvent } from "@bakery/shared/events";
import { ensureTopics } from "@bakery/shared/kafka";
import type { Station } from "@bakery/shared/stations";
import { waitFor } from "./wait-for";

const at = () => new Date().toISOString();

/** Commands a test sends straight to a station, as the waiter and the staff routes would. */
export const commands = {
  itemOrdered: (orderId: string, itemId: string, menuItemId: number, name: string, station: Station = "KITCHEN") => ({
    key: orderId,
    value: JSON.stringify({
      id: `${itemId}.ordered`,
      type: "ItemOrdered",
      version: 1,
      occurredAt: at(),
      orderId,
      data: { itemId, menuItemId, name, station },
    }),
  }),
  withdrawal: (orderId: string, itemId: string, menuItemId: number, name: string, station: Station = "KITCHEN") => ({
    key: orderId,
    value: JSON.stringify({
      id: `${itemId}.withdrawal-requested`,
      type: "ItemWithdrawalRequested",
      version: 1,
      occurredAt: at(),
      orderId,
      data: { itemId, menuItemId, name, station, reason: "CUSTOMER_CANCELLED" },
    }),
  }),
  stockSet: (station: Station, menuItemId: number, portions: number | null) => ({
    key: station,
    value: JSON.stringify({
      id: randomUUID(),
      type: "StockSet",
      version: 1,
      occurredAt: at(),
      data: { station, menuItemId, portions },
    }),
  }),
  status: (station: Station, type: "StationPaused" | "StationResumed") => ({
    key: station,
    value: JSON.stringify({ id: randomUUID(), type, version: 1, occurredAt: at(), data: { station } }),
  }),
};

/** A producer for commands and a reader of everything the stations say on the balcony. */
export async function stationWire(env: Record<string, string>) {
  const kafka = new Kafka({ brokers: env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING });
  // A new topic's metadata can lag behind its creation for a moment: retry, as the stations do.
  await waitFor("the station topics", async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      // As the stations create it: one partition, so every worker folds the same history.
      await ensureTopics(admin, [env.TOPIC_STATION_CONTROL!], 1);
      await ensureTopics(admin, [env.TOPIC_FOODS!, env.TOPIC_BALCONY!], Number(env.TOPIC_PARTITIONS ?? 6));
      return true;
    } finally {
      await admin.disconnect();
    }
  });
  const producer: Producer = kafka.producer();
  await producer.connect();
  const heard: StationEvent[] = [];
  /** Which worker finished preparing which item (the `worker` header of an ItemReady marked `prepared`). */
  const preparations: { itemId: string; worker: string }[] = [];
  const consumer = kafka.consumer({ groupId: `balcony-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: env.TOPIC_BALCONY!, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const parsed = StationEvent.safeParse(JSON.parse(message.value?.toString() ?? "null"));
      if (!parsed.success) return;
      heard.push(parsed.data);
      if (parsed.data.type === "ItemReady" && message.headers?.prepared?.toString() === "1")
        preparations.push({ itemId: parsed.data.data.itemId, worker: String(message.headers.worker) });
    },
  });

  return {
    send: (topic: string, messages: { key: string; value: string }[]) => producer.send({ topic, messages }),
    heard: () => heard,
    /** Item events about one item, by type (each type once: repeats carry the same id). */
    about(itemId: string): Set<string> {
      return new Set(
        heard.filter((event) => "itemId" in event.data && event.data.itemId === itemId).map((event) => event.type),
      );
    },
    /** The workers that prepared an item to its end: more than one is a double effect. */
    preparedBy: (itemId: string): string[] => [
      ...new Set(preparations.filter((p) => p.itemId === itemId).map((p) => p.worker)),
    ],
    until: (what: string, probe: () => boolean, timeoutMs = 30_000) =>
      waitFor(what, async () => probe(), timeoutMs, 100),
    async close() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
export type StationWire = Awaited<ReturnType<typeof stationWire>>;
