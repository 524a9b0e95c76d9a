import type { StackEnv } from "../local-stack";

/** What every app and test process gets on top of our own environment. */
export function childEnv(stack?: StackEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...stack,
    // kafkajs 2.x warns about its partitioner change on every producer otherwise.
    KAFKAJS_NO_PARTITIONER_WARNING: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    ...extra,
  };
}
