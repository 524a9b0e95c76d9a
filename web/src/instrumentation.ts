// Starts the Kafka consumers with the server, not on the first request. A server that
// cannot reach its database or Kafka at start exits, so its supervisor restarts it
// instead of leaving it up answering 500s.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getContext } = await import("./server/context");
  try {
    await getContext();
  } catch (err) {
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "web failed to start", service: "web", err: String(err) }));
    process.exit(1);
  }
}
