import type { Admin } from "kafkajs";

/**
 * Creates `station-control` with ONE partition (every worker of a station folds the same
 * history of commands, in one order), unless it exists. Waits for its leader itself: the
 * broker can answer "unknown topic" for a moment after creating it, which kafkajs's own
 * wait for leaders does not retry.
 */
export async function ensureControlTopic(admin: Admin, topic: string): Promise<void> {
  if ((await admin.listTopics()).includes(topic)) return;
  await admin
    .createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] })
    .catch((err: unknown) => {
      // Another process created it first.
      if (!(err instanceof Error && /already exists/i.test(err.message))) throw err;
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    if (metadata?.topics[0]?.partitions.every((partition) => partition.leader >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`topic without a leader after 10 s: ${topic}`);
}
