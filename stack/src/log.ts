/**
 * The stack scripts' logs: the shared logger in its terminal format, on stderr, so they
 * never mix with the env lines or child output that a caller may parse from stdout.
 */
import { createLogger, isLogLevel, type LogLevel, type Logger } from "@bakery/shared/logger";

export { formatLine, type LogFields, type LogLevel } from "@bakery/shared/logger";
export type StackLog = Omit<Logger, "child">;

export function createStackLog(
  scope = "stack",
  level: LogLevel = isLogLevel(process.env.STACK_LOG_LEVEL) ? process.env.STACK_LOG_LEVEL : "info",
): StackLog {
  return createLogger(level, {}, { kind: "text", scope });
}

/** Prefixes every message with a sub-scope, e.g. `kafka`, without a new logger type. */
export function scoped(log: StackLog, scope: string): StackLog {
  return {
    debug: (m, f) => log.debug(`${scope}: ${m}`, f),
    info: (m, f) => log.info(`${scope}: ${m}`, f),
    warn: (m, f) => log.warn(`${scope}: ${m}`, f),
    error: (m, f) => log.error(`${scope}: ${m}`, f),
  };
}

export function seconds(sinceMs: number): string {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)}s`;
}
