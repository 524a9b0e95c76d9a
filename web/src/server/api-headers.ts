/**
 * Every API answer: never cached (an order's answer is for whoever holds its link, a staff
 * answer for staff), never sent on as a referrer, never sniffed into something else, never
 * framed or rendered as a page.
 */
export function withApiHeaders(response: Response): Response {
  const keepsTransform = response.headers.get("cache-control")?.includes("no-transform");
  response.headers.set("Cache-Control", keepsTransform ? "private, no-store, no-transform" : "private, no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return response;
}
