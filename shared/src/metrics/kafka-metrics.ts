import type { Admin, Kafka } from "kafkajs";
import { Gauge, type Registry } from "prom-client";
import type { Logger } from "../logger";

/** Lag per group and partition: the topic's end offset minus what the group committed. */
export function consumerLag(
  ends: readonly { partition: number; offset: string }[],
  committed: readonly { partition: number; offset: string }[],
): { partition: number; lag: number }[] {
  const done = new Map(committed.map(({ partition, offset }) => [partition, Number(offset)]));
  return ends.map(({ partition, offset }) => {
    const end = Number(offset);
    const at = done.get(partition) ?? -1;
    // -1: nothing committed yet, so everything up to the end is still to be read.
    return { partition, lag: Math.max(0, end - Math.max(at, 0)) };
  });
}

/**
 * Gauges read from Kafka at scrape time, so nothing on the hot path counts them: the lag of
 * this process's consumer groups, and how many messages were set aside as dead letters.
 */
export function registerKafkaMetrics(
  registry: Registry,
  deps: { kafka: Kafka; groups: readonly { groupId: string; topic: string }[]; deadLetterTopic: string; log: Logger },
): { stop(): Promise<void> } {
  let admin: Promise<Admin> | undefined;
  const connected = () =>
    (admin ??= (async () => {
      const client = deps.kafka.admin();
      await client.connect();
      return client;
    })().catch((err: unknown) => {
      admin = undefined;
      throw err;
    }));

  new Gauge({
    name: "bakery_kafka_consumer_lag",
    help: "Messages not yet committed by a consumer group, per topic and partition",
    labelNames: ["group", "topic", "partition"],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const client = await connected();
        for (const { groupId, topic } of deps.groups) {
          const [ends, [committed]] = await Promise.all([
            client.fetchTopicOffsets(topic),
            client.fetchOffsets({ groupId, topics: [topic] }),
          ]);
          for (const { partition, lag } of consumerLag(ends, committed?.partitions ?? []))
            this.set({ group: groupId, topic, partition: String(partition) }, lag);
        }
      } catch (err) {
        deps.log.debug("consumer lag not available", { err });
      }
    },
  });

  new Gauge({
    name: "bakery_dead_letters",
    help: "Messages set aside on the dead-letter topic (all consumers)",
    registers: [registry],
    async collect() {
      try {
        const ends = await (await connected()).fetchTopicOffsets(deps.deadLetterTopic);
        this.set(ends.reduce((sum, { offset }) => sum + Number(offset), 0));
      } catch (err) {
        deps.log.debug("dead-letter count not available", { err });
      }
    },
  });

  return {
    async stop() {
      const client = await admin?.catch(() => undefined);
      admin = undefined;
      await client?.disconnect();
    },
  };
}
