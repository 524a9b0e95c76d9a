const PING_EVERY_MS = 15_000;

export type StreamWriter = {
  send(event: string, data: unknown, id?: string): void;
  /** Ends the stream from the server's side (e.g. the staff session it belongs to ended). */
  close(): void;
};

/**
 * A server-sent-events response. `open` subscribes and returns its cleanup, which runs
 * once, whether the browser goes away (request aborted), the stream is cancelled or closed
 * by the server. `onClose` runs once too, whatever happened (also when `open` failed): it
 * gives back what was held for the stream (its client's open-stream slot).
 * Pings keep proxies from closing an idle connection.
 */
export function eventStream(
  request: Request,
  open: (writer: StreamWriter) => Promise<() => void>,
  onClose: () => void = () => undefined,
): Response {
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
    onClose();
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
          close,
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
      "Cache-Control": "private, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
