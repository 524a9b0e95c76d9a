import { vi } from "vitest";
import type { OrderView } from "@bakery/shared/order";

type Handler = (request: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

/**
 * The web app's route handlers, called in-process with real Requests: the same code a
 * Next server runs, on the real Kafka and database, without a build. Env must be set first.
 * `waitForContext: false` returns at once, as a server does whose database is down at start.
 */
export async function loadWebApp(env: Record<string, string>, options: { waitForContext?: boolean } = {}) {
  Object.assign(process.env, env);
  // env.ts is parsed once per module load: a new bakery in the same file needs fresh modules.
  vi.resetModules();
  // Each route: its URL pattern (named groups are the dynamic segments) and its module.
  const routes: [RegExp, RouteModule][] = [
    [/^\/api\/menu$/, await import("@/app/api/menu/route")],
    [/^\/api\/metrics$/, await import("@/app/api/metrics/route")],
    [/^\/api\/health$/, await import("@/app/api/health/route")],
    [/^\/api\/orders$/, await import("@/app/api/orders/route")],
    [/^\/api\/orders\/(?<id>[^/]+)$/, await import("@/app/api/orders/[id]/route")],
    [/^\/api\/orders\/(?<id>[^/]+)\/events$/, await import("@/app/api/orders/[id]/events/route")],
    [/^\/api\/order$/, await import("@/app/api/order/route")],
    [/^\/api\/staff\/session$/, await import("@/app/api/staff/session/route")],
    [/^\/api\/staff\/board$/, await import("@/app/api/staff/board/route")],
    [/^\/api\/staff\/events$/, await import("@/app/api/staff/events/route")],
    [/^\/api\/staff\/orders\/(?<id>[^/]+)\/collect$/, await import("@/app/api/staff/orders/[id]/collect/route")],
    [/^\/api\/menu\/events$/, await import("@/app/api/menu/events/route")],
    [/^\/api\/orders\/(?<id>[^/]+)\/cancel$/, await import("@/app/api/orders/[id]/cancel/route")],
    [
      /^\/api\/orders\/(?<id>[^/]+)\/items\/(?<itemId>[^/]+)\/decision$/,
      await import("@/app/api/orders/[id]/items/[itemId]/decision/route"),
    ],
    [/^\/api\/staff\/orders\/(?<id>[^/]+)\/cancel$/, await import("@/app/api/staff/orders/[id]/cancel/route")],
    [/^\/api\/staff\/stock\/(?<menuItemId>[^/]+)$/, await import("@/app/api/staff/stock/[menuItemId]/route")],
    [/^\/api\/staff\/stations$/, await import("@/app/api/staff/stations/route")],
    [
      /^\/api\/staff\/stations\/(?<station>[^/]+)\/pause$/,
      await import("@/app/api/staff/stations/[station]/pause/route"),
    ],
    [
      /^\/api\/staff\/stations\/(?<station>[^/]+)\/resume$/,
      await import("@/app/api/staff/stations/[station]/resume/route"),
    ],
  ];
  const context = await import("@/server/context");
  if (options.waitForContext !== false) await context.getContext();

  /**
   * Calls a route handler; `signal` lets a test drop a streaming connection. Like the pages,
   * it sends `Content-Type: application/json` with every request but a GET, unless
   * `contentType` says otherwise (null: none at all).
   */
  async function respond(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      contentType?: string | null;
      signal?: AbortSignal;
    } = {},
  ): Promise<Response> {
    const url = new URL(path, "http://bakery.test");
    const found = routes
      .map(([pattern, module]) => [url.pathname.match(pattern), module] as const)
      .find(([match]) => match);
    const handler = found?.[1][method] as Handler | undefined;
    if (!found || !handler) throw new Error(`no route ${method} ${url.pathname}`);
    const params = Object.fromEntries(
      Object.entries(found[0]?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
    );
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const contentType =
      options.contentType !== undefined
        ? options.contentType
        : body !== undefined || method !== "GET"
          ? "application/json"
          : null;
    const request = new Request(url, {
      method,
      body,
      signal: options.signal,
      headers: {
        ...(contentType === null ? {} : { "content-type": contentType }),
        ...options.headers,
      },
    });
    return handler(request, { params: Promise.resolve(params) });
  }

  async function call(method: string, path: string, options: Parameters<typeof respond>[2] = {}) {
    const response = await respond(method, path, options);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }

  return {
    call,
    respond,
    get context() {
      const open = context.currentContext();
      if (!open) throw new Error("the web context is not open yet");
      return open;
    },
    async order(id: string): Promise<OrderView> {
      const response = await call("GET", `/api/orders/${id}`);
      if (response.status !== 200) throw new Error(`GET order ${id}: ${response.status}`);
      return response.json as OrderView;
    },
    close: () => context.closeContext(),
  };
}
export type WebApp = Awaited<ReturnType<typeof loadWebApp>>;
