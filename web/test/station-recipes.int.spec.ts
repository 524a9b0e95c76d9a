import { afterAll, describe, expect, it } from "vitest";
import { Kafka, logLevel } from "kafkajs";
import { connectMongo } from "@bakery/shared/mongo";
import { sagaEnv } from "./harness/saga-env";
import { stableGroupMembers } from "./harness/kafka-group";
import { waitFor } from "./harness/wait-for";
import { startWorker, type WorkerProcess } from "./harness/worker-process";

const env = sagaEnv();
let kitchen: WorkerProcess | undefined;
afterAll(async () => kitchen?.stop());

describe("a station's recipes", () => {
  it("prepares an item whose recipe was added after the worker started", async () => {
    kitchen = startWorker("kitchen", env);
    await waitFor(
      "the kitchen in its group",
      async () => (await stableGroupMembers(env.KAFKA_BROKERS!, env.KITCHEN_GROUP_ID!)) === 1,
      60_000,
      250,
    );
    const { client, db } = await connectMongo(env.MONGODB_URL!, env.KITCHEN_DB!);
    try {
      // An operator (or a newer release's seed) adds a recipe the running worker has not read.
      await db.collection("recipes").insertOne({ _id: 42 as never, id: 42, name: "Pão de queijo", prepSeconds: 1 });
      const producer = new Kafka({ brokers: env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING }).producer();
      await producer.connect();
      await producer.send({
        topic: env.TOPIC_FOODS!,
        messages: [
          {
            key: "late-recipe",
            value: JSON.stringify({
              id: "late-recipe.1.ordered",
              type: "ItemOrdered",
              version: 1,
              occurredAt: new Date().toISOString(),
              orderId: "late-recipe",
              data: { itemId: "late-recipe.1", menuItemId: 42, name: "Pão de queijo", station: "KITCHEN" },
            }),
          },
        ],
      });
      await producer.disconnect();
      const done = await waitFor(
        "the new item prepared",
        async () => (await db.collection("completions").findOne({ _id: "late-recipe.1" as never })) ?? undefined,
        30_000,
        200,
      );
      expect(done.menuItemId).toBe(42);
    } finally {
      await client.close();
    }
  });
});
