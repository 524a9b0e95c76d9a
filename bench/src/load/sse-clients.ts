import { Agent, request, type ClientRequest } from "node:http";
import { createSseParser, type SseMessage } from "@bakery/shared/sse-parser";

export type SseClient = { path: string; close(): void; readonly open: boolean };

/** One agent for every stream: no pooling limit, no keep-alive (each stream is its own connection). */
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/**
 * Opens one event stream and resolves once its first message (the snapshot) arrived,
 * which is when a browser would show something. Rejects on a non-200, an error or a timeout.
 */
export function openSseClient(opts: {
  host: string;
  port: number;
  path: string;
  timeoutMs: number;
  onMessage: (message: SseMessage) => void;
  onClose?: () => void;
}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let open = true;
    let req: ClientRequest | undefined = undefined;
    const client: SseClient = {
      path: opts.path,
      close: () => {
        open = false;
        req?.destroy();
      },
      get open() {
        return open;
      },
    };
    /** An error answer keeps its Retry-After on the error, for callers that honour it. */
    const fail = (why: string, retryAfter?: string) => {
      open = false;
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        req?.destroy();
        reject(Object.assign(new Error(why), retryAfter === undefined ? {} : { retryAfter }));
      }
    };
    const timer = setTimeout(() => fail("timeout"), opts.timeoutMs);
    req = request(
      { host: opts.host, port: opts.port, path: opts.path, agent, headers: { accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          const retryAfter = res.headers["retry-after"];
          fail(`http ${res.statusCode}`, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
          return;
        }
        res.setEncoding("utf8");
        const parser = createSseParser();
        res.on("data", (chunk: string) => {
          for (const message of parser.push(chunk)) {
            if (!settled) {
              settled = true;
              clearTimeout(timer);
              resolve(client);
            }
            opts.onMessage(message);
          }
        });
        res.on("close", () => {
          open = false;
          opts.onClose?.();
          fail("closed before the snapshot");
        });
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
    req.end();
  });
}

/**
 * Opens `paths.length` streams with at most `concurrency` connecting at once, like a crowd
 * arriving rather than a SYN flood, and none started after the deadline. Returns the
 * clients that connected, how many were tried, the failures by reason, and each connect
 * time (request -> snapshot).
 */
export async function openMany(opts: {
  host: string;
  port: number;
  paths: readonly string[];
  concurrency: number;
  timeoutMs: number;
  now: () => number;
  /** No connect is started after this time (same clock as `now`). */
  deadline?: number;
  onMessage: (message: SseMessage, path: string) => void;
}): Promise<{ clients: SseClient[]; attempted: number; failures: Record<string, number>; connectMs: number[] }> {
  const clients: SseClient[] = [];
  const failures: Record<string, number> = {};
  const connectMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < opts.paths.length && (opts.deadline === undefined || opts.now() < opts.deadline)) {
      const path = opts.paths[next++] as string;
      const started = opts.now();
      try {
        clients.push(
          await openSseClient({
            host: opts.host,
            port: opts.port,
            path,
            timeoutMs: opts.timeoutMs,
            onMessage: (message) => opts.onMessage(message, path),
          }),
        );
        connectMs.push(opts.now() - started);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        failures[why] = (failures[why] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, opts.paths.length)) }, worker));
  return { clients, attempted: next, failures, connectMs };
}

/** `/api/orders/<id>/events` -> `<id>` */
export const orderIdOfPath = (path: string): string => path.split("/")[3] ?? "";
