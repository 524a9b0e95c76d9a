import { closeContext, currentContext, getContext } from "./context";
import { webEnv } from "./env";
import { ignoreForwardedHeadersFromClients } from "./forwarded-headers";

/** Time for requests in flight to finish after SIGTERM; open event streams would hold the process for ever. */
const GRACE_MS = 5000;
/** How long the server's start waits for its context before it serves (503 until the context opens). */
const FIRST_OPEN_WAIT_MS = 10_000;

/**
 * Opens the process context at server start (after making the X-Forwarded-* headers
 * trustworthy, see forwarded-headers.ts). A server that cannot reach its database or
 * Kafka does not exit: it keeps trying to open its context (context.ts) and answers 503
 * with Retry-After meanwhile, and serves as soon as they answer. The start waits a little
 * for the first opening, so a healthy start serves no 503 at all.
 * On SIGTERM the Kafka consumers leave their groups at once, so another web process takes
 * the projector's partitions over now instead of after a session timeout.
 */
export async function boot(): Promise<void> {
  ignoreForwardedHeadersFromClients(webEnv().TRUSTED_PROXY);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    getContext().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, FIRST_OPEN_WAIT_MS))),
  ]);
  clearTimeout(timer);
  process.once("SIGTERM", stopOnSigterm);
}

function stopOnSigterm(): void {
  const exit = process.exit.bind(process);
  const ctx = currentContext();
  ctx?.log.info("SIGTERM: leaving the consumer groups");
  // Not open yet: no group to leave; the attempts to open stop.
  const left = (ctx ? ctx.stopConsumers() : closeContext()).catch(() => undefined);
  // Next exits as soon as its HTTP server has closed and has no hook for shutdown work:
  // its exit waits until the consumers have left their groups.
  process.exit = ((code?: number) => void left.finally(() => exit(code))) as typeof process.exit;
  setTimeout(() => void left.then(closeContext).finally(() => exit(143)), GRACE_MS);
}
