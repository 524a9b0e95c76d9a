/**
 * The one logger. Structured and quiet: `info` and above by default, per-message chatter is
 * `debug`. Services write one JSON object per line on stderr; the stack scripts, which a
 * person reads in a terminal, write the same fields as `[scope] message key=value` lines.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
};

export const isLogLevel = (raw: string | undefined): raw is LogLevel => raw !== undefined && raw in rank;

type Format = { kind: "json" } | { kind: "text"; scope: string };

export function createLogger(level: LogLevel, base: LogFields = {}, format: Format = { kind: "json" }): Logger {
  const write =
    (at: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: LogFields = {}) => {
      if (rank[at] < rank[level]) return;
      process.stderr.write(
        `${format.kind === "json" ? jsonLine(at, msg, { ...base, ...fields }) : textLine(format.scope, at, msg, { ...base, ...fields })}\n`,
      );
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => createLogger(level, { ...base, ...fields }, format),
  };
}

function jsonLine(level: string, msg: string, fields: LogFields): string {
  const err = fields.err instanceof Error ? { err: { name: fields.err.name, message: fields.err.message } } : {};
  return JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields, ...err });
}

function textLine(scope: string, level: Exclude<LogLevel, "silent">, msg: string, fields: LogFields): string {
  return formatLine(level === "info" || level === "debug" ? scope : `${scope} ${level.toUpperCase()}`, msg, fields);
}

/** `[scope] msg key=value ...`: logfmt pairs, values with spaces quoted, errors by their message. */
export function formatLine(scope: string, msg: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${formatValue(v)}`);
  return [`[${scope}]`, msg, ...pairs].join(" ");
}

function formatValue(value: unknown): string {
  const text = value instanceof Error ? value.message : typeof value === "string" ? value : JSON.stringify(value);
  return /^[\w./:@,+-]+$/.test(text) ? text : JSON.stringify(text);
}
