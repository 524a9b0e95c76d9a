import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

/** Only for `next dev` and tests: production must set its own (a cookie signed with a published key is worthless). */
const DEV_SESSION_SECRET = "bakery-saga-development-only-session-secret";
const sessionSecret = z
  .string()
  .refine((secret) => Buffer.byteLength(secret) >= 32, "at least 32 bytes (e.g. `openssl rand -base64 48`)");
/** A per-minute limit: requests of one kind one client address may make per minute on one web process. */
const perMinute = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const shape = {
  ...commonEnvShape,
  WAITER_DB: z.string().min(1).default("waiter"),
  /** Staff sign-in password. `next dev` falls back to "bakery-staff"; production must set one of 8+ characters. */
  STAFF_PASSWORD: isProduction ? z.string().min(8) : z.string().min(1).default("bakery-staff"),
  /** Kafka consumer group of the durable order projector, shared by every web process. */
  WAITER_GROUP_ID: z.string().min(1).default("waiter"),
  /** Seconds a customer has to choose for an item a station cannot make; stored on each order at placement. */
  DECISION_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(90),
  /** Seconds past an order's promise before the staff board turns it from amber to red. */
  LATE_GRACE_S: z.coerce.number().int().min(0).max(3600).default(60),
  /** `off` answers 404 at /api/metrics (e.g. when a sidecar, not the public port, should expose them). */
  METRICS: z.enum(["on", "off"]).default("on"),
  /** Signs staff session cookies. Its own secret, never the password: a captured cookie says nothing about the password. */
  SESSION_SECRET: isProduction ? sessionSecret : sessionSecret.default(DEV_SESSION_SECRET),
  /** Seconds a staff session lasts after sign-in. */
  SESSION_TTL_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  /**
   * Reverse proxies in front of the web app that set X-Forwarded-For and X-Forwarded-Proto (0: none, the
   * app faces clients itself and ignores those headers, which any client could send).
   */
  TRUSTED_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Orders placed (POST /api/orders, POST /api/order). */
  LIMIT_ORDERS_PER_MIN: perMinute(30),
  /** Cancellations and decisions (POST /api/orders/:id/cancel, …/decision). */
  LIMIT_CHANGES_PER_MIN: perMinute(30),
  /** Reading an order (GET /api/orders/:id, GET /api/order) and the metrics (GET /api/metrics). */
  LIMIT_READS_PER_MIN: perMinute(300),
  /** Opening an event stream (an order's, the menu's, the staff board's). */
  LIMIT_STREAMS_PER_MIN: perMinute(60),
  /** Event streams one client address may hold open at once on one web process. */
  LIMIT_OPEN_STREAMS: z.coerce.number().int().min(1).default(20),
  /** Staff sign-in attempts per client address, and from everybody together, per window; across all web processes. */
  LIMIT_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(10),
  LIMIT_SIGN_IN_TOTAL: z.coerce.number().int().min(1).max(10_000).default(100),
  LIMIT_SIGN_IN_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
};
export type WebEnv = z.infer<z.ZodObject<typeof shape>>;

let parsed: WebEnv | undefined;

/**
 * The web app's configuration, parsed once on first use. Lazily, because `next build`
 * loads route modules without the runtime environment.
 */
export const webEnv = (): WebEnv => (parsed ??= refuseSecretFromPassword(parseEnv(shape)));

function refuseSecretFromPassword(env: WebEnv): WebEnv {
  if (env.SESSION_SECRET === env.STAFF_PASSWORD)
    throw new Error("Invalid environment:\n  SESSION_SECRET: must not be the staff password");
  return env;
}
