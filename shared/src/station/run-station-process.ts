import { createKafka } from "../kafka";
import { createLogger } from "../logger";
import { connectMongo } from "../mongo";
import type { ItemType } from "../menu";
import type { Station } from "../stations";
import { topicsFromEnv, type commonEnvShape } from "../env";
import type { z } from "zod";
import { startStation } from "./station-loop";
import { createMetricsRegistry } from "../metrics/registry";
import { registerKafkaMetrics } from "../metrics/kafka-metrics";
import { serveMetrics } from "../metrics/metrics-server";
import { openWithRetry } from "../open-with-retry";
import { registerStationMetrics } from "../metrics/station-metrics";

/** Long enough to leave the group and disconnect, short enough for a deploy not to wait on a dead broker. */
const SHUTDOWN_LIMIT_MS = 20_000;

type CommonEnv = z.infer<z.ZodObject<typeof commonEnvShape>>;

/**
 * A station worker process: connect, run the station loop, stop cleanly on SIGTERM/SIGINT.
 * The kitchen and the bar differ only in the configuration they pass here.
 */
export function runStationProcess(options: {
  station: Station;
  itemType: ItemType;
  inputTopic: string;
  hands: number;
  dbName: string;
  groupId: string;
  /** Where `GET /metrics` is served; port 0 = no metrics endpoint. */
  metrics: { port: number; host: string };
  env: CommonEnv;
}) {
  const { env } = options;
  const log = createLogger(env.LOG_LEVEL, { service: options.groupId });

  /** Everything the station runs on; closes what it opened if it fails half-way. */
  async function open() {
    const { client, db } = await connectMongo(env.MONGODB_URL, options.dbName, {
      unreachableAfterMs: env.DEPENDENCY_TIMEOUT_MS,
      log,
    });
    try {
      const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID ?? options.groupId, log });
      const station = await startStation({
        station: options.station,
        itemType: options.itemType,
        inputTopic: options.inputTopic,
        topics: topicsFromEnv(env),
        groupId: options.groupId,
        hands: options.hands,
        prepTimeScale: env.PREP_TIME_SCALE,
        partitions: env.TOPIC_PARTITIONS,
        sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
        kafka,
        db,
        log,
      });
      return {
        kafka,
        station,
        async close() {
          await station.stop();
          await client.close();
        },
      };
    } catch (err) {
      await client.close().catch(() => undefined);
      throw err;
    }
  }

  async function main() {
    let closing = false;
    let stopMetrics = async () => {};
    // The database or Kafka may be down when the worker starts: it waits for them, it does not exit.
    const opening = openWithRetry({ what: "station", open, log });
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      log.info("shutting down", { signal });
      // Leaving the group is what lets another worker take the partitions at once; if the
      // broker is gone that cannot happen, and waiting longer than this would only delay the exit.
      setTimeout(() => {
        log.warn("shutdown took too long; exiting");
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS).unref();
      try {
        await stopMetrics();
        await opening.close();
        process.exit(0);
      } catch (err) {
        log.error("shutdown failed", { err: err instanceof Error ? err : new Error(String(err)) });
        process.exit(1);
      }
    };
    // `on`, not `once`: tsx forwards the signal, so it may arrive twice; `closing` makes the second a no-op.
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    process.on("SIGINT", () => void shutdown("SIGINT"));

    // Rejects only when a signal stopped the attempts; the shutdown exits then.
    const opened = await opening.ready.catch(() => undefined);
    if (!opened) return;
    const { kafka, station } = opened;
    const registry = createMetricsRegistry(options.groupId);
    registerStationMetrics(registry, {
      station: options.station,
      hands: options.hands,
      counts: () => station.counts(),
    });
    const kafkaMetrics = registerKafkaMetrics(registry, {
      kafka,
      groups: [{ groupId: options.groupId, topic: options.inputTopic }],
      deadLetterTopic: env.TOPIC_DEAD_LETTERS,
      log,
    });
    const metricsServer = options.metrics.port > 0 ? serveMetrics(registry, { ...options.metrics, log }) : undefined;
    stopMetrics = async () => {
      metricsServer?.close();
      await kafkaMetrics.stop();
    };
  }

  main().catch((err: unknown) => {
    log.error("station failed to start", { err: err instanceof Error ? err : new Error(String(err)) });
    process.exit(1);
  });
}
