import { StackError } from "./stack-errors.js";

export interface WaitOptions {
  /** Shown in the timeout error: what we were waiting for. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Rejects or resolves when waiting is pointless (the process died); ends the wait at once. */
  abandonWhen?: Promise<unknown>;
}

/** Polls `check` until it returns true; the last error it threw is kept for the timeout message. */
export async function waitUntil(check: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
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
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
  const why = lastError instanceof Error ? `: ${lastError.message}` : "";
  throw new StackError(`timed out after ${Math.round(opts.timeoutMs / 1000)}s waiting for ${opts.what}${why}`);
}
