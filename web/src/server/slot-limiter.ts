import type { Collection } from "mongodb";
import { isDuplicateKeyError } from "@bakery/shared/mongo";
import type { Verdict } from "./window-counter";

/** A claimed slot: `${scope}:${window}:${n}`, kept until its window is over. */
export type RateSlotDoc = { _id: string; expiresAt: Date };

/**
 * At most `limit` claims per scope per window, counted across every web process in the
 * database without a read-modify-write (FerretDB has no atomic update): a claim is the insert
 * of `${scope}:${window}:${n}`, and the unique `_id` lets one insert win each n. A process
 * remembers, per scope and window, the next n worth trying (everything below it is taken),
 * so a claim usually costs one insert, and a full window is refused with no write at all.
 */
export function createSlotLimiter(slots: Collection<RateSlotDoc>, windowMs: number) {
  const next = new Map<string, { window: number; n: number }>();
  let sweptWindow = Number.NaN;

  function forget(window: number): void {
    if (window === sweptWindow) return;
    sweptWindow = window;
    for (const [key, hint] of next) if (hint.window < window) next.delete(key);
    // Slots of windows that are over count for nothing: drop them (nobody writes them again).
    slots.deleteMany({ expiresAt: { $lt: new Date(window * windowMs) } }).catch(() => undefined);
  }

  return {
    /** Whether this scope's window is known (to this process) to be full: no database call. */
    knownFull(scope: string, limit: number, now: number): boolean {
      const hint = next.get(`${scope}:${Math.floor(now / windowMs)}`);
      return hint !== undefined && hint.n > limit;
    },

    async take(scope: string, limit: number, now: number): Promise<Verdict> {
      const window = Math.floor(now / windowMs);
      const key = `${scope}:${window}`;
      const refused: Verdict = { ok: false, retryAfterS: ((window + 1) * windowMs - now) / 1000 };
      forget(window);
      // First time this process sees this window: is its last slot taken already (by other processes)?
      if (!next.has(key)) {
        const full = await slots.findOne({ _id: `${key}:${limit}` }, { projection: { _id: 1 } });
        if (!next.has(key)) next.set(key, { window, n: full ? limit + 1 : 1 });
      }
      for (;;) {
        const hint = next.get(key) ?? { window, n: 1 };
        if (hint.n > limit) return refused;
        // Taken by this request before the insert, so concurrent requests of this process try the next ones.
        next.set(key, { window, n: hint.n + 1 });
        try {
          await slots.insertOne({ _id: `${key}:${hint.n}`, expiresAt: new Date((window + 1) * windowMs) });
          return { ok: true };
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
      }
    },
  };
}
export type SlotLimiter = ReturnType<typeof createSlotLimiter>;
