/** Beyond this many clients in one window, new ones share one count (memory stays bounded under a flood). */
const MAX_KEYS = 100_000;
const OVERFLOW = "*";

export type Verdict = { ok: true } | { ok: false; retryAfterS: number };

/**
 * Counts requests per key (a client address) in fixed windows of `windowMs`, in this
 * process's memory: at most `limit` per key per window. Fixed windows let a client send up
 * to twice the limit across a window's edge, which is fine for bounding cost. The clock is
 * passed in.
 */
export function createWindowCounter({ limit, windowMs }: { limit: number; windowMs: number }) {
  let window = Number.NaN;
  let counts = new Map<string, number>();
  return {
    take(key: string, now: number): Verdict {
      const current = Math.floor(now / windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const counted = counts.has(key) || counts.size < MAX_KEYS ? key : OVERFLOW;
      const used = counts.get(counted) ?? 0;
      if (used >= limit) return { ok: false, retryAfterS: ((current + 1) * windowMs - now) / 1000 };
      counts.set(counted, used + 1);
      return { ok: true };
    },
  };
}

/** How many event streams each key holds open: at most `limit` at once. */
export function createOpenCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    /** A slot for one more stream, and its release (which runs once), or undefined when the key is at its limit. */
    acquire(key: string): (() => void) | undefined {
      const held = open.get(key) ?? 0;
      if (held >= limit) return undefined;
      open.set(key, held + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
    },
    held: (key: string) => open.get(key) ?? 0,
  };
}
