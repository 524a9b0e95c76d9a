import { afterEach, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { DeadLetter } from "@bakery/shared/events";
import { connectMongo } from "@bakery/shared/mongo";
import type { CompletionDoc } from "@bakery/shared/station/outcomes";
import { startBakery, type Bakery } from "./harness/bakery";
import { waitFor } from "./harness/wait-for";

let bakery: Bakery | undefined;
afterEach(async () => {
  await bakery?.close();
  bakery = undefined;
});

async function kitchenCompletions(env: Record<string, string>, orderIds: string[]) {
  const { client, db } = await connectMongo(env.MONGODB_URL!, env.KITCHEN_DB!);
  try {
    return await db
      .collection<CompletionDoc>("completions")
      .find({ orderId: { $in: orderIds } })
      .toArray();
  } finally {
    await client.close();
  }
}

async function groupMembers(env: Record<string, string>, groupId: string) {
  const admin = new Kafka({ brokers: env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return group?.state === "Stable" ? group.members.length : 0;
  } finally {
    await admin.disconnect();
  }
}

describe("failures the saga survives", () => {
  it("sets poison messages aside on the dead-letter topic while good orders keep flowing", async () => {
    bakery = await startBakery();
    const env = bakery.env;
    const kafka = new Kafka({ brokers: env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const envelope = (data: object) =>
      JSON.stringify({
        id: `poison-${Math.random()}`,
        type: "ItemOrdered",
        version: 1,
        occurredAt: new Date().toISOString(),
        orderId: "poison",
        data,
      });
    await producer.send({
      topic: env.TOPIC_FOODS!,
      messages: [
        { key: "poison", value: "this is not json" },
        { key: "poison", value: envelope({ itemId: "poison.1", menuItemId: 99, name: "Ghost", station: "KITCHEN" }) },
        { key: "poison", value: envelope({ itemId: "poison.2", menuItemId: 2, name: "Coca", station: "BAR" }) },
      ],
    });
    await producer.send({
      topic: env.TOPIC_BALCONY!,
      messages: [{ key: "poison", value: JSON.stringify({ type: "ItemReady", orderId: "poison" }) }],
    });
    await producer.disconnect();

    const good = await bakery.placeOrder([
      { menuItemId: 5, quantity: 1 },
      { menuItemId: 8, quantity: 1 },
    ]);
    await bakery.untilReady(good.id);

    const letters: DeadLetter[] = [];
    const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: env.TOPIC_DEAD_LETTERS!, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void letters.push(DeadLetter.parse(JSON.parse(message.value!.toString()))),
    });
    await waitFor("three dead letters", async () => letters.length >= 3);
    await consumer.disconnect();
    const reasons = letters.map((letter) => `${letter.topic}: ${letter.reason}`).sort();
    expect(reasons).toEqual(
      [
        `${env.TOPIC_BALCONY}: schema: id Invalid input: expected string, received undefined`,
        `${env.TOPIC_FOODS}: foreign: meant for BAR`,
        `${env.TOPIC_FOODS}: not JSON`,
      ].sort(),
    );
    expect(letters.find((letter) => letter.reason === "not JSON")?.value).toBe("this is not json");
  });

  it("resumes a worker's unfinished items after kill -9, preparing none twice", async () => {
    bakery = await startBakery({ env: { PREP_TIME_SCALE: "0.5" } });
    // Three tarts (4 s each at this scale) keep all three cooks busy; the hot dog (0.5 s) waits, then finishes.
    const placed = await bakery.placeOrder([
      { menuItemId: 6, quantity: 3 },
      { menuItemId: 5, quantity: 1 },
      { menuItemId: 8, quantity: 1 },
    ]);
    await waitFor("tarts in preparation", async () => {
      const view = await bakery!.web.order(placed.id);
      return view.items.filter((item) => item.menuItemId === 6 && item.status === "PREPARING").length === 3;
    });
    const kitchen = bakery.workers[0]!;
    await kitchen.stop("SIGKILL");
    const beforeRestart = await bakery.web.order(placed.id);
    expect(
      beforeRestart.items.filter((item) => item.station === "KITCHEN").every((item) => item.status !== "READY"),
    ).toBe(true);

    bakery.startWorker("kitchen");
    const ready = await bakery.untilReady(placed.id, 90_000);
    expect(ready.items.every((item) => item.status === "READY")).toBe(true);
    const completions = await kitchenCompletions(bakery.env, [placed.id]);
    expect(completions.map((doc) => doc._id).sort()).toEqual(
      ready.items
        .filter((item) => item.station === "KITCHEN")
        .map((item) => item.itemId)
        .sort(),
    );
    for (const item of ready.items)
      expect(ready.timeline.filter((entry) => entry.itemId === item.itemId && entry.type === "ItemReady")).toHaveLength(
        1,
      );
  });

  it("lets two kitchen workers share the load, each item prepared exactly once", async () => {
    bakery = await startBakery({ kitchens: 2 });
    await waitFor(
      "both kitchen workers in the group",
      async () => (await groupMembers(bakery!.env, bakery!.env.KITCHEN_GROUP_ID!)) === 2,
      60_000,
      500,
    );
    const orders = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        bakery!.placeOrder(
          [
            { menuItemId: 5, quantity: 1 },
            { menuItemId: 7, quantity: 1 },
          ],
          `guest ${i}`,
        ),
      ),
    );
    const ready = await Promise.all(orders.map((order) => bakery!.untilReady(order.id)));
    const completions = await kitchenCompletions(
      bakery.env,
      orders.map((order) => order.id),
    );
    expect(completions).toHaveLength(48);
    expect(new Set(completions.map((doc) => doc._id)).size).toBe(48);
    expect(new Set(completions.map((doc) => doc.worker)).size).toBe(2);
    for (const view of ready) expect(view.timeline.filter((entry) => entry.type === "ItemReady")).toHaveLength(2);
  });
});
