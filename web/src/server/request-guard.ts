import { requestedHost } from "./client-address";
import { AppError } from "./errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `application/json`, parameters (charset) allowed; not a substring match (`application/jsonp`, `text/plain, application/json`). */
export const isJsonContentType = (value: string | null): boolean =>
  value?.split(";")[0]?.trim().toLowerCase() === "application/json";

/**
 * What every state-changing request must show before its handler runs: that it comes from
 * this site, and that it is JSON. A browser sends `Sec-Fetch-Site` (or at least `Origin`)
 * with every such request, so another site's page is refused; clients that are not
 * browsers send neither and are let through (they carry no one's cookies). Requiring
 * `application/json` keeps out the forms and "simple" requests a page can send to another
 * site without asking it first (CORS preflight), even from an old browser.
 */
export function guardRequest(request: Request, trustedProxies: number): void {
  if (!STATE_CHANGING.has(request.method)) return;
  if (!isSameSite(request, trustedProxies))
    throw new AppError("FORBIDDEN", "Requests that change something must come from the bakery's own pages");
  if (!isJsonContentType(request.headers.get("content-type")))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON with Content-Type: application/json");
}

function isSameSite(request: Request, trustedProxies: number): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestedHost(request, trustedProxies);
  } catch {
    return false; // "null" (a sandboxed frame, a data: page) or garbage
  }
}
