import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeAndCommit, sleep, testKafka, uniqueName, values } from "./kafka-test-kit";
import { requireEnv } from "./require-env";

describe("kafka (KAFKA_BROKERS) with kafkajs", () => {
  const kafka = testKafka(requireEnv("KAFKA_BROKERS"));
  const admin = kafka.admin();
  const producer = kafka.producer();
  const topic = uniqueName("stack-int");
  const groupId = uniqueName("stack-int-group");

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  it("creates a topic with 6 partitions", async () => {
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(6);
  });

  it("delivers to a group, and a restarted member resumes from the committed offsets", async () => {
    const first = values(30, "before");
    await producer.send({ topic, messages: first });

    const consumerA = kafka.consumer({ groupId });
    await consumerA.connect();
    const gotA = await consumeAndCommit(consumerA, topic, first.length);
    await consumerA.disconnect();
    expect(gotA.map((m) => m.value).sort()).toEqual(first.map((m) => m.value).sort());
    expect(new Set(gotA.map((m) => m.partition)).size).toBeGreaterThan(1);

    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const total = committed[0]?.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(total).toBe(first.length);

    const later = values(10, "after");
    await producer.send({ topic, messages: later });

    // fromBeginning: true on purpose: only the group's committed offsets keep "before-*" away.
    const consumerB = kafka.consumer({ groupId });
    await consumerB.connect();
    try {
      const gotB = await consumeAndCommit(consumerB, topic, later.length);
      await sleep(1_000); // anything replayed from before the commit would show up here
      expect(gotB.map((m) => m.value).sort()).toEqual(later.map((m) => m.value).sort());
    } finally {
      await consumerB.disconnect();
    }
  });
});
