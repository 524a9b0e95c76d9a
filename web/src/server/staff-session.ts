import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { webEnv } from "./env";
import { AppError } from "./errors";

export const STAFF_COOKIE = "bakery_staff";
const SESSION_MS = 12 * 60 * 60 * 1000;

// The signing key follows from the password, so every web process accepts the same
// cookies and changing the password signs everybody out.
const password = (): string => webEnv().STAFF_PASSWORD;
const sign = (payload: string) =>
  createHmac("sha256", createHash("sha256").update(`bakery-staff-session:${password()}`).digest())
    .update(payload)
    .digest("base64url");

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const passwordMatches = (attempt: string): boolean =>
  equal(createHash("sha256").update(attempt).digest("hex"), createHash("sha256").update(password()).digest("hex"));

export function issueSession(now = Date.now()): { token: string; maxAgeSeconds: number } {
  const expires = String(now + SESSION_MS);
  return { token: `${expires}.${sign(expires)}`, maxAgeSeconds: SESSION_MS / 1000 };
}

export function isValidSession(token: string | undefined, now = Date.now()): boolean {
  const [expires, signature] = token?.split(".") ?? [];
  return Boolean(expires && signature && equal(signature, sign(expires)) && Number(expires) > now);
}

const cookieFrom = (header: string | null): string | undefined =>
  header
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === STAFF_COOKIE)?.[1];

/** For staff API routes: 401 unless the request carries a valid session cookie. */
export function requireStaff(request: Request): void {
  if (!isValidSession(cookieFrom(request.headers.get("cookie"))))
    throw new AppError("UNAUTHORIZED", "Staff sign-in required");
}

/** For staff pages (server components). */
export async function isStaffRequest(): Promise<boolean> {
  const { cookies } = await import("next/headers");
  return isValidSession((await cookies()).get(STAFF_COOKIE)?.value);
}

// Not `Secure`: the bakery is often served over plain HTTP on a local network; put TLS in front to add it.
export const sessionCookie = (token: string, maxAgeSeconds: number) =>
  `${STAFF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
