import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@bakery/shared/api";
import { connectMongo } from "@bakery/shared/mongo";
import { createSlotLimiter } from "@/server/slot-limiter";
import { activeSession } from "@/server/staff-session";
import { waiterCollections } from "@/server/waiter-db";
import { startBakery, type Bakery } from "./harness/bakery";
import { untilWindowHasLeft } from "./harness/fresh-window";
import { readEvents, type SseMessage } from "./harness/sse-reader";

const PASSWORD = "test-staff-password";
const SECRET = "staff-sessions-test-secret-of-32-bytes-at-least";

/** Every staff-only route (the failure half's included), as the dashboard calls them. */
const STAFF_ROUTES: [method: string, path: string, body?: unknown][] = [
  ["GET", "/api/staff/board"],
  ["GET", "/api/staff/events"],
  ["GET", "/api/staff/stations"],
  ["POST", "/api/staff/orders/some-order/collect"],
  ["POST", "/api/staff/orders/some-order/cancel", { reason: "walked out" }],
  ["PUT", "/api/staff/stock/1", { portions: null }],
  ["POST", "/api/staff/stations/KITCHEN/pause"],
  ["POST", "/api/staff/stations/KITCHEN/resume"],
];

let bakery: Bakery;
/** The bakery's database through a client of its own: what another web process sees. */
const openDatabase = () => connectMongo(bakery.web.context.env.MONGODB_URL, bakery.web.context.env.WAITER_DB);

async function signIn(headers: Record<string, string> = {}, password = PASSWORD) {
  const answer = await bakery.web.call("POST", "/api/staff/session", { body: { password }, headers });
  const setCookie = answer.headers.get("set-cookie") ?? "";
  return { ...answer, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}
const staffGet = (cookie: string, path = "/api/staff/board") => bakery.web.call("GET", path, { headers: { cookie } });

/** Reads a stream's messages until it ends; resolves with them (or fails after `timeoutMs`). */
async function untilStreamEnds(response: Response, timeoutMs: number): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  const reading = (async () => {
    for await (const message of readEvents(response)) messages.push(message);
    return messages;
  })();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`stream still open after ${timeoutMs} ms`)), timeoutMs),
  );
  return Promise.race([reading, timeout]);
}

describe("staff sessions", () => {
  beforeAll(async () => {
    bakery = await startBakery({ kitchens: 0, bars: 0, env: { STAFF_PASSWORD: PASSWORD, SESSION_SECRET: SECRET } });
  });
  afterAll(async () => {
    await bakery?.close();
  });

  it("are named by a cookie signed with SESSION_SECRET, not with anything from the password", async () => {
    const { status, cookie, setCookie } = await signIn();
    expect(status).toBe(204);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const [id, expires, signature] = cookie.replace(/^bakery_staff=/, "").split(".");
    expect(signature).toBe(createHmac("sha256", SECRET).update(`${id}.${expires}`).digest("base64url"));
    expect((await staffGet(cookie)).status).toBe(200);

    // The same session signed the old way, with a key derived from the password: refused.
    const passwordKey = createHash("sha256").update(`bakery-staff-session:${PASSWORD}`).digest();
    const oldWay = createHmac("sha256", passwordKey).update(`${id}.${expires}`).digest("base64url");
    expect((await staffGet(`bakery_staff=${id}.${expires}.${oldWay}`)).status).toBe(401);
    // Tampered: a later expiry, or another session id.
    expect((await staffGet(`bakery_staff=${id}.${Number(expires) + 1000}.${signature}`)).status).toBe(401);
    // Signed right but never issued (a leaked secret alone does not make a session).
    const forged = createHmac("sha256", SECRET).update(`made-up.${expires}`).digest("base64url");
    expect((await staffGet(`bakery_staff=made-up.${expires}.${forged}`)).status).toBe(401);
  });

  it("guard every staff route, the failure half's included", async () => {
    const { cookie } = await signIn();
    for (const [method, path, body] of STAFF_ROUTES) {
      for (const headers of [{}, { cookie: "bakery_staff=garbage" }] as Record<string, string>[]) {
        const answer = await bakery.web.call(method, path, { body, headers });
        expect(answer.status, `${method} ${path}`).toBe(401);
        expect(ApiError.parse(answer.json).error.code).toBe("UNAUTHORIZED");
      }
      const leave = new AbortController();
      const allowed = await bakery.web.respond(method, path, { body, headers: { cookie }, signal: leave.signal });
      leave.abort();
      expect(allowed.status, `${method} ${path} signed in`).not.toBe(401);
    }
  });

  it("end on the server at sign-out: the cookie is refused at once, by this process and by any other", async () => {
    const { cookie } = await signIn();
    expect((await staffGet(cookie)).status).toBe(200);
    const signedOut = await bakery.web.call("DELETE", "/api/staff/session", { headers: { cookie } });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    // Somebody kept the cookie: refused on every route.
    for (const [method, path, body] of STAFF_ROUTES)
      expect((await bakery.web.call(method, path, { body, headers: { cookie } })).status, path).toBe(401);
    // Another web process knows only the database: it refuses the cookie too.
    const other = await openDatabase();
    try {
      const deps = { c: waiterCollections(other.db), env: bakery.web.context.env };
      expect(await activeSession(deps, cookie.replace(/^bakery_staff=/, ""))).toBeUndefined();
      const live = (await signIn()).cookie;
      expect(await activeSession(deps, live.replace(/^bakery_staff=/, ""))).toBeDefined();
    } finally {
      await other.client.close();
    }
  });

  it("close the staff event stream when the session is signed out", async () => {
    const { cookie } = await signIn();
    const stream = await bakery.web.respond("GET", "/api/staff/events", { headers: { cookie } });
    expect(stream.status).toBe(200);
    const ended = untilStreamEnds(stream, 20_000);
    await bakery.web.call("DELETE", "/api/staff/session", { headers: { cookie } });
    const messages = await ended;
    expect(messages[0]?.event).toBe("snapshot");
    expect(messages.at(-1)?.event).toBe("session-ended");
  });

  it("get the Secure flag when the request came over HTTPS", async () => {
    expect((await signIn({ "x-forwarded-proto": "https" })).setCookie).toMatch(/; Secure$/);
    expect((await signIn({ "x-forwarded-proto": "http" })).setCookie).not.toMatch(/Secure/);
  });
});

