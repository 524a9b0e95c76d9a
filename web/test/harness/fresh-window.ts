/**
 * Rate limits count in fixed windows (a minute, or LIMIT_SIGN_IN_WINDOW_S): a test that fills
 * one waits, if need be, until the window it runs in has at least `neededMs` left, so that a
 * window ending half-way cannot make it pass or fail by chance.
 */
export async function untilWindowHasLeft(windowMs: number, neededMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
