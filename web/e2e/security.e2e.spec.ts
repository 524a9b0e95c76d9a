import { expect, test } from "@playwright/test";
import { readEvents } from "../test/harness/sse-reader";
import { placeOrder, MENU } from "./support/bakery";
import { STAFF_PASSWORD, urls } from "./support/e2e-env";

// The production server itself (next start): page headers, what a client may claim about itself,
// another site's requests, and a sign-out that must hold on the other web process at once.

const signIn = async (base: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/api/staff/session`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ password: STAFF_PASSWORD }),
  });
  expect(response.status).toBe(204);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { setCookie, cookie: setCookie.split(";")[0] ?? "" };
};

test("every page carries the security headers, and an order's page is never cached", async ({ request }) => {
  const order = await placeOrder(request, urls.webA, [{ menuItemId: MENU.coca, quantity: 1 }]);
  for (const path of ["/", "/staff/sign-in", `/orders/${order.id}`, "/orders/no-such-order-0000000000"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    // Plain HTTP, no trusted proxy: no HSTS.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const orderPage = (await request.get(`/orders/${order.id}`)).headers()["cache-control"] ?? "";
  expect(orderPage).toContain("private");
  expect(orderPage).toContain("no-store");
});

test("a client facing the server cannot claim HTTPS; behind a trusted proxy HTTPS brings HSTS and Secure cookies", async () => {
  const claimed = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.77" };
  // A ignores X-Forwarded-* from clients.
  const direct = await fetch(`${urls.webA}/`, { headers: claimed });
  expect(direct.headers.get("strict-transport-security")).toBeNull();
  expect((await signIn(urls.webA, claimed)).setCookie).not.toMatch(/Secure/);
  // B is configured with TRUSTED_PROXY=1: the proxy said HTTPS.
  const proxied = await fetch(`${urls.webB}/`, { headers: claimed });
  expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  expect((await signIn(urls.webB, claimed)).setCookie).toMatch(/; Secure/);
});

test("another site's page cannot change anything", async () => {
  const order = JSON.stringify({ customerName: "Mallory", items: [{ menuItemId: MENU.coca, quantity: 1 }] });
  const crossSite = await fetch(`${urls.webA}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    body: order,
  });
  expect(crossSite.status).toBe(403);
  const form = await fetch(`${urls.webA}/api/orders`, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: order,
  });
  expect(form.status).toBe(415);
});

test("a sign-out on one web process is refused at once on the other, and ends the staff stream there", async () => {
  const { cookie } = await signIn(urls.webB);
  expect((await fetch(`${urls.webA}/api/staff/board`, { headers: { cookie } })).status).toBe(200);
  const stream = await fetch(`${urls.webB}/api/staff/events`, { headers: { cookie } });
  expect(stream.status).toBe(200);
  const events: string[] = [];
  const ended = (async () => {
    for await (const message of readEvents(stream)) events.push(message.event);
  })();
  await expect.poll(() => events[0]).toBe("snapshot");

  const signedOut = await fetch(`${urls.webA}/api/staff/session`, {
    method: "DELETE",
    headers: { cookie, "content-type": "application/json" },
  });
  expect(signedOut.status).toBe(204);
  expect((await fetch(`${urls.webB}/api/staff/board`, { headers: { cookie } })).status).toBe(401);
  await ended;
  expect(events.at(-1)).toBe("session-ended");
});
