import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKafka, type KafkaHandle } from "../src/kafka/kafka-broker";
import { createStackLog } from "../src/log";
import { freePort } from "../src/free-port";
import { consumeAndCommit, testKafka, uniqueName, values } from "./kafka-test-kit";

/**
 * Tests elsewhere stop Kafka mid-run and start it again on the same ports and data dir.
 * This proves that cycle with a broker of its own (not the shared KAFKA_BROKERS one).
 */
describe("startKafka stopped and started again on the same ports and data dir", () => {
  const log = createStackLog("kafka-restart-test", "warn");
  let dataDir: string;
  let ports: { port: number; controllerPort: number };
  let broker: KafkaHandle | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "kafka-restart-"));
    ports = { port: await freePort(), controllerPort: await freePort() };
  }, 120_000);
  afterAll(async () => {
    await broker?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("keeps topics, messages and committed offsets", async () => {
    broker = await startKafka({ ...ports, dataDir, log });
    const topic = uniqueName("restart");
    const groupId = uniqueName("restart-group");
    const before = values(12, "before");
    const after = values(5, "after");

    let kafka = testKafka(broker.brokers);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: before });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumeAndCommit(consumer, topic, before.length);
    await consumer.disconnect();

    await broker.stop();
    broker = await startKafka({ ...ports, dataDir, log });
    expect(broker.brokers).toBe(`127.0.0.1:${ports.port}`);

    kafka = testKafka(broker.brokers);
    const producerAgain = kafka.producer();
    await producerAgain.connect();
    await producerAgain.send({ topic, messages: after });
    await producerAgain.disconnect();

    const resumed = kafka.consumer({ groupId });
    await resumed.connect();
    const gotResumed = await consumeAndCommit(resumed, topic, after.length);
    await resumed.disconnect();
    expect(gotResumed.map((m) => m.value).sort()).toEqual(after.map((m) => m.value).sort());

    const fresh = kafka.consumer({ groupId: uniqueName("restart-fresh") });
    await fresh.connect();
    const everything = await consumeAndCommit(fresh, topic, before.length + after.length);
    await fresh.disconnect();
    expect(everything).toHaveLength(before.length + after.length);
  }, 180_000);
});
