/**
 * Structured, quiet logs: one JSON object per line on stderr, `info` and above by default.
 * Per-message chatter is `debug`, so a busy bakery stays readable.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
};

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}): Logger {
  const write =
    (at: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (rank[at] < rank[level]) return;
      const err = fields.err instanceof Error ? { err: { name: fields.err.name, message: fields.err.message } } : {};
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...base, ...fields, ...err })}\n`,
      );
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}
