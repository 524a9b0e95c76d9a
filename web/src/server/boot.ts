import { getContext } from "./context";

/**
 * Opens the process context at server start. A server that cannot reach its database or
 * Kafka exits, so its supervisor restarts it instead of leaving it up answering 500s.
 */
export async function boot(): Promise<void> {
  try {
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
}
