import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isDuplicateKeyError } from "@bakery/shared/mongo";
import { cameOverHttps } from "./client-address";
import type { WebContext } from "./context";
import { AppError } from "./errors";

export const STAFF_COOKIE = "bakery_staff";
/** How often an open staff stream asks whether its session was ended (on any web process). */
const RECHECK_MS = 5000;

type Deps = Pick<WebContext, "c" | "env">;
export type StaffSession = { id: string; expiresAt: number };

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const passwordMatches = (password: string, attempt: string): boolean =>
  equal(createHash("sha256").update(attempt).digest("hex"), createHash("sha256").update(password).digest("hex"));

/**
 * The cookie names a session and its end, signed with SESSION_SECRET (never with anything
 * derived from the password, so a captured cookie gives nothing to guess the password
 * against). The signature only saves a database read for forged cookies: what makes a
 * session valid is its record, and no record of its end.
 */
const tokenOf = (secret: string, { id, expiresAt }: StaffSession) =>
  `${id}.${expiresAt}.${sign(secret, `${id}.${expiresAt}`)}`;

function sessionFromToken(secret: string, token: string | undefined, now: number): StaffSession | undefined {
  const [id, expires, signature, extra] = token?.split(".") ?? [];
  if (!id || !expires || !signature || extra !== undefined || !/^\d{1,15}$/.test(expires)) return undefined;
  if (!equal(signature, sign(secret, `${id}.${expires}`))) return undefined;
  const expiresAt = Number(expires);
  return expiresAt > now ? { id, expiresAt } : undefined;
}

/** Signs a member of staff in: a session record of its own, and the cookie that names it. */
export async function startSession(deps: Deps, now = Date.now()): Promise<{ token: string; maxAgeS: number }> {
  const session = { id: randomBytes(18).toString("base64url"), expiresAt: now + deps.env.SESSION_TTL_S * 1000 };
  await deps.c.staffSessions.insertOne({
    _id: session.id,
    createdAt: new Date(now),
    expiresAt: new Date(session.expiresAt),
  });
  return { token: tokenOf(deps.env.SESSION_SECRET, session), maxAgeS: deps.env.SESSION_TTL_S };
}

/** The session a cookie names, if it is signed, not expired, recorded and not ended. */
export async function activeSession(
  deps: Deps,
  token: string | undefined,
  now = Date.now(),
): Promise<StaffSession | undefined> {
  const session = sessionFromToken(deps.env.SESSION_SECRET, token, now);
  if (!session) return undefined;
  const [record, ended] = await Promise.all([
    deps.c.staffSessions.findOne({ _id: session.id }, { projection: { _id: 1 } }),
    deps.c.staffSessionEnds.findOne({ _id: session.id }, { projection: { _id: 1 } }),
  ]);
  return record && !ended ? session : undefined;
}

/**
 * Sign-out: an insert-only record of the session's end. Every web process reads it on the
 * session's next request, so the cookie is refused everywhere at once.
 */
export async function endSession(deps: Deps, token: string | undefined, now = Date.now()): Promise<void> {
  const session = sessionFromToken(deps.env.SESSION_SECRET, token, now);
  if (!session) return;
  try {
    await deps.c.staffSessionEnds.insertOne({ _id: session.id, endedAt: new Date(now) });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

export const staffCookieFrom = (header: string | null): string | undefined =>
  header
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === STAFF_COOKIE)?.[1];

/** For staff API routes: the session, or 401. */
export async function requireStaff(deps: Deps, request: Request): Promise<StaffSession> {
  const session = await activeSession(deps, staffCookieFrom(request.headers.get("cookie")));
  if (!session) throw new AppError("UNAUTHORIZED", "Staff sign-in required");
  return session;
}

/** For staff pages (server components). */
export async function isStaffRequest(): Promise<boolean> {
  const [{ cookies }, { getContext }] = await Promise.all([import("next/headers"), import("./context")]);
  // The cookie first: reading it is what tells `next build` the page is per request, so the
  // build never opens a context (it has no database to reach, nor its environment).
  const token = (await cookies()).get(STAFF_COOKIE)?.value;
  return Boolean(await activeSession(await getContext(), token));
}

/**
 * Calls `onEnd` once when the session ends while something (an event stream) holds on to it:
 * at its expiry, or when a sign-out on any web process recorded its end.
 */
export function watchSession(deps: Deps, session: StaffSession, onEnd: () => void): () => void {
  let stopped = false;
  const end = () => {
    if (stopped) return;
    stop();
    onEnd();
  };
  const expiry = setTimeout(end, Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1));
  const recheck = setInterval(() => {
    deps.c.staffSessionEnds.findOne({ _id: session.id }, { projection: { _id: 1 } }).then(
      (ended) => ended && end(),
      () => undefined, // the database is away for a moment: ask again next time
    );
  }, RECHECK_MS);
  function stop() {
    stopped = true;
    clearTimeout(expiry);
    clearInterval(recheck);
  }
  return stop;
}

/** HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS (as the first trusted proxy saw it). */
export const sessionCookie = (request: Request, token: string, maxAgeS: number) =>
  `${STAFF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${
    cameOverHttps(request.headers) ? "; Secure" : ""
  }`;
