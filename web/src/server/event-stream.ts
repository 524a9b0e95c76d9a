const PING_EVERY_MS = 15_000;

export type StreamWriter = {
  send(event: string, data: unknown, id?: string): void;
};

/**
 * A server-sent-events response. `open` subscribes and returns its cleanup, which runs
 * once, whether the browser goes away (request aborted) or the stream is cancelled.
 * Pings keep proxies from closing an idle connection.
 */
export function eventStream(request: Request, open: (writer: StreamWriter) => Promise<() => void>): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | undefined;
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const ping = setInterval(() => write(": ping\n\n"), PING_EVERY_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        cleanup?.();
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      request.signal.addEventListener("abort", close);
      write("retry: 2000\n\n");
      try {
        cleanup = await open({
          send: (event, data, id) =>
            write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        });
        if (closed) cleanup();
      } catch (err) {
        close();
        throw err;
      }
    },
    cancel() {
      closed = true;
      cleanup?.();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
