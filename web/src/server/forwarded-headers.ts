import { Server as HttpServer, type IncomingMessage } from "node:http";
import { Server as HttpsServer } from "node:https";

const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"] as const;
const installed = Symbol.for("bakery.ignoreForwardedHeadersFromClients");

/**
 * Next gives route handlers no socket: who is asking, and over what, reach them only as the
 * X-Forwarded-* headers Next sets from the connection, and only when the request has none of
 * its own. Without a trusted proxy in front, such headers come from the client, which could
 * then pick its own address for every rate limit and claim HTTPS. So, with no trusted proxy,
 * this process drops them from every request as it arrives, before Next fills them in from
 * the connection itself. Behind a trusted proxy they are left for the proxy's values.
 */
export function ignoreForwardedHeadersFromClients(trustedProxies: number): void {
  if (trustedProxies > 0) return;
  const prototypes: unknown[] = [HttpServer.prototype, HttpsServer.prototype];
  for (const prototype of prototypes as Record<PropertyKey, unknown>[]) {
    if (prototype[installed]) continue;
    const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        for (const name of FORWARDED) delete request.headers[name];
      }
      return emit.call(this, event, ...args);
    };
    prototype[installed] = true;
  }
}
