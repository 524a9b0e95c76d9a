import { randomBytes } from "node:crypto";

/**
 * A private corner of the shared test stack for one test file: its own topics, databases
 * and consumer groups, so files cannot see each other's orders.
 */
export function sagaEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const brokers = process.env.KAFKA_BROKERS;
  const mongo = process.env.MONGODB_URL;
  if (!brokers || !mongo)
    throw new Error("KAFKA_BROKERS and MONGODB_URL must point at the test stack: run the tests with `npm test`");
  const run = randomBytes(4).toString("hex");
  return {
    KAFKA_BROKERS: brokers,
    MONGODB_URL: mongo,
    KAFKAJS_NO_PARTITIONER_WARNING: "1",
    LOG_LEVEL: "error",
    PREP_TIME_SCALE: "0.05",
    // Workers of many test files run side by side: no metrics port unless a test asks for one.
    METRICS_PORT: "0",
    KAFKA_SESSION_TIMEOUT_MS: "6000",
    TOPIC_FOODS: `t${run}-foods`,
    TOPIC_DRINKS: `t${run}-drinks`,
    TOPIC_BALCONY: `t${run}-balcony`,
    TOPIC_ORDER_UPDATES: `t${run}-order-updates`,
    TOPIC_DEAD_LETTERS: `t${run}-dead-letters`,
    TOPIC_STATION_CONTROL: `t${run}-station-control`,
    WAITER_DB: `t${run}-waiter`,
    KITCHEN_DB: `t${run}-kitchen`,
    BAR_DB: `t${run}-bar`,
    WAITER_GROUP_ID: `t${run}-waiter`,
    KITCHEN_GROUP_ID: `t${run}-kitchen`,
    BAR_GROUP_ID: `t${run}-bar`,
    // Every request of a test comes from one address (or none): per-client limits only where a test sets them.
    LIMIT_ORDERS_PER_MIN: "1000000",
    LIMIT_CHANGES_PER_MIN: "1000000",
    LIMIT_READS_PER_MIN: "1000000",
    LIMIT_STREAMS_PER_MIN: "1000000",
    LIMIT_OPEN_STREAMS: "1000000",
    LIMIT_SIGN_IN_PER_ADDRESS: "10000",
    LIMIT_SIGN_IN_TOTAL: "10000",
    ...overrides,
  };
}
