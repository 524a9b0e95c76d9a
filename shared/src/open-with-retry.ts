import type { Logger } from "./logger";

export type Opener<T> = {
  /** Resolves once an attempt succeeded; rejects only if closed first. */
  ready: Promise<T>;
  /** The open context, or undefined while attempts go on. */
  current(): T | undefined;
  /** Stops the attempts and closes the context if it is open. */
  close(): Promise<void>;
  /** Why the last attempt failed, while not open. */
  lastFailure(): string | undefined;
};

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;
/** A failure that says what the last one said is logged again only this often. */
const SAME_FAILURE_QUIET_MS = 60_000;

/**
 * Opens what a process runs on (the web context, a station), again and again with backoff
 * until it opens: a process whose database or Kafka is down when it starts waits for them
 * instead of dying (a supervisor's restart loop would only lose the time a start takes) or
 * staying broken. `open` must close whatever it opened when it fails. A failure that
 * repeats the last one is logged once a minute, not once per attempt.
 */
export function openWithRetry<T extends { close(): Promise<void> }>(options: {
  open: (log: Logger) => Promise<T>;
  log: Logger;
  what?: string;
}): Opener<T> {
  const { log } = options;
  const what = options.what ?? "start-up";
  let current: T | undefined;
  let closed = false;
  let failure: string | undefined;
  let wake: () => void = () => undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function attempts(): Promise<T> {
    const started = Date.now();
    let logged: { reason: string; at: number } | undefined;
    for (let attempt = 1; ; attempt++) {
      if (closed) throw new Error(`${what}: closed before it opened`);
      try {
        const opened = await options.open(log);
        if (closed) {
          await opened.close();
          throw new Error(`${what}: closed before it opened`);
        }
        current = opened;
        failure = undefined;
        if (attempt > 1) log.info(`${what} open after ${attempt} attempts`, { tookMs: Date.now() - started });
        return opened;
      } catch (err) {
        if (closed) throw err;
        failure = err instanceof Error ? err.message : String(err);
        const now = Date.now();
        if (!logged || logged.reason !== failure || now - logged.at >= SAME_FAILURE_QUIET_MS) {
          log.warn(`${what} could not open; retrying until it does`, { reason: failure, attempt });
          logged = { reason: failure, at: now };
        } else log.debug(`${what} could not open; retrying`, { reason: failure, attempt });
        await pause(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  const ready = attempts();
  // Nobody may be waiting (a request only asks for `current`): a close must not be an unhandled rejection.
  ready.catch(() => undefined);
  return {
    ready,
    current: () => current,
    lastFailure: () => failure,
    async close() {
      closed = true;
      wake();
      const open = current;
      current = undefined;
      // An attempt under way closes what it opened when it ends.
      await open?.close();
    },
  };
}
