import { onShutdownSignal, signalAllGroups } from "./process-registry";

let requested: Promise<NodeJS.Signals> | undefined;

/**
 * Resolves on the first SIGINT/SIGTERM/SIGHUP; the caller then stops things in order.
 * A second signal exits at once (and the exit hook kills every group left).
 */
export function shutdownRequested(): Promise<NodeJS.Signals> {
  requested ??= new Promise((resolve) => onShutdownSignal(resolve));
  return requested;
}

/**
 * Waits for something that starts processes (the stack, a build), unless shutdown comes
 * first: then every group gets SIGTERM, whatever did start is stopped, and undefined is returned.
 */
export async function unlessInterrupted<T extends { stop(): Promise<void> }>(
  starting: Promise<T>,
): Promise<T | undefined> {
  const interrupted = Symbol("interrupted");
  const first = await Promise.race([starting, shutdownRequested().then(() => interrupted)]);
  if (first !== interrupted) return first as T;
  signalAllGroups("SIGTERM");
  const late = await starting.catch(() => undefined);
  await late?.stop();
  return undefined;
}
