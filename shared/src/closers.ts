/**
 * What a start-up opened so far, to be closed in reverse order: by `close()` when the
 * process stops, or at once when the start-up fails half-way, so a failed attempt leaves
 * no connection, consumer or timer behind it (a stray consumer would even take partitions).
 */
export function createClosers() {
  const closers: (() => unknown)[] = [];
  return {
    /** Registers how to close something just opened; returns it. */
    opened<T>(thing: T, close: (thing: T) => unknown): T {
      closers.push(() => close(thing));
      return thing;
    },
    /** Closes everything, newest first; one failure does not keep the rest open. */
    async closeAll(): Promise<void> {
      for (const close of closers.splice(0).reverse())
        await Promise.resolve()
          .then(close)
          .catch(() => undefined);
    },
  };
}
