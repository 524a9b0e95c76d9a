import { Kafka, logLevel as KafkaLogLevel, type Admin, type KafkaMessage, type Producer } from "kafkajs";
import type { z } from "zod";
import type { DeadLetter } from "./events";
import type { Logger } from "./logger";
import { createMicroBatcher } from "./micro-batcher";

const REPEAT_QUIET_MS = 10_000;

export function createKafka(options: { brokers: string[]; clientId: string; log: Logger }): Kafka {
  // kafkajs logs through our structured logger; during an outage it repeats the same
  // connection error many times a second, so a repeat is logged once per window.
  const lastSeen = new Map<string, number>();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }) => {
        const { message, timestamp: _timestamp, logger: _logger, stack: _stack, ...fields } = log;
        const key = `${namespace}:${message}`;
        const now = Date.now();
        if (now - (lastSeen.get(key) ?? 0) < REPEAT_QUIET_MS) return;
        lastSeen.set(key, now);
        // kafkajs reports at ERROR what it then retries by itself; what really fails reaches our code as a thrown error.
        options.log.warn(`kafkajs: ${message}`, { namespace, kafkajsLevel: level, ...fields });
      },
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/**
 * Creates the topics that do not exist yet; all are keyed by order id, so per-order order
 * holds. Several processes starting together race to create the same topics; the losers
 * wait, like the winner, until every partition has a leader, so nobody consumes too early.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const wanted = [...new Set(topics)];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
  });
  for (let attempt = 0; attempt < 50; attempt++) {
    const metadata = await admin.fetchTopicMetadata({ topics: missing }).catch(() => undefined);
    if (
      metadata?.topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`topics without leaders after 10 s: ${missing.join(", ")}`);
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses a consumed message against its schema; never throws, so one bad message cannot stop a partition. */
export function decodeMessage<S extends z.ZodType>(
  schema: S,
  message: Pick<KafkaMessage, "value">,
): Decoded<z.infer<S>> {
  if (!message.value) return { ok: false, reason: "empty message" };
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString("utf8"));
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `schema: ${issue ? `${issue.path.join(".") || "(root)"} ${issue.message}` : "invalid"}` };
}

type Outgoing = { topic: string; key: string; value: string };
export type Publisher = ReturnType<typeof createPublisher>;

/**
 * A producer front that validates every message before it leaves and sends what has
 * accumulated as one batch (kafkajs does no batching of its own).
 * Resolves once the broker has acknowledged (acks = all).
 */
export function createPublisher(producer: Producer) {
  const batcher = createMicroBatcher<Outgoing, void>(async (messages) => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const { topic, key, value } of messages) {
      const list = byTopic.get(topic) ?? [];
      list.push({ key, value });
      byTopic.set(topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
    return messages.map(() => undefined);
  });
  const send = (messages: Outgoing[]) =>
    Promise.all(messages.map((message) => batcher.add(message))).then(() => undefined);

  return {
    /** Validates each event with `schema`, then sends it keyed by its order id. */
    publish<S extends z.ZodType<{ orderId: string }>>(
      topic: string,
      schema: S,
      events: readonly z.input<S>[],
    ): Promise<void> {
      return send(
        events.map((event) => {
          const valid = schema.parse(event);
          return { topic, key: valid.orderId, value: JSON.stringify(valid) };
        }),
      );
    },
    /** Sets a consumed message aside on the dead-letter topic, with the reason and where it came from. */
    deadLetter(
      deadLetters: string,
      from: {
        topic: string;
        partition: number;
        message: Pick<KafkaMessage, "key" | "value" | "offset">;
        reason: string;
        consumer: string;
        at: number;
      },
    ): Promise<void> {
      const letter: DeadLetter = {
        topic: from.topic,
        partition: from.partition,
        offset: from.message.offset,
        key: from.message.key?.toString("utf8") ?? null,
        value: from.message.value?.toString("utf8") ?? null,
        reason: from.reason,
        consumer: from.consumer,
        failedAt: new Date(from.at).toISOString(),
      };
      return send([
        {
          topic: deadLetters,
          key: letter.key ?? `${letter.topic}/${letter.partition}/${letter.offset}`,
          value: JSON.stringify(letter),
        },
      ]);
    },
  };
}