describe("short staff sessions and a tight sign-in limit", () => {
  const WINDOW_S = 3600;
  beforeAll(async () => {
    bakery = await startBakery({
      kitchens: 0,
      bars: 0,
      env: {
        STAFF_PASSWORD: PASSWORD,
        SESSION_SECRET: SECRET,
        SESSION_TTL_S: "2",
        LIMIT_SIGN_IN_PER_ADDRESS: "3",
        LIMIT_SIGN_IN_TOTAL: "6",
        LIMIT_SIGN_IN_WINDOW_S: String(WINDOW_S),
      },
    });
    await untilWindowHasLeft(WINDOW_S * 1000, 120_000);
  });
  afterAll(async () => {
    await bakery?.close();
  });

  it("expire, and the staff event stream closes when its session does", async () => {
    const { cookie, setCookie } = await signIn({ "x-forwarded-for": "192.0.2.10" });
    expect(setCookie).toMatch(/Max-Age=2(;|$)/);
    const stream = await bakery.web.respond("GET", "/api/staff/events", { headers: { cookie } });
    const opened = Date.now();
    const messages = await untilStreamEnds(stream, 15_000);
    expect(messages.at(-1)?.event).toBe("session-ended");
    expect(Date.now() - opened).toBeLessThan(10_000);
    expect((await staffGet(cookie)).status).toBe(401);
  });

  it("limit sign-in attempts per address and from everybody, with 429 and Retry-After, before the password is tried", async () => {
    // One attempt above (192.0.2.10). Three more from one address use up its limit...
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn({ "x-forwarded-for": "198.51.100.1" }, "wrong")).status);
    expect(statuses).toEqual([401, 401, 401]);
    // ...after which even the right password is not looked at.
    const refused = await signIn({ "x-forwarded-for": "198.51.100.1" });
    expect(refused.status).toBe(429);
    expect(ApiError.parse(refused.json).error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
    expect(refused.setCookie).toBe("");

    // Another address may still try, until everybody's attempts (6) are used up.
    expect((await signIn({ "x-forwarded-for": "198.51.100.2" })).status).toBe(204);
    expect((await signIn({ "x-forwarded-for": "198.51.100.3" }, "wrong")).status).toBe(401);
    const overall = await signIn({ "x-forwarded-for": "198.51.100.4" });
    expect(overall.status).toBe(429);
    expect(Number(overall.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("count attempts in the database, so the limit holds across web processes", async () => {
    // Two limiters with clients of their own: what two web processes hold. They share the database only.
    const processes = await Promise.all([1, 2].map(() => openDatabase()));
    try {
      const limiters = processes.map(({ db }) => createSlotLimiter(waiterCollections(db).rateSlots, WINDOW_S * 1000));
      const verdicts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => limiters[i % 2]!.take("sign-in:203.0.113.50", 7, Date.now())),
      );
      expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(7);
      // A third process starting now learns the window is full from one read, and writes nothing.
      const third = await openDatabase();
      try {
        const slots = waiterCollections(third.db).rateSlots;
        const before = await slots.countDocuments();
        expect((await createSlotLimiter(slots, WINDOW_S * 1000).take("sign-in:203.0.113.50", 7, Date.now())).ok).toBe(
          false,
        );
        expect(await slots.countDocuments()).toBe(before);
      } finally {
        await third.client.close();
      }
    } finally {
      await Promise.all(processes.map(({ client }) => client.close()));
    }
  });
});
