import { randomBytes } from "node:crypto";

/** Also used by the readiness check, which waits for every partition's coordinator. */
export const OFFSETS_TOPIC_PARTITIONS = 6;

export type KafkaServerPropertiesInput = {
  port: number;
  controllerPort: number;
  logDirs: string;
};

/**
 * A single-node KRaft cluster (one process is broker and controller) on 127.0.0.1,
 * tuned for development and tests rather than durability:
 * - replication factor and min ISR 1 for the internal topics, or they could never be created;
 * - `group.initial.rebalance.delay.ms=0`: a consumer joining a group starts at once
 *   instead of after the default 3 s, which matters in tests that restart consumers;
 * - 6 partitions per topic by default and for `__consumer_offsets` (default 50),
 *   so the first group join does not wait for 50 partitions to be created;
 * - broker session 4 s (default 9 s), heartbeat 1 s: after a crash or SIGKILL the restarted
 *   broker waits for its previous session to expire before it serves; this cut that restart
 *   from ~12 s to ~5 s. the broker heartbeats to the controller in its own JVM, so a short session is safe enough;
 * - `auto.create.topics.enable=true` (Kafka's default) is kept on purpose: a worker
 *   that produces or subscribes before anyone created the topic still works locally.
 *   Code must not depend on it: topics it needs are created explicitly with their partition count.
 */
export function renderKafkaServerProperties(input: KafkaServerPropertiesInput): string {
  const host = "127.0.0.1";
  const settings: Record<string, string | number | boolean> = {
    "process.roles": "broker,controller",
    "node.id": 1,
    "controller.quorum.voters": `1@${host}:${input.controllerPort}`,
    listeners: `PLAINTEXT://${host}:${input.port},CONTROLLER://${host}:${input.controllerPort}`,
    "advertised.listeners": `PLAINTEXT://${host}:${input.port}`,
    "inter.broker.listener.name": "PLAINTEXT",
    "controller.listener.names": "CONTROLLER",
    "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
    "log.dirs": input.logDirs,
    "num.partitions": 6,
    "default.replication.factor": 1,
    "min.insync.replicas": 1,
    "auto.create.topics.enable": true,
    "offsets.topic.replication.factor": 1,
    "offsets.topic.num.partitions": OFFSETS_TOPIC_PARTITIONS,
    "transaction.state.log.replication.factor": 1,
    "transaction.state.log.min.isr": 1,
    "share.coordinator.state.topic.replication.factor": 1,
    "share.coordinator.state.topic.min.isr": 1,
    "group.initial.rebalance.delay.ms": 0,
    "broker.session.timeout.ms": 4000,
    "broker.heartbeat.interval.ms": 1000,
  };
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${escapeValue(String(value))}`)
    .join("\n")}\n`;
}

/** Backslashes are escapes in .properties files; a Windows-ish or odd data path must survive. */
function escapeValue(value: string): string {
  return value.replace(/\\/g, "\\\\");
}

/**
 * A cluster id as `kafka-storage random-uuid` prints it: 16 random bytes in URL-safe
 * base64 without padding. Kafka rejects ids that start with '-' (they read as CLI flags).
 * Generating it here spares a JVM start (~1 s).
 */
export function randomKafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}
