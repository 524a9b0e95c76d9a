import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { createKafka, ensureTopics } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { sagaEnv } from "./harness/saga-env";

const env = sagaEnv();
const kafka = createKafka({
  brokers: env.KAFKA_BROKERS!.split(","),
  clientId: "fresh-topics",
  log: createLogger("silent"),
});

it("returns only once fresh topics, created a moment ago by another process, serve every partition", async () => {
  const [rival, admin] = [kafka.admin(), kafka.admin()];
  await Promise.all([rival.connect(), admin.connect()]);
  try {
    for (let round = 0; round < 3; round++) {
      const topics = Array.from({ length: 5 }, (_, i) => `fresh-${randomBytes(4).toString("hex")}-${i}`);
      // Another service (a worker starting at the same moment) has just created them, without waiting.
      await rival.createTopics({ waitForLeaders: false, topics: topics.map((topic) => ({ topic, numPartitions: 6 })) });
      await ensureTopics(admin, topics, 6);
      // What a consumer and a producer do first: ask each partition's leader for its offsets.
      for (const topic of topics) expect(await admin.fetchTopicOffsets(topic)).toHaveLength(6);
      await admin.deleteTopics({ topics });
    }
  } finally {
    await Promise.all([rival.disconnect(), admin.disconnect()]);
  }
});
