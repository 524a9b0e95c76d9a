import { AppError } from "./errors";

/**
 * Waits for `work` at most `ms`: past that the caller gets UNAVAILABLE (503 with
 * Retry-After) while the work goes on by itself. Only for work that is safe to finish
 * late or to repeat (sends keyed by event id; whatever they were for is stored first).
 */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("UNAVAILABLE", "The bakery is briefly unavailable; please retry in a moment")),
      ms,
    );
  });
  // A failure after the deadline has nobody waiting for it: the sweeps repair what it left undone.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
