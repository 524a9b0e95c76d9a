import { contextForRequest, type WebContext } from "./context";
import { toErrorResponse } from "./errors";

type Handler<P> = (request: Request, ctx: WebContext, params: P) => Promise<Response>;

/**
 * Wraps a route handler: gives it the process context and maps every error to a response
 * in one place (see errors.ts).
 */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, segment?: { params: Promise<P> }): Promise<Response> => {
    let ctx: WebContext | undefined;
    try {
      ctx = contextForRequest();
      return await handler(request, ctx, segment ? await segment.params : ({} as P));
    } catch (err) {
      return toErrorResponse(err, (msg, fields) => (ctx ? ctx.log.error(msg, fields) : console.error(msg, fields)));
    }
  };
}
