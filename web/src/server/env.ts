import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

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
  /**
   * Reverse proxies in front of the web app that set X-Forwarded-For and X-Forwarded-Proto (0: none, the
   * app faces clients itself and ignores those headers, which any client could send).
   */
  TRUSTED_PROXY: z.coerce.number().int().min(0).max(10).default(0),
};
export type WebEnv = z.infer<z.ZodObject<typeof shape>>;

let parsed: WebEnv | undefined;

/**
 * The web app's configuration, parsed once on first use. Lazily, because `next build`
 * loads route modules without the runtime environment.
 */
export const webEnv = (): WebEnv => (parsed ??= parseEnv(shape));
