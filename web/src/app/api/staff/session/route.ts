// POST /api/staff/session - sign in with the staff password; DELETE - sign out (on every web process at once)
import { StaffSignIn } from "@bakery/shared/api";
import { AppError } from "@/server/errors";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { endSession, passwordMatches, sessionCookie, staffCookieFrom, startSession } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const POST = route(async (request, ctx) => {
  // Counted before the password is looked at: past the limit, no guess is even tried.
  await ctx.limits.signIn(request);
  const { password } = await readJson(request, StaffSignIn);
  if (!passwordMatches(ctx.env.STAFF_PASSWORD, password))
    throw new AppError("UNAUTHORIZED", "Wrong password", "password");
  const { token, maxAgeS } = await startSession(ctx);
  return new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie(request, token, maxAgeS) } });
});

export const DELETE = route(async (request, ctx) => {
  await endSession(ctx, staffCookieFrom(request.headers.get("cookie")));
  return new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie(request, "", 0) } });
});
