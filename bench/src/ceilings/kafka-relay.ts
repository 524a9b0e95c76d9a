/**
 * A relay process of the raw-Kafka ceiling: `station` plays a kitchen or bar (each
 * ItemOrdered in -> ItemQueued, ItemStarted, ItemReady out), `projector` plays the web's
 * projector (each balcony message relayed to order-updates). No database, no zod, one
 * sendBatch (acks = all) per consumed batch.
 * Usage: tsx kafka-relay.ts <station|projector> <brokers> <group> <input topic> <output topic>
 */
import { Kafka, logLevel } from "kafkajs";
import type { ItemOrdered } from "@bakery/shared/events";
import { stationEventsOf } from "./raw-messages";

async function main(): Promise<void> {
  const [role, brokers, groupId, input, output] = process.argv.slice(2);
  if ((role !== "station" && role !== "projector") || !brokers || !groupId || !input || !output)
    throw new Error("usage: kafka-relay.ts <station|projector> <brokers> <group> <input> <output>");
  const kafka = new Kafka({ clientId: `bench-relay-${role}`, brokers: brokers.split(","), logLevel: logLevel.WARN });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: input, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const messages: { key: string; value: string }[] = [];
      for (const message of batch.messages) {
        if (!message.value) continue;
        const key = message.key?.toString("utf8") ?? "";
        if (role === "projector") {
          messages.push({ key, value: message.value.toString("utf8") });
          continue;
        }
        const ordered = JSON.parse(message.value.toString("utf8")) as ItemOrdered;
        for (const value of stationEventsOf(ordered, Date.now())) messages.push({ key, value });
      }
      if (messages.length > 0) await producer.sendBatch({ acks: -1, topicMessages: [{ topic: output, messages }] });
    },
  });
  process.stdout.write(`relay ${role} ${input} -> ${output} running\n`);
  const stop = async () => {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`relay failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
