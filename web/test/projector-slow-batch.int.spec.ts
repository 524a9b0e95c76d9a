import { afterAll, describe, expect, it } from "vitest";
import type { MongoClient } from "mongodb";
import { itemQueuedEvent, type StationEvent } from "@bakery/shared/events";
import { createKafka, createPublisher, ensureTopics } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { connectMongo } from "@bakery/shared/mongo";
import { topicsFromEnv } from "@bakery/shared/env";
import { startOrderProjector } from "@/server/order-projector";
import { waiterCollections } from "@/server/waiter-db";
import { sagaEnv } from "./harness/saga-env";
import { waitFor } from "./harness/wait-for";

const env = sagaEnv();
const log = createLogger("error", { service: "test" });
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

// npm run chaos: after an outage the waiter's database was slow, a projector batch took longer
// than the session timeout, the group dropped the member, its commit failed and the batch came
// back, again and again: the projector redid the same events for minutes and orders waited.
describe("the order projector with a batch slower than its session", () => {
  it("keeps its place in the group and handles each event once", async () => {
    const topics = topicsFromEnv({
      TOPIC_FOODS: env.TOPIC_FOODS!,
      TOPIC_DRINKS: env.TOPIC_DRINKS!,
      TOPIC_BALCONY: env.TOPIC_BALCONY!,
      TOPIC_ORDER_UPDATES: env.TOPIC_ORDER_UPDATES!,
      TOPIC_DEAD_LETTERS: env.TOPIC_DEAD_LETTERS!,
      TOPIC_STATION_CONTROL: env.TOPIC_STATION_CONTROL!,
    });
    const kafka = createKafka({ brokers: env.KAFKA_BROKERS!.split(","), clientId: "slow-projector", log });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topics.balcony, topics.orderUpdates, topics.deadLetters], 1);
    await admin.disconnect();
    const { client, db }: { client: MongoClient; db: ReturnType<MongoClient["db"]> } = await connectMongo(
      env.MONGODB_URL!,
      env.WAITER_DB!,
    );
    closers.push(() => client.close());
    const producer = kafka.producer();
    await producer.connect();
    closers.push(() => producer.disconnect());
    const publisher = createPublisher(producer);

    const events = Array.from({ length: 20 }, (_, i) =>
      itemQueuedEvent(
        { itemId: `slow${i}.1`, orderId: `slow${i}`, menuItemId: 5, name: "Hot Dog", station: "KITCHEN" },
        Date.now(),
        { expectedReadyAt: Date.now() + 1000, position: 0 },
      ),
    );
    await producer.send({
      topic: topics.balcony,
      messages: events.map((e) => ({ key: e.orderId, value: JSON.stringify(e) })),
    });

    // The first batch's own work outlasts the 6 s session, as a stalled database's would.
    const handled: string[] = [];
    let calls = 0;
    const projector = await startOrderProjector({
      kafka,
      groupId: env.WAITER_GROUP_ID!,
      sessionTimeoutMs: 6_000,
      partitions: 1,
      c: waiterCollections(db),
      publisher,
      topics,
      log,
      afterBatch: async (batch: readonly StationEvent[]) => {
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 9_000));
        handled.push(...batch.map((event) => event.id));
      },
    });
    closers.push(() => projector.stop());

    await waitFor("every event handled", async () => new Set(handled).size === events.length, 60_000, 200);
    // Long enough for a dropped member to rejoin and be handed the same batch again.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(handled).toHaveLength(events.length);
  });
});
