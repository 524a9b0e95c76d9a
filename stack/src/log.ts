/**
 * Quiet, structured (logfmt) lines on stderr for the stack's own messages, so they
 * never mix with the env lines or child output that a caller may parse from stdout.
 * `StackLog` is structurally the same as `@bakery/shared`'s Logger, so either can be passed in.
 */
export type LogFields = Record<string, unknown>;

export type StackLog = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
};

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function parseLevel(raw: string | undefined): LogLevel {
  return raw !== undefined && raw in rank ? (raw as LogLevel) : "info";
}

function formatValue(value: unknown): string {
  const text = value instanceof Error ? value.message : typeof value === "string" ? value : JSON.stringify(value);
  return /^[\w./:@,+-]+$/.test(text) ? text : JSON.stringify(text);
}

export function formatLine(scope: string, msg: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${formatValue(v)}`);
  return [`[${scope}]`, msg, ...pairs].join(" ");
}

export function createStackLog(scope = "stack", level: LogLevel = parseLevel(process.env.STACK_LOG_LEVEL)): StackLog {
  const at = (lvl: Exclude<LogLevel, "silent">) => (msg: string, fields?: LogFields) => {
    if (rank[lvl] < rank[level]) return;
    const tag = lvl === "info" || lvl === "debug" ? scope : `${scope} ${lvl.toUpperCase()}`;
    process.stderr.write(`${formatLine(tag, msg, fields)}\n`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
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
