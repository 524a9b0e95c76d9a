import type { Logger } from "./logger";

/**
 * Retries an effect that must happen (a completion record, a READY message) until it does
 * or the process is stopping. Backs off to a few seconds, so an outage is not a busy loop.
 */
export async function retryUntilDone<T>(
  what: string,
  effect: () => Promise<T>,
  options: { log: Logger; stopped: () => boolean },
): Promise<T | undefined> {
  for (let attempt = 0; !options.stopped(); attempt++) {
    try {
      return await effect();
    } catch (err) {
      const delay = Math.min(5000, 100 * 2 ** attempt);
      options.log.warn(`${what} failed; retrying`, { err, attempt, delayMs: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return undefined;
}
