/**
 * Runs two start-up tasks in parallel. When one fails, the other is told to abort (so a
 * missing `mvn` does not wait for a minutes-long FerretDB build), whatever of the other
 * did succeed is undone, and the first error is thrown.
 */
export async function allOrAbort<A, B>(
  a: (signal: AbortSignal) => Promise<A>,
  b: (signal: AbortSignal) => Promise<B>,
  undo: (done: A | B) => Promise<void> = async () => undefined,
): Promise<[A, B]> {
  const abort = new AbortController();
  const run = <T>(task: (signal: AbortSignal) => Promise<T>) =>
    task(abort.signal).catch((err: unknown) => {
      if (!abort.signal.aborted) abort.abort(err);
      throw err;
    });
  const [ra, rb] = await Promise.allSettled([run(a), run(b)]);
  if (ra.status === "fulfilled" && rb.status === "fulfilled") return [ra.value, rb.value];
  await Promise.all([ra, rb].map((r) => (r.status === "fulfilled" ? undo(r.value) : undefined)));
  throw abort.signal.reason;
}
