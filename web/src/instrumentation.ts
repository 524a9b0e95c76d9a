// Starts the Kafka consumers with the server, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./server/boot")).boot();
}
