import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production" && process.env.BAKERY_DEV_DEFAULTS !== "1";

/** The web app's configuration, parsed once. */
export const env = parseEnv({
  ...commonEnvShape,
  WAITER_DB: z.string().min(1).default("waiter"),
  /** Staff sign-in password. Development falls back to "bakery"; production must set it. */
  STAFF_PASSWORD: isProduction ? z.string().min(8) : z.string().min(1).default("bakery"),
  /** Kafka consumer group of the durable order projector, shared by every web process. */
  WAITER_GROUP_ID: z.string().min(1).default("waiter"),
});
export type WebEnv = typeof env;
