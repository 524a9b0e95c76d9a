import { StackError } from "./stack-errors";

export type WaitOptions = {
  /** Shown in the timeout error: what we were waiting for. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Rejects or resolves when waiting is pointless (the process died); ends the wait at once. */
  abandonWhen?: Promise<unknown>;
};

/**
 * The one polling helper (stack scripts, bench, chaos and tests): calls `probe` until it
 * returns a value (not undefined/false) and returns it. The last error the probe threw is
 * kept for the timeout message.
 */
export async function poll<T>(probe: () => Promise<T | undefined | false>, opts: WaitOptions): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let abandoned: unknown;
  let isAbandoned = false;
  void opts.abandonWhen?.then(
    (value) => ((isAbandoned = true), (abandoned = value)),
    (err: unknown) => ((isAbandoned = true), (abandoned = err)),
  );
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (isAbandoned) throw abandoned instanceof Error ? abandoned : new StackError(`gave up waiting for ${opts.what}`);
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
  const why = lastError instanceof Error ? `: ${lastError.message}` : "";
  throw new StackError(`timed out after ${Math.round(opts.timeoutMs / 1000)}s waiting for ${opts.what}${why}`);
}

/** Polls `check` until it returns true. */
export async function waitUntil(check: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
  await poll(check, opts);
}

/** `poll` with positional arguments, as the tests call it: waitFor("order READY", probe, 60_000). */
export const waitFor = <T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> => poll(probe, { what, timeoutMs, intervalMs });
