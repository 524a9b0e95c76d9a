import type { StackLog } from "../log";

/**
 * A line every `everyMs` while a long step runs: a cold FerretDB build or Kafka download
 * takes minutes, and silence that long looks like a hang.
 */
export function startProgressTicker(
  log: StackLog,
  what: string,
  detail: () => string = () => "",
  everyMs = 15_000,
): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    const extra = detail();
    log.info(`${what} still running`, { elapsed: `${elapsed}s`, ...(extra ? { progress: extra } : {}) });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
