import { z } from "zod";
import { DEFAULT_TOPICS, type Topics } from "./topics";

/** `DEPENDENCY_TIMEOUT_MS` unless set: a request answers 503 within about this when a server is down. */
export const DEFAULT_DEPENDENCY_TIMEOUT_MS = 2000;

/**
 * The environment every service shares. Each service's own env.ts extends this shape
 * and parses `process.env` once at start-up; nothing else reads the environment.
 */
export const commonEnvShape = {
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) =>
      value
        .split(",")
        .map((broker) => broker.trim())
        .filter(Boolean),
    ),
  MONGODB_URL: z.string().startsWith("mongodb"),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).default(10_000),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  TOPIC_FOODS: z.string().min(1).default(DEFAULT_TOPICS.foods),
  TOPIC_DRINKS: z.string().min(1).default(DEFAULT_TOPICS.drinks),
  TOPIC_BALCONY: z.string().min(1).default(DEFAULT_TOPICS.balcony),
  TOPIC_ORDER_UPDATES: z.string().min(1).default(DEFAULT_TOPICS.orderUpdates),
  TOPIC_DEAD_LETTERS: z.string().min(1).default(DEFAULT_TOPICS.deadLetters),
  TOPIC_STATION_CONTROL: z.string().min(1).default(DEFAULT_TOPICS.stationControl),
  /** 1 = real seconds, 0 = instant (tests and benchmarks). */
  PREP_TIME_SCALE: z.coerce.number().min(0).max(100).default(1),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * How long work waits for a database or Kafka that does not answer (down, restarting)
   * before it fails: a web request then answers 503, a worker retries.
   */
  DEPENDENCY_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(DEFAULT_DEPENDENCY_TIMEOUT_MS),
};

export const topicsFromEnv = (env: {
  TOPIC_FOODS: string;
  TOPIC_DRINKS: string;
  TOPIC_BALCONY: string;
  TOPIC_ORDER_UPDATES: string;
  TOPIC_DEAD_LETTERS: string;
  TOPIC_STATION_CONTROL: string;
}): Topics => ({
  foods: env.TOPIC_FOODS,
  drinks: env.TOPIC_DRINKS,
  balcony: env.TOPIC_BALCONY,
  orderUpdates: env.TOPIC_ORDER_UPDATES,
  deadLetters: env.TOPIC_DEAD_LETTERS,
  stationControl: env.TOPIC_STATION_CONTROL,
});

/** Parses an environment, failing with one line per bad variable instead of a stack of zod output. */
export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
