import { randomBytes } from "node:crypto";
import type { Topics } from "@bakery/shared/topics";

/** Private topics, databases and consumer groups, so a run never mixes with anyone's data. */
export function runNames(runId: string) {
  const topics: Topics = {
    foods: `${runId}-foods`,
    drinks: `${runId}-drinks`,
    balcony: `${runId}-balcony`,
    orderUpdates: `${runId}-order-updates`,
    deadLetters: `${runId}-dead-letters`,
    stationControl: `${runId}-station-control`,
  };
  return {
    topics,
    /** The raw-Kafka ceiling's own topics: the same four hops, nobody else reading them. */
    ceilingTopics: {
      foods: `${runId}-raw-foods`,
      drinks: `${runId}-raw-drinks`,
      balcony: `${runId}-raw-balcony`,
      orderUpdates: `${runId}-raw-order-updates`,
    },
    /** The bare HTTP server's produce goes here; no consumer, as its figure is the accept path only. */
    bareTopics: {
      foods: `${runId}-bare-foods`,
      drinks: `${runId}-bare-drinks`,
      orderUpdates: `${runId}-bare-order-updates`,
    },
    dbs: { waiter: `${runId}-waiter`, kitchen: `${runId}-kitchen`, bar: `${runId}-bar`, bare: `${runId}-bare` },
    groups: {
      waiter: `${runId}-waiter`,
      kitchen: `${runId}-kitchen`,
      bar: `${runId}-bar`,
      rawKitchen: `${runId}-raw-kitchen`,
      rawBar: `${runId}-raw-bar`,
      rawProjector: `${runId}-raw-projector`,
    },
  };
}
export type RunNames = ReturnType<typeof runNames>;

/** The environment of the three apps: the product's own variables, pointed at the run's names. */
/** The web app's per-client limits (web/src/server/env.ts) that a benchmark's one load address would hit. */
const UNLIMITED_PER_CLIENT = [
  "LIMIT_ORDERS_PER_MIN",
  "LIMIT_CHANGES_PER_MIN",
  "LIMIT_READS_PER_MIN",
  "LIMIT_STREAMS_PER_MIN",
  "LIMIT_OPEN_STREAMS",
];

export function appEnv(names: RunNames, extra: { staffPassword: string }): Record<string, string> {
  return {
    PREP_TIME_SCALE: "0",
    LOG_LEVEL: "warn",
    TOPIC_PARTITIONS: "6",
    TOPIC_FOODS: names.topics.foods,
    TOPIC_DRINKS: names.topics.drinks,
    TOPIC_BALCONY: names.topics.balcony,
    TOPIC_ORDER_UPDATES: names.topics.orderUpdates,
    TOPIC_DEAD_LETTERS: names.topics.deadLetters,
    TOPIC_STATION_CONTROL: names.topics.stationControl,
    WAITER_DB: names.dbs.waiter,
    KITCHEN_DB: names.dbs.kitchen,
    BAR_DB: names.dbs.bar,
    WAITER_GROUP_ID: names.groups.waiter,
    KITCHEN_GROUP_ID: names.groups.kitchen,
    BAR_GROUP_ID: names.groups.bar,
    STAFF_PASSWORD: extra.staffPassword,
    SESSION_SECRET: randomBytes(48).toString("base64"),
    // The load comes from one address: the per-client limits would turn it away.
    ...Object.fromEntries(UNLIMITED_PER_CLIENT.map((name) => [name, "1000000000"])),
  };
}

/** `bench-20261125-193000-ab12`: sortable, and a valid topic, database and group name. */
export function newRunId(now: Date, random: string, kind = "bench"): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${kind}-${stamp}-${random}`;
}
