import { closeContext, getContext } from "./context";
import { webEnv } from "./env";
import { ignoreForwardedHeadersFromClients } from "./forwarded-headers";

/** Time for requests in flight to finish after SIGTERM; open event streams would hold the process for ever. */
const GRACE_MS = 5000;

/**
 * Opens the process context at server start (after making the X-Forwarded-* headers
 * trustworthy, see forwarded-headers.ts). A server that cannot reach its database or
 * Kafka exits, so its supervisor restarts it instead of leaving it up answering 500s.
 * On SIGTERM the Kafka consumers leave their groups at once, so another web process takes
 * the projector's partitions over now instead of after a session timeout.
 */
export async function boot(): Promise<void> {
  try {
    ignoreForwardedHeadersFromClients(webEnv().TRUSTED_PROXY);
    await getContext();
  } catch (err) {
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "error",
        msg: "web failed to start",
        service: "web",
        err: String(err),
      }),
    );
    process.exit(1);
  }
  process.once("SIGTERM", stopOnSigterm);
}

function stopOnSigterm(): void {
  const exit = process.exit.bind(process);
  const left = getContext()
    .then((ctx) => {
      ctx.log.info("SIGTERM: leaving the consumer groups");
      return ctx.stopConsumers();
    })
    .catch(() => undefined);
  // Next exits as soon as its HTTP server has closed and has no hook for shutdown work:
  // its exit waits until the consumers have left their groups.
  process.exit = ((code?: number) => void left.finally(() => exit(code))) as typeof process.exit;
  setTimeout(() => void left.then(closeContext).finally(() => exit(143)), GRACE_MS);
}
