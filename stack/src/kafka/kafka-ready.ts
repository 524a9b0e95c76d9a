import kafkajs from "kafkajs";
import { groupIdsCoveringAllPartitions } from "./kafka-group-partition";
import { OFFSETS_TOPIC_PARTITIONS } from "./kafka-server-properties";

const { Kafka, logLevel } = kafkajs;
const READINESS_GROUPS = groupIdsCoveringAllPartitions(OFFSETS_TOPIC_PARTITIONS);

/**
 * True once the broker serves metadata and every group coordinator shard has loaded,
 * through the client library the apps use. An open port is not enough: the socket
 * accepts connections before the KRaft controller has elected itself, and the first
 * group lookup on a new cluster creates `__consumer_offsets`, whose shards then load.
 * Describing (never joining) one group per shard waits all of that out here rather
 * than in the first consumer, which kafkajs would otherwise crash and restart.
 */
export async function kafkaIsReady(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: "bakery-stack-readiness",
    brokers: brokers.split(","),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) return false;
    await admin.describeGroups(READINESS_GROUPS);
    return true;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
