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

const TOPICS_READY_WITHIN_MS = 60_000;

/**
 * Creates the topics that do not exist yet; all are keyed by order id, so per-order order
 * holds. Then waits until every partition of every topic answers (its leader serves
 * offsets), whoever created it: services starting together race to create the same
 * topics, and a topic created a moment ago lists as existing before its partitions are
 * served ("This server does not host this topic-partition", "not the leader"). Such
 * answers are retried for up to a minute instead of failing start-up.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const wanted = [...new Set(topics)];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  // Resolves false, not an error, for topics someone else created in between.
  if (missing.length > 0)
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  const deadline = Date.now() + TOPICS_READY_WITHIN_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      // Fetching metadata also refreshes the admin's view of the leaders before offsets are asked.
      const metadata = await admin.fetchTopicMetadata({ topics: wanted });
      const led = metadata.topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (led) {
        await Promise.all(wanted.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `topics not served within ${TOPICS_READY_WITHIN_MS / 1000} s: ${wanted.join(", ")} (${String(last)})`,
  );
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

type Outgoing = { topic: string; key: string; value: string; headers?: Record<string, string> };
export type Publisher = ReturnType<typeof createPublisher>;

/**
 * A producer front that validates every message before it leaves and sends what has
 * accumulated as one batch (kafkajs does no batching of its own).
 * Resolves once the broker has acknowledged (acks = all).
 */
export function createPublisher(producer: Producer) {
  const batcher = createMicroBatcher<Outgoing, void>(async (messages) => {
    const byTopic = new Map<string, Omit<Outgoing, "topic">[]>();
    for (const { topic, ...message } of messages) {
      const list = byTopic.get(topic) ?? [];
      list.push(message);
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
    /**
     * Validates each event with `schema`, then sends it keyed by its order id. `headers` say
     * who sent it (transport metadata, outside the event's schema).
     */
    publish<S extends z.ZodType<{ orderId: string }>>(
      topic: string,
      schema: S,
      events: readonly z.input<S>[],
      headers?: Record<string, string>,
    ): Promise<void> {
      return send(
        events.map((event) => {
          const valid = schema.parse(event);
          return { topic, key: valid.orderId, value: JSON.stringify(valid), ...(headers ? { headers } : {}) };
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
