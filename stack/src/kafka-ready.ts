import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;

/**
 * True once the broker answers a metadata request through the same client library the
 * apps use. An open port is not enough: the socket accepts connections seconds before
 * the KRaft controller has elected itself and the broker serves requests.
 */
export async function kafkaAnswersMetadata(brokers: string): Promise<boolean> {
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
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
