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
  let ping: ReturnType<typeof setInterval> | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  // Runs once, whichever comes first: the client leaving (abort), the stream cancelled, or a failure.
  // A client may leave before the stream starts or while the snapshot is read: then the
  // subscription `open` returns later is released as soon as it arrives.
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    request.signal.removeEventListener("abort", close);
    cleanup?.();
    try {
      controller?.close();
    } catch {
      // already closed or cancelled by the runtime
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(ctrl) {
      controller = ctrl;
      if (request.signal.aborted) return close();
      request.signal.addEventListener("abort", close);
      const write = (text: string) => {
        if (closed) return;
        try {
          ctrl.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      ping = setInterval(() => write(": ping\n\n"), PING_EVERY_MS);
      write("retry: 2000\n\n");
      try {
        const release = await open({
          send: (event, data, id) =>
            write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        });
        if (closed) release();
        else cleanup = release;
      } catch (err) {
        close();
        throw err;
      }
    },
    cancel: close,
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
