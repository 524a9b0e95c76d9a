import { withApiHeaders } from "./api-headers";
import { contextForRequest, type WebContext } from "./context";
import { toErrorResponse } from "./errors";
import { guardRequest } from "./request-guard";
import { requireStaff, type StaffSession } from "./staff-session";

type Handler<P> = (request: Request, ctx: WebContext, params: P) => Promise<Response>;

/**
 * Wraps a route handler: gives it the process context, refuses a state-changing request
 * from another site or not in JSON before the handler runs (request-guard.ts), maps every
 * error to a response in one place (see errors.ts) and puts the API's headers on every answer.
 *
 * The guard lives here rather than in a Next proxy (proxy.ts): here it runs for exactly the
 * API's handlers, answers in the one error shape, and is what the integration tests call
 * (they run the route handlers in-process, where no proxy runs).
 */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, segment?: { params: Promise<P> }): Promise<Response> => {
    let ctx: WebContext | undefined;
    try {
      ctx = contextForRequest();
      guardRequest(request, ctx.env.TRUSTED_PROXY);
      return withApiHeaders(await handler(request, ctx, segment ? await segment.params : ({} as P)));
    } catch (err) {
      return withApiHeaders(
        toErrorResponse(err, (msg, fields) => (ctx ? ctx.log.error(msg, fields) : console.error(msg, fields))),
      );
    }
  };
}

/** A staff-only route: 401 unless the request carries an active staff session (staff-session.ts). */
export function staffRoute<P = Record<string, never>>(
  handler: (request: Request, ctx: WebContext, params: P, session: StaffSession) => Promise<Response>,
) {
  return route<P>(async (request, ctx, params) => handler(request, ctx, params, await requireStaff(ctx, request)));
}
