import { sagaEnv } from "../../test/harness/saga-env";

/** Where the suite's two web processes listen (override when the defaults are taken). */
export const ports = {
  webA: Number(process.env.E2E_WEB_A_PORT ?? 3101),
  webB: Number(process.env.E2E_WEB_B_PORT ?? 3102),
};

export const urls = {
  /** The customer's web process. */
  webA: `http://127.0.0.1:${ports.webA}`,
  /** The staff member's: a different process, so updates must travel through Kafka. */
  webB: `http://127.0.0.1:${ports.webB}`,
};

export const STAFF_PASSWORD = "e2e-staff-password";
export const LATE_GRACE_S = 6;

/**
 * The environment of every process the suite starts: the test stack from `npm test`, and
 * topics, databases and consumer groups of this run only (an `e2e` prefix tells them apart
 * from the integration tests'). One cook and one bartender so that queues actually form.
 */
export function e2eEnv(): Record<string, string> {
  const env = sagaEnv({
    PREP_TIME_SCALE: "0.3",
    STAFF_PASSWORD,
    SESSION_SECRET: "e2e-session-secret-of-at-least-32-bytes",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    KITCHEN_COOKS: "1",
    BAR_BARTENDERS: "1",
    // A late order turns red on the board this long after its promise: short, so a test sees it.
    LATE_GRACE_S: String(LATE_GRACE_S),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const run = (name: string) => /^(TOPIC_|.+_DB$|.+_GROUP_ID$)/.test(name);
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, run(name) ? value.replace(/^t/, "e2e") : value]),
  );
}
