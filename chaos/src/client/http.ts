import { Agent, request } from "undici";
import { errorCode } from "@bakery/bench/load/order-client";
import type { Answer, AnswerLog } from "./answers";

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; json: unknown };

/**
 * The client's one way to talk HTTP to the web processes: keep-alive connections, a timeout
 * per request, and every answer (or failure to get one) written to the answer log.
 */
export function createHttp(opts: { webs: readonly string[]; timeoutMs: number; log: AnswerLog }) {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  return {
    webs: opts.webs.length,
    async call(
      web: number,
      method: string,
      path: string,
      what: { route: string; body?: unknown; headers?: Record<string, string>; key?: string; orderId?: string },
    ): Promise<{ answer: Answer; reply?: Reply }> {
      const at = Date.now();
      const base = {
        at,
        route: what.route,
        web,
        ...(what.key ? { key: what.key } : {}),
        ...(what.orderId ? { orderId: what.orderId } : {}),
      };
      try {
        const response = await request(`${opts.webs[web]}${path}`, {
          dispatcher: agent,
          method: method as "GET",
          headers: {
            ...(what.body === undefined ? {} : { "content-type": "application/json" }),
            ...what.headers,
          },
          body: what.body === undefined ? undefined : JSON.stringify(what.body),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        const text = await response.body.text();
        const json = parseJson(text);
        const retryAfter = header(response.headers["retry-after"]);
        const answer: Answer = {
          ...base,
          ms: Date.now() - at,
          status: response.statusCode,
          ...(codeOf(json) ? { code: codeOf(json) } : {}),
          ...(retryAfter === undefined ? {} : { retryAfter }),
        };
        opts.log.record(answer);
        return { answer, reply: { status: response.statusCode, headers: response.headers, json } };
      } catch (err) {
        const answer: Answer = { ...base, ms: Date.now() - at, error: errorCode(err) };
        opts.log.record(answer);
        return { answer };
      }
    },
    close: () => agent.close(),
  };
}
export type Http = ReturnType<typeof createHttp>;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function codeOf(json: unknown): string | undefined {
  if (json && typeof json === "object" && "error" in json) {
    const error = (json as { error?: { code?: unknown } }).error;
    if (typeof error?.code === "string") return error.code;
  }
  return undefined;
}
