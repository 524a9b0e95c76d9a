import { vi } from "vitest";
import type { OrderView } from "@bakery/shared/order";

type Handler = (request: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

/**
 * The web app's route handlers, called in-process with real Requests: the same code a
 * Next server runs, on the real Kafka and database, without a build. Env must be set first.
 */
export async function loadWebApp(env: Record<string, string>) {
  Object.assign(process.env, env);
  // env.ts is parsed once per module load: a new bakery in the same file needs fresh modules.
  vi.resetModules();
  const routes = {
    "/api/menu": (await import("@/app/api/menu/route")) as RouteModule,
    "/api/orders": (await import("@/app/api/orders/route")) as RouteModule,
    "/api/orders/[id]": (await import("@/app/api/orders/[id]/route")) as RouteModule,
    "/api/order": (await import("@/app/api/order/route")) as RouteModule,
  };
  const context = await import("@/server/context");
  await context.getContext();

  async function call(method: string, path: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
    const url = new URL(path, "http://bakery.test");
    const match = url.pathname.match(/^\/api\/orders\/([^/]+)$/);
    const module = match ? routes["/api/orders/[id]"] : routes[url.pathname as keyof typeof routes];
    const handler = module?.[method] as Handler | undefined;
    if (!handler) throw new Error(`no route ${method} ${url.pathname}`);
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const request = new Request(url, { method, body, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...options.headers } });
    const response = await handler(request, match ? { params: Promise.resolve({ id: decodeURIComponent(match[1] ?? "") }) } : undefined);
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  return {
    call,
    context: await context.getContext(),
    async order(id: string): Promise<OrderView> {
      const response = await call("GET", `/api/orders/${id}`);
      if (response.status !== 200) throw new Error(`GET order ${id}: ${response.status}`);
      return response.json as OrderView;
    },
    close: () => context.closeContext(),
  };
}
export type WebApp = Awaited<ReturnType<typeof loadWebApp>>;
